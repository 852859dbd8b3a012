package org.wasmdbms.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.host.abi.DatabaseAbi;
import org.wasmdbms.wit.WitQuery;

/** Several values of several MiB in one instance: answers or typed errors, never a trap. */
class LargeValuesTest {
  @TempDir Path directory;

  private static Row bigPost(long id, int bytes) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("title", new TextValue("big " + id))
        .set("content", new TextValue("c".repeat(bytes)))
        .set("user", new Uint32Value(1))
        .set("metadata", NullValue.INSTANCE)
        .build();
  }

  @Test
  void twoFourMiBPostsThenSelect() {
    try (GuestInstance guest = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(guest);
      db.insert("users", GuestExportsTest.user(1, "Alice", "alice@example.com"), null);
      db.insert("posts", bigPost(1, 4 << 20), null);
      db.insert("posts", bigPost(2, 4 << 20), null);
      assertEquals(2, db.select("posts", WitQuery.ALL, null).size());
    }
  }

  @Test
  void tenOneMiBPostsSelectedAtOnce() {
    try (GuestInstance guest = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(guest);
      db.insert("users", GuestExportsTest.user(1, "Alice", "alice@example.com"), null);
      for (int i = 1; i <= 10; i++) {
        db.insert("posts", bigPost(i, 1 << 20), null);
      }
      assertEquals(10, db.select("posts", WitQuery.ALL, null).size());
    }
  }

  /**
   * Sixteen 2 MiB posts allocate more than the guest's whole heap, so TeaVM's collector runs
   * between and inside these calls (it used to hang or trap here); then a select of all of them is
   * beyond the result limit and answers memory-error, and a smaller one still works.
   */
  @Test
  void sixteenTwoMiBPostsThenTooLargeASelect() {
    try (GuestInstance guest = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(guest);
      db.insert("users", GuestExportsTest.user(1, "Alice", "alice@example.com"), null);
      for (int i = 1; i <= 16; i++) {
        db.insert("posts", bigPost(i, 2 << 20), null);
      }
      MemoryException tooLarge =
          assertThrows(MemoryException.class, () -> db.select("posts", WitQuery.ALL, null));
      assertTrue(tooLarge.detail().contains("more than 16777216 bytes"), tooLarge.detail());
      List<Row> two =
          db.select("posts", WitQuery.filtered("{\"Lt\":[\"id\",{\"Uint32\":3}]}"), null);
      assertEquals(List.of(bigPost(1, 2 << 20), bigPost(2, 2 << 20)), two);
    }
  }

  /**
   * Writes that would hold more rows than the guest can spare answer memory-error and change
   * nothing, where they used to exhaust the heap and trap: a transaction gathering 2 MiB posts (the
   * sixteenth passes {@link GuestMemory#MAX_WRITE_BYTES}; the transaction stays open and commits
   * the first fifteen), then a cascading delete of the user above seventeen of them.
   */
  @Test
  void writesPastTheWriteLimitAnswerMemoryError() {
    try (GuestInstance guest = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(guest);
      db.insert("users", GuestExportsTest.user(1, "Alice", "alice@example.com"), null);
      long tx = db.beginTransaction();
      // A post counts its 2 MiB of content plus its title and numbers: fifteen fit, not sixteen.
      int fitting = (int) (GuestMemory.MAX_WRITE_BYTES / ((2 << 20) + 64L));
      for (int i = 1; i <= fitting; i++) {
        db.insert("posts", bigPost(i, 2 << 20), tx);
      }
      MemoryException tooMuch =
          assertThrows(
              MemoryException.class, () -> db.insert("posts", bigPost(fitting + 1, 2 << 20), tx));
      assertTrue(tooMuch.detail().contains("write would hold more than"), tooMuch.detail());
      db.commit(tx);
      String lastTwo = "{\"Gt\":[\"id\",{\"Uint32\":" + (fitting - 2) + "}]}";
      assertEquals(
          List.of(bigPost(fitting - 1, 2 << 20), bigPost(fitting, 2 << 20)),
          db.select("posts", WitQuery.filtered(lastTwo), null));

      // Two more, one statement each, and the user's posts together pass the limit.
      db.insert("posts", bigPost(fitting + 1, 2 << 20), null);
      db.insert("posts", bigPost(fitting + 2, 2 << 20), null);
      assertThrows(
          MemoryException.class,
          () -> db.delete("users", DeleteBehavior.CASCADE, GuestExportsTest.idIs(1), null));
      assertEquals(1, db.select("users", WitQuery.ALL, null).size());
      assertEquals(4, db.select("posts", WitQuery.filtered(lastTwo), null).size());
    }
  }
}
