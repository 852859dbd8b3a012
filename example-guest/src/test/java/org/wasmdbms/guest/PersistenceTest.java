package org.wasmdbms.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.host.abi.DatabaseAbi;
import org.wasmdbms.wit.WitQuery;

/** The database file outlives the instance that wrote it. */
class PersistenceTest {
  @TempDir Path directory;

  @Test
  void aFreshInstanceReadsWhatAnotherWrote() throws Exception {
    List<Row> written;
    try (GuestInstance first = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(first);
      db.insert("users", GuestExportsTest.user(1, "Alice", "alice@example.com"), null);
      db.insert("posts", GuestExportsTest.post(10, "hello", 1), null);
      long tx = db.beginTransaction();
      db.insert("users", GuestExportsTest.user(2, "Bob", "bob@example.com"), tx);
      db.commit(tx);
      long lost = db.beginTransaction();
      db.insert("users", GuestExportsTest.user(3, "Carol", "carol@example.com"), lost);
      written = db.select("users", WitQuery.ALL, null);
    }
    Path file = directory.resolve(GuestDatabase.DATA_FILE);
    assertTrue(Files.size(file) > 0 && Files.size(file) % 65536 == 0, "whole pages");

    try (GuestInstance second = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(second);
      assertEquals(written, db.select("users", WitQuery.ALL, null));
      assertEquals(2, written.size(), "the uncommitted transaction left nothing");
      assertEquals(1, db.select("posts", WitQuery.ALL, null).size());
    }
  }

  @Test
  void aForeignFileIsAMemoryError() throws Exception {
    Files.write(directory.resolve(GuestDatabase.DATA_FILE), new byte[65536 * 2]);
    Files.write(
        directory.resolve(GuestDatabase.DATA_FILE),
        "not a database".getBytes(),
        java.nio.file.StandardOpenOption.WRITE);
    try (GuestInstance guest = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(guest);
      org.junit.jupiter.api.Assertions.assertThrows(
          MemoryException.class, () -> db.select("users", WitQuery.ALL, null));
    }
  }

  @Test
  void aTornLastPageIsCutOffLikeAfterACrashWhileGrowing() throws Exception {
    // A crash while the file grows can leave a partial page; nothing past the last checkpoint is
    // trusted, so the partial page is cut off and the (empty) database opens.
    Files.write(directory.resolve(GuestDatabase.DATA_FILE), new byte[100]);
    try (GuestInstance guest = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(guest);
      assertEquals(0, db.select("users", WitQuery.ALL, null).size());
    }
    assertEquals(0, Files.size(directory.resolve(GuestDatabase.DATA_FILE)) % 65536);
    assertTrue(Files.exists(directory.resolve(GuestDatabase.JOURNAL_FILE)));
  }
}
