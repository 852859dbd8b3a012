package org.wasmdbms.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.guest.GuestClient.WitQuery;

/**
 * Arguments a well-behaved host would never send, written into guest memory by hand: each gets a
 * {@code dbms-error} (never a trap), and the guest keeps working afterwards.
 */
class InvalidInputTest {
  private static final String INSERT = GuestClient.INTERFACE + "insert";
  private static final String DELETE = GuestClient.INTERFACE + "delete";
  private static final String SELECT = GuestClient.INTERFACE + "select";

  @TempDir Path directory;
  private GuestInstance guest;
  private GuestClient db;
  private Memory memory;

  @BeforeEach
  void start() {
    guest = new GuestInstance(directory);
    db = new GuestClient(guest);
    memory = guest.memory();
  }

  @AfterEach
  void stop() {
    guest.close();
  }

  private DbmsException insertRaw(long[] table, long[] row) {
    int result = (int) guest.call(INSERT, table[0], table[1], row[0], row[1], 0, 0)[0];
    return assertThrows(DbmsException.class, () -> db.finish("insert", result, 4, () -> null));
  }

  private static final byte[] INVALID_UTF8 = {'u', 's', (byte) 0xC3, '(', 's'};

  @Test
  void invalidUtf8IsAnInvalidQuery() {
    long[] table = db.bytes(INVALID_UTF8);
    DbmsException e = insertRaw(table, db.row(GuestExportsTest.user(1, "A", "a@example.com")));
    assertEquals(InvalidQueryException.class, e.getClass());
    assertTrue(e.detail().contains("UTF-8"), e.detail());

    // Inside a text value of a row: patch the bytes of the name value after lowering.
    long[] row = db.row(GuestExportsTest.user(2, "ABCDE", "b@example.com"));
    int nameValue = (int) row[0] + 24 + 8;
    int textAddress = memory.readInt(nameValue + 8);
    memory.write(textAddress, new byte[] {'A', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'E'});
    e = insertRaw(db.string("users"), row);
    assertEquals(InvalidQueryException.class, e.getClass());
    assertTrue(e.detail().contains("UTF-8"), e.detail());

    assertEquals(0, db.select("users", WitQuery.all(), null).size());
  }

  @Test
  void pointersOutsideTheArgumentMemoryAreRefused() {
    DbmsException e =
        insertRaw(new long[] {16, 5}, db.row(GuestExportsTest.user(1, "A", "a@x.com")));
    assertEquals(InvalidQueryException.class, e.getClass());
    assertTrue(e.detail().contains("outside"), e.detail());

    int result = (int) guest.call(SELECT, 24)[0];
    e = assertThrows(DbmsException.class, () -> db.finish("select", result, 4, () -> null));
    assertTrue(e.detail().contains("select parameters"), e.detail());

    long[] hugeList = {db.allocate(24, 8), 1 << 28};
    e = insertRaw(db.string("users"), hugeList);
    assertTrue(e.detail().contains("outside"), e.detail());
  }

  @Test
  void unknownCasesAreRefused() {
    long[] row = db.row(GuestExportsTest.user(1, "A", "a@example.com"));
    memory.writeByte((int) row[0] + 8, (byte) 99);
    DbmsException e = insertRaw(db.string("users"), row);
    assertTrue(e.detail().contains("no value case 99"), e.detail());

    long[] table = db.string("users");
    int result = (int) guest.call(DELETE, table[0], table[1], 5, 0, 0, 0, 0, 0)[0];
    e = assertThrows(DbmsException.class, () -> db.finish("delete", result, 8, () -> null));
    assertTrue(e.detail().contains("delete-behavior"), e.detail());

    long[] filter = db.string("{\"IsNull\":\"name\"}");
    long[] table2 = db.string("users");
    int result2 =
        (int) guest.call(DELETE, table2[0], table2[1], 0, 2, filter[0], filter[1], 3, 0)[0];
    e = assertThrows(DbmsException.class, () -> db.finish("delete", result2, 8, () -> null));
    assertTrue(e.detail().contains("option discriminant 2"), e.detail());
  }

  @Test
  void malformedTextFormsAreInvalidQueries() {
    for (String bad : new String[] {"1e5", "12.", "-"}) {
      long[] row =
          db.row(Row.builder().set("id", new DecimalValue(java.math.BigDecimal.ONE)).build());
      // Replace the decimal text with a malformed one.
      long[] text = db.string(bad);
      memory.writeI32((int) row[0] + 16, (int) text[0]);
      memory.writeI32((int) row[0] + 20, (int) text[1]);
      DbmsException e = insertRaw(db.string("users"), row);
      assertEquals(InvalidQueryException.class, e.getClass(), bad);
    }
    Row date = Row.builder().set("id", new TextValue("x")).build();
    long[] row = db.row(date);
    memory.writeByte((int) row[0] + 8, (byte) 14);
    assertEquals(InvalidQueryException.class, insertRaw(db.string("users"), row).getClass());
    memory.writeByte((int) row[0] + 8, (byte) 17);
    assertEquals(InvalidQueryException.class, insertRaw(db.string("users"), row).getClass());
  }

  @Test
  void oversizedRequestsAreConstraintViolations() {
    String big = "x".repeat(GuestMemory.MAX_VALUE_BYTES);
    Row row =
        Row.builder()
            .set("id", new Uint32Value(1))
            .set("name", new TextValue(big))
            .set("email", new TextValue(big))
            .set("extra", new TextValue("y"))
            .build();
    ConstraintViolationException e =
        assertThrows(ConstraintViolationException.class, () -> db.insert("users", row, null));
    assertTrue(e.detail().contains("in all"), e.detail());

    Row.Builder wide = Row.builder();
    for (int i = 0; i <= GuestMemory.MAX_LIST_LENGTH; i++) {
      wide.set("c", new Uint32Value(i));
    }
    e =
        assertThrows(
            ConstraintViolationException.class, () -> db.insert("users", wide.build(), null));
    assertTrue(e.detail().contains("elements"), e.detail());
  }

  @Test
  void argumentMemoryIsFreedEvenWhenTheCallFails() {
    // 300 rounds of failing calls with 300 KiB of arguments would add about 1400 pages if leaked.
    byte[] longName = new byte[100 << 10];
    java.util.Arrays.fill(longName, (byte) 'n');
    byte[] badName = longName.clone();
    badName[50] = (byte) 0xFF;
    String text = "t".repeat(100 << 10);
    int before = 0;
    for (int call = 0; call < 300; call++) {
      if (call == 10) {
        before = memory.pages();
      }
      Row row = GuestExportsTest.user(call, text, "a@example.com");
      insertRaw(db.bytes(call % 2 == 0 ? longName : badName), db.row(row));
      long[] badCase = db.row(row);
      memory.writeByte((int) badCase[0] + 8, (byte) 42);
      insertRaw(db.string("users"), badCase);
    }
    assertEquals(before, memory.pages());
  }

  @Test
  void theGuestStillWorksAfterBadInput() {
    insertRaw(new long[] {16, 5}, new long[] {16, 3});
    insertRaw(db.bytes(INVALID_UTF8), new long[] {0, 0});
    Row stored = db.insert("users", GuestExportsTest.user(1, "Alice", "a@example.com"), null);
    assertEquals(1, db.select("users", WitQuery.all(), null).size());
    assertEquals(new TextValue("Alice"), stored.get("name"));
  }
}
