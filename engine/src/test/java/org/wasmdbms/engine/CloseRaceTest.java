package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.file.DatabaseFiles;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/**
 * {@link Database#close()} from two threads at once while six others insert and select: both closes
 * return (no hang, closing twice is harmless), every call either completes or fails with "the
 * database is closed", no call that starts after a close returned succeeds, and on a file every
 * insert that returned is there after reopening, and nothing else. Prints its seed.
 */
class CloseRaceTest {
  private static final int ROUNDS = 6;

  @TempDir Path dir;

  @Test
  void closeRacingWithCallsOnTheHeap() throws Exception {
    race(round -> new HeapMemoryProvider(), false);
  }

  @Test
  void closeRacingWithCallsOnAFile() throws Exception {
    race(round -> DatabaseFiles.open(dir.resolve("close-" + round + ".wdb")), true);
  }

  /**
   * Runs the race {@value #ROUNDS} times, on {@code provider.apply(round)}; a durable provider is
   * opened again the same way to check its content.
   */
  private void race(IntFunction<MemoryProvider> provider, boolean durable) throws Exception {
    long seed = System.nanoTime();
    System.out.println("CloseRaceTest seed=" + seed);
    Random random = new Random(seed);
    for (int round = 0; round < ROUNDS; round++) {
      Database db = Database.open(provider.apply(round));
      db.register(Books.schema());
      Books books = new Books(3);
      boolean[] closeReturned = {false};
      Workers workers =
          Workers.start(
              6,
              seed + round * 100L,
              (worker, r) -> {
                boolean afterClose;
                synchronized (closeReturned) {
                  afterClose = closeReturned[0];
                }
                try {
                  books.turn(db, worker, r);
                } catch (MemoryException e) {
                  assertEquals("the database is closed", e.detail());
                  return;
                }
                if (afterClose) {
                  fail("a call that started after close() returned succeeded");
                }
              });
      Thread.sleep(random.nextInt(60));
      List<Thread> closers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Thread closer =
            new Thread(
                () -> {
                  db.close();
                  synchronized (closeReturned) {
                    closeReturned[0] = true;
                  }
                });
        closers.add(closer);
        closer.start();
      }
      for (Thread closer : closers) {
        closer.join(60_000);
        assertFalse(closer.isAlive(), "close() hangs; seed=" + seed);
      }
      Thread.sleep(20);
      workers.stop();
      db.close();
      assertThrows(MemoryException.class, () -> db.select(Books.TABLE, Query.ALL));
      if (durable) {
        Database reopened = Database.open(provider.apply(round));
        try {
          reopened.register(Books.schema());
          books.verify(reopened);
        } finally {
          reopened.close();
        }
      }
    }
  }
}
