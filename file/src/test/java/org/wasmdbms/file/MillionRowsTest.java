package org.wasmdbms.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.memory.page.Catalog;
import org.wasmdbms.memory.page.Pager;
import org.wasmdbms.memory.page.RecordCursor;
import org.wasmdbms.memory.page.RecordStore;

/**
 * Loads a million {@code users(id, name, email, age)}-sized records into a file in batches of
 * 10,000 (each batch synced, like a commit), reopens the file and finds the rows again.
 */
class MillionRowsTest {
  private static final int ROWS = 1_000_000;
  private static final int BATCH = 10_000;

  @TempDir Path dir;

  /** A row of roughly 50 to 80 bytes: id, name, email and age, encoded simply. */
  private static byte[] user(int id) {
    String name = "user" + id + (id % 3 == 0 ? " smith" : "");
    String email = "user" + id + "@example" + (id % 7) + ".org";
    byte[] text = (name + '\0' + email).getBytes(StandardCharsets.UTF_8);
    byte[] row = new byte[8 + 1 + text.length + 20];
    for (int i = 0; i < 8; i++) {
      row[i] = (byte) ((long) id >>> (8 * i));
    }
    row[8] = (byte) (18 + id % 60);
    System.arraycopy(text, 0, row, 9, text.length);
    return row;
  }

  @Test
  void loadsAMillionRowsAndFindsThemAfterReopening() {
    Path file = dir.resolve("users.wdb");
    long start = System.nanoTime();
    Pager pager = Pager.open(FileMemoryProvider.open(file));
    int table =
        Catalog.open(pager)
            .put("users", "users(id, name, email, age)".getBytes(StandardCharsets.UTF_8));
    RecordStore store = new RecordStore(pager);
    long[] ids = new long[ROWS];
    for (int batch = 0; batch < ROWS; batch += BATCH) {
      for (int i = batch; i < batch + BATCH; i++) {
        ids[i] = store.insert(table, user(i));
      }
      pager.sync();
    }
    pager.close();
    long loaded = System.nanoTime();

    Pager reopened = Pager.open(FileMemoryProvider.open(file));
    int tableId = Catalog.open(reopened).tableId("users").getAsInt();
    RecordStore again = new RecordStore(reopened);
    for (int i = 0; i < ROWS; i += 997) {
      assertArrayEquals(user(i), again.read(ids[i]), "row " + i);
    }
    RecordCursor cursor = again.scan(tableId);
    int count = 0;
    while (cursor.next()) {
      count++;
    }
    assertEquals(ROWS, count);
    long done = System.nanoTime();
    System.out.println(
        "million rows: load "
            + (loaded - start) / 1_000_000
            + " ms, reopen+find+scan "
            + (done - loaded) / 1_000_000
            + " ms, file "
            + fileSize(file) / (1 << 20)
            + " MiB");
    reopened.close();
  }

  private static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
