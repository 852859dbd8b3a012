package org.wasmdbms.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.guest.GuestClient.WitQuery;

/** Several values of several MiB in one instance: answers or typed errors, never a trap. */
class LargeValuesTest {
  @TempDir Path directory;

  private static Row bigPost(long id, int bytes) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("title", new TextValue("big " + id))
        .set("content", new TextValue("c".repeat(bytes)))
        .set("user", new Uint32Value(1))
        .build();
  }

  @Test
  void twoFourMiBPostsThenSelect() {
    try (GuestInstance guest = new GuestInstance(directory)) {
      GuestClient db = new GuestClient(guest);
      db.insert("users", GuestExportsTest.user(1, "Alice", "alice@example.com"), null);
      db.insert("posts", bigPost(1, 4 << 20), null);
      db.insert("posts", bigPost(2, 4 << 20), null);
      assertEquals(2, db.select("posts", WitQuery.all(), null).size());
    }
  }

  @Test
  void tenOneMiBPostsSelectedAtOnce() {
    try (GuestInstance guest = new GuestInstance(directory)) {
      GuestClient db = new GuestClient(guest);
      db.insert("users", GuestExportsTest.user(1, "Alice", "alice@example.com"), null);
      for (int i = 1; i <= 10; i++) {
        db.insert("posts", bigPost(i, 1 << 20), null);
      }
      assertEquals(10, db.select("posts", WitQuery.all(), null).size());
    }
  }
}
