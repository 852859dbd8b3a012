package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.file.DatabaseFiles;

/**
 * The scenario that used to destroy a database file: one {@link Database} on {@link
 * DatabaseFiles#open} shared by two threads inserting single rows and two threads doing indexed
 * selects, then four threads reading the filled file. Every answer must be exact, and the file must
 * reopen with every acknowledged insert, its indexes agreeing with a scan. Phase lengths in
 * milliseconds: {@code -Dshared.writeMillis=} (default 3000) and {@code -Dshared.readMillis=}
 * (default 2000). Prints its seed; {@code -Dshared.seed=} reuses one (thread timing still varies).
 */
class SharedDatabaseTest {
  private static final long WRITE_MILLIS = Long.getLong("shared.writeMillis", 3000);
  private static final long READ_MILLIS = Long.getLong("shared.readMillis", 2000);

  @TempDir Path dir;

  @Test
  void twoWritersAndTwoReadersThenFourReadersOnOneFile() throws Exception {
    long seed = Long.getLong("shared.seed", System.nanoTime());
    System.out.println("SharedDatabaseTest seed=" + seed);
    Path file = dir.resolve("books.wdb");
    Books books = new Books(2);
    AtomicLong reads = new AtomicLong();
    Database db = open(file);
    try {
      Workers mixed =
          Workers.start(
              4,
              seed,
              (worker, random) -> {
                books.turn(db, worker, random);
                if (worker >= books.writers()) {
                  reads.incrementAndGet();
                }
              });
      mixed.runFor(WRITE_MILLIS);
    } finally {
      db.close();
    }
    assertTrue(books.acknowledged(0) > Books.GROUP && books.acknowledged(1) > Books.GROUP);
    assertTrue(reads.get() > 0);

    Database reopened = open(file);
    try {
      books.verify(reopened);
      long before = reads.get();
      Workers.start(
              4,
              seed + 10,
              (worker, random) -> {
                books.readOne(reopened, random);
                reads.incrementAndGet();
              })
          .runFor(READ_MILLIS);
      assertTrue(reads.get() > before);
      books.verify(reopened);
    } finally {
      reopened.close();
    }
    System.out.println(
        "SharedDatabaseTest: "
            + (books.acknowledged(0) + books.acknowledged(1))
            + " inserts, "
            + reads.get()
            + " reads");
  }

  private static Database open(Path file) {
    Database db = Database.open(DatabaseFiles.open(file));
    db.register(Books.schema());
    return db;
  }
}
