package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * One transaction used from several threads: writes from all of them land in it, nobody outside
 * sees them before the commit, and a commit racing with inserts into the same transaction keeps
 * exactly the inserts that returned before it.
 */
class SharedTransactionTest {
  private static final int THREADS = 4;
  private static final int ROWS = 150;

  @Test
  void threadsShareATransactionThatAnotherThreadCommits() throws Exception {
    Database db = open();
    try {
      long tx = db.begin();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      CountDownLatch writersDone = new CountDownLatch(THREADS);
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        int writer = w;
        threads.add(
            thread(
                failure,
                () -> {
                  for (int n = 0; n < ROWS; n++) {
                    db.insert(tx, Books.TABLE, Books.book(writer, n));
                  }
                  writersDone.countDown();
                }));
      }
      threads.add(
          thread(
              failure,
              () -> {
                long seen = 0;
                while (writersDone.getCount() > 0) {
                  assertEquals(List.of(), db.select(Books.TABLE, Query.ALL), "outside the tx");
                  long now = db.select(tx, Books.TABLE, Query.ALL).size();
                  assertTrue(now >= seen, "the transaction lost rows");
                  seen = now;
                }
              }));
      join(threads, failure);
      Thread committer = thread(failure, () -> db.commit(tx));
      join(List.of(committer), failure);
      Books books = new Books(THREADS);
      for (int w = 0; w < THREADS; w++) {
        for (int n = 0; n < ROWS; n++) {
          books.acknowledge(w);
        }
      }
      books.verify(db);
    } finally {
      db.close();
    }
  }

  @Test
  void commitRacingWithInsertsKeepsExactlyTheInsertsThatReturnedBeforeIt() throws Exception {
    Database db = open();
    try {
      for (int round = 0; round < 20; round++) {
        long tx = db.begin();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong inserted = new AtomicLong();
        List<Row> returned = new ArrayList<>();
        int writer = round;
        Thread inserter =
            thread(
                failure,
                () -> {
                  try {
                    for (long n = 0; ; n++) {
                      db.insert(tx, Books.TABLE, Books.book(writer, n));
                      returned.add(Books.book(writer, n));
                      inserted.incrementAndGet();
                    }
                  } catch (TransactionNotFoundException e) {
                    // The commit finished the transaction: this insert was refused whole.
                  }
                });
        while (inserted.get() < round && failure.get() == null) {
          Thread.onSpinWait();
        }
        Thread committer = thread(failure, () -> db.commit(tx));
        join(List.of(inserter, committer), failure);
        Filter mine =
            new Filter.And(
                List.of(
                    new Filter.Ge("id", new Uint32Value(Books.id(writer, 0))),
                    new Filter.Lt("id", new Uint32Value(Books.id(writer + 1, 0)))));
        List<Row> committed =
            db.select(
                Books.TABLE,
                Query.builder().filter(mine).orderBy("id", OrderDirection.ASCENDING).build());
        assertEquals(returned, committed, "round " + round);
      }
    } finally {
      db.close();
    }
  }

  private static Database open() {
    Database db = Database.open(new HeapMemoryProvider());
    db.register(Books.schema());
    return db;
  }

  private interface Body {
    void run() throws Exception;
  }

  private static Thread thread(AtomicReference<Throwable> failure, Body body) {
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Throwable t) {
                failure.compareAndSet(null, t);
              }
            });
    thread.start();
    return thread;
  }

  private static void join(List<Thread> threads, AtomicReference<Throwable> failure)
      throws InterruptedException {
    for (Thread thread : threads) {
      thread.join(60_000);
      assertFalse(thread.isAlive(), thread.getName() + " did not finish");
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }
}
