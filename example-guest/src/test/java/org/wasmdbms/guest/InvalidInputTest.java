package org.wasmdbms.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.wasmdbms.host.abi.DatabaseAbi;
import org.wasmdbms.wit.DbmsFunction;
import org.wasmdbms.wit.DbmsTypes;
import org.wasmdbms.wit.ValueCase;
import org.wasmdbms.wit.WitQuery;

/**
 * Arguments a well-behaved host would never send, lowered by the host and then damaged in guest
 * memory, or written by hand: each gets a {@code dbms-error} (never a trap), and the guest keeps
 * working afterwards.
 */
class InvalidInputTest {
  /** Where a column value's value sits in a row's list, and a value's payload in the value. */
  private static final int VALUE = DbmsTypes.COLUMN_VALUE.fieldOffset(1);

  private static final int PAYLOAD = DbmsTypes.VALUE.payloadOffset();

  @TempDir Path directory;
  private GuestInstance guest;
  private DatabaseAbi db;
  private RawArguments raw;
  private Memory memory;

  @BeforeEach
  void start() {
    guest = new GuestInstance(directory);
    db = new DatabaseAbi(guest);
    raw = new RawArguments(guest);
    memory = guest.memory();
  }

  @AfterEach
  void stop() {
    guest.close();
  }

  /** The error of a call with these core arguments. */
  private DbmsException fails(DbmsFunction function, long... arguments) {
    return assertThrows(DbmsException.class, () -> db.callWithCoreArguments(function, arguments));
  }

  private DbmsException insertRaw(long[] table, long[] row) {
    return fails(DbmsFunction.INSERT, table[0], table[1], row[0], row[1], 0, 0);
  }

  private static final byte[] INVALID_UTF8 = {'u', 's', (byte) 0xC3, '(', 's'};

  @Test
  void invalidUtf8IsAnInvalidQuery() {
    long[] table = raw.bytes(INVALID_UTF8);
    DbmsException e = insertRaw(table, raw.row(GuestExportsTest.user(1, "A", "a@example.com")));
    assertEquals(InvalidQueryException.class, e.getClass());
    assertTrue(e.detail().contains("UTF-8"), e.detail());

    // Inside a text value of a row: patch the bytes of the name value after lowering.
    long[] row = raw.row(GuestExportsTest.user(2, "ABCDE", "b@example.com"));
    int nameValue = (int) row[0] + DbmsTypes.COLUMN_VALUE.size() + VALUE;
    int textAddress = memory.readInt(nameValue + PAYLOAD);
    memory.write(textAddress, new byte[] {'A', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'E'});
    e = insertRaw(raw.string("users"), row);
    assertEquals(InvalidQueryException.class, e.getClass());
    assertTrue(e.detail().contains("UTF-8"), e.detail());

    assertEquals(0, db.select("users", WitQuery.ALL, null).size());
  }

  @Test
  void pointersOutsideTheArgumentMemoryAreRefused() {
    DbmsException e =
        insertRaw(new long[] {16, 5}, raw.row(GuestExportsTest.user(1, "A", "a@x.com")));
    assertEquals(InvalidQueryException.class, e.getClass());
    assertTrue(e.detail().contains("outside"), e.detail());

    e = fails(DbmsFunction.SELECT, 24);
    assertTrue(e.detail().contains("select parameters"), e.detail());

    long[] hugeList = {raw.block(24, 8), 1 << 28};
    e = insertRaw(raw.string("users"), hugeList);
    assertTrue(e.detail().contains("outside"), e.detail());
  }

  @Test
  void unknownCasesAreRefused() {
    long[] row = raw.row(GuestExportsTest.user(1, "A", "a@example.com"));
    memory.writeByte((int) row[0] + VALUE, (byte) 99);
    DbmsException e = insertRaw(raw.string("users"), row);
    assertTrue(e.detail().contains("no value case 99"), e.detail());

    long[] table = raw.string("users");
    e = fails(DbmsFunction.DELETE, table[0], table[1], 5, 0, 0, 0, 0, 0);
    assertTrue(e.detail().contains("no delete-behavior case 5"), e.detail());

    long[] filter = raw.string("{\"IsNull\":\"name\"}");
    long[] table2 = raw.string("users");
    e = fails(DbmsFunction.DELETE, table2[0], table2[1], 0, 2, filter[0], filter[1], 3, 0);
    assertTrue(e.detail().contains("no option<string> case 2"), e.detail());

    e = fails(DbmsFunction.BEGIN_TRANSACTION_ISOLATED, 2);
    assertInstanceOf(InvalidQueryException.class, e);
    assertTrue(e.detail().contains("isolation: no isolation case 2"), e.detail());
  }

  @Test
  void malformedTextFormsAreInvalidQueries() {
    for (String bad : new String[] {"1e5", "12.", "-"}) {
      long[] row =
          raw.row(Row.builder().set("id", new DecimalValue(java.math.BigDecimal.ONE)).build());
      // Replace the decimal text with a malformed one.
      long[] text = raw.string(bad);
      memory.writeI32((int) row[0] + VALUE + PAYLOAD, (int) text[0]);
      memory.writeI32((int) row[0] + VALUE + PAYLOAD + 4, (int) text[1]);
      DbmsException e = insertRaw(raw.string("users"), row);
      assertEquals(InvalidQueryException.class, e.getClass(), bad);
    }
    Row date = Row.builder().set("id", new TextValue("x")).build();
    long[] row = raw.row(date);
    memory.writeByte((int) row[0] + VALUE, (byte) ValueCase.DATE.ordinal());
    assertEquals(InvalidQueryException.class, insertRaw(raw.string("users"), row).getClass());
    memory.writeByte((int) row[0] + VALUE, (byte) ValueCase.UUID.ordinal());
    assertEquals(InvalidQueryException.class, insertRaw(raw.string("users"), row).getClass());
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
      insertRaw(raw.bytes(call % 2 == 0 ? longName : badName), raw.row(row));
      long[] badCase = raw.row(row);
      memory.writeByte((int) badCase[0] + VALUE, (byte) 42);
      insertRaw(raw.string("users"), badCase);
    }
    assertEquals(before, memory.pages());
  }

  @Test
  void theGuestStillWorksAfterBadInput() {
    insertRaw(new long[] {16, 5}, new long[] {16, 3});
    insertRaw(raw.bytes(INVALID_UTF8), new long[] {0, 0});
    Row stored = db.insert("users", GuestExportsTest.user(1, "Alice", "a@example.com"), null);
    assertEquals(1, db.select("users", WitQuery.ALL, null).size());
    assertEquals(new TextValue("Alice"), stored.get("name"));
  }
}
