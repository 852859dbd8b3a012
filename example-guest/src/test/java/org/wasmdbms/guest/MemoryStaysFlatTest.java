package org.wasmdbms.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.host.abi.DatabaseAbi;
import org.wasmdbms.wit.DbmsFunction;
import org.wasmdbms.wit.WitQuery;

/** Neither argument nor result memory leaks: the guest's memory does not grow over many calls. */
class MemoryStaysFlatTest {
  private static final int CALLS = 100_000;

  @TempDir Path directory;

  @Test
  void memoryPagesStayTheSameOverAHundredThousandCalls() {
    try (GuestInstance guest = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(guest);
      for (int id = 1; id <= 20; id++) {
        db.insert("users", GuestExportsTest.user(id, "user" + id, "u" + id + "@example.com"), null);
      }
      int warmUp = 1000;
      int before = 0;
      for (int call = 0; call < CALLS; call += 5) {
        if (call == warmUp) {
          before = guest.memory().pages();
        }
        long id = 1 + call % 20;
        db.select("users", WitQuery.filtered(GuestExportsTest.idIs(id)), null);
        assertThrows(
            DbmsException.class,
            () -> db.insert("users", GuestExportsTest.user(id, "dup", "d@example.com"), null));
        long tx = db.beginTransaction();
        db.update(
            "users",
            Row.builder().set("name", new TextValue("n" + call)).build(),
            GuestExportsTest.idIs(id),
            tx);
        db.rollback(tx);
        db.delete("posts", DeleteBehavior.RESTRICT, GuestExportsTest.idIs(id), null);
      }
      int after = guest.memory().pages();
      System.out.println(
          "memory pages after " + warmUp + " calls: " + before + ", after " + CALLS + ": " + after);
      assertEquals(before, after);
    }
  }

  @Test
  void resultsAHostNeverReleasedAreFreedByTheNextCall() {
    try (GuestInstance guest = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(guest);
      db.insert("users", GuestExportsTest.user(1, "Alice", "a@example.com"), null);
      int before = 0;
      for (int call = 0; call < 5000; call++) {
        if (call == 100) {
          before = guest.memory().pages();
        }
        guest.call(DbmsFunction.BEGIN_TRANSACTION.exportName());
      }
      assertEquals(before, guest.memory().pages());
    }
  }
}
