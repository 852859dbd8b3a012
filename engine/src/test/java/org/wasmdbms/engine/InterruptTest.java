package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.file.DatabaseFiles;
import org.wasmdbms.file.FileMemoryProvider;
import org.wasmdbms.memory.CachedMemoryProvider;
import org.wasmdbms.memory.journal.JournaledMemoryProvider;

/**
 * Interrupts threads in the middle of inserts and selects on a database file, as a web server
 * cancelling requests does, until interrupts have closed the files' channels several times. Every
 * call must complete with an exact answer and return with the thread's interrupt status set;
 * afterwards the database must work for everyone and, reopened, hold every acknowledged insert.
 * Prints its seed.
 */
class InterruptTest {
  private static final long MIN_MILLIS = 2000;
  private static final long MAX_MILLIS = 60_000;

  @TempDir Path dir;

  @Test
  void interruptedCallsCompleteAndNothingAcknowledgedIsLost() throws Exception {
    long seed = System.nanoTime();
    System.out.println("InterruptTest seed=" + seed);
    Path file = dir.resolve("interrupted.wdb");
    // The stack DatabaseFiles builds, with small caches so that reads reach the files.
    FileMemoryProvider data = FileMemoryProvider.openCuttingTornTail(file);
    FileMemoryProvider journal =
        FileMemoryProvider.openCuttingTornTail(DatabaseFiles.journalPath(file));
    Database db =
        Database.open(
            JournaledMemoryProvider.open(
                new CachedMemoryProvider(data, 4), new CachedMemoryProvider(journal, 4)));
    db.register(Books.schema());
    Books books = new Books(2);
    AtomicLong interruptsSeen = new AtomicLong();
    Workers workers =
        Workers.start(
            4,
            seed,
            (worker, random) -> {
              books.turn(db, worker, random);
              if (Thread.interrupted()) {
                interruptsSeen.incrementAndGet();
              }
            });
    Random random = new Random(seed);
    long start = System.currentTimeMillis();
    long elapsed = 0;
    while (workers.healthy()
        && elapsed < MAX_MILLIS
        && (elapsed < MIN_MILLIS || data.reopens() + journal.reopens() < 3)) {
      workers.threads().get(random.nextInt(4)).interrupt();
      Thread.sleep(random.nextInt(3));
      elapsed = System.currentTimeMillis() - start;
    }
    workers.stop();
    System.out.println(
        "InterruptTest: "
            + interruptsSeen.get()
            + " interrupts seen after calls, the data file reopened "
            + data.reopens()
            + " times, the journal "
            + journal.reopens());
    assertTrue(data.reopens() + journal.reopens() >= 3, "interrupts never closed a file");
    assertTrue(interruptsSeen.get() > 0, "no call restored the interrupt status");
    try {
      books.insertNext(db, 0);
      books.verify(db);
    } finally {
      db.close();
    }
    Database reopened = Database.open(DatabaseFiles.open(file));
    try {
      reopened.register(Books.schema());
      books.verify(reopened);
    } finally {
      reopened.close();
    }
  }
}
