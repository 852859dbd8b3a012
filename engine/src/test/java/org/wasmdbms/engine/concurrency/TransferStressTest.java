package org.wasmdbms.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.SerializationConflictException;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.engine.Database;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Writers move money between accounts in snapshot transactions (a conflict is retried: first
 * committer wins, so no transfer is lost) and readers sum every balance outside transactions at the
 * same time: a read that saw a commit half applied, or pages of two versions, would see another
 * total, and so would a lost update.
 */
class TransferStressTest {
  private static final int ACCOUNTS = 200;
  private static final long MILLIS = Long.getLong("stress.millis", 3000);

  @Test
  void readersAlwaysSeeTheTotalOfOneCommittedState() throws Exception {
    try (Database db = Accounts.registered(Database.open(new HeapMemoryProvider()))) {
      for (int id = 0; id < ACCOUNTS; id++) {
        db.insert(Accounts.TABLE, Accounts.row(id, 1000, "x".repeat(id * 7 % 300)));
      }
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong reads = new AtomicLong();
      AtomicLong transfers = new AtomicLong();
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        long seed = 17 + w;
        running.add(
            async(
                () -> {
                  Random random = new Random(seed);
                  while (!stop.get()) {
                    transfer(db, random);
                    transfers.incrementAndGet();
                  }
                }));
      }
      for (int r = 0; r < 2; r++) {
        running.add(
            async(
                () -> {
                  while (!stop.get()) {
                    long[] sumAndCount = Accounts.sumAndCount(db);
                    assertEquals(ACCOUNTS * 1000L, sumAndCount[0], "total");
                    assertEquals(ACCOUNTS, sumAndCount[1], "accounts");
                    reads.incrementAndGet();
                  }
                }));
      }
      Thread.sleep(MILLIS);
      stop.set(true);
      for (CompletableFuture<Void> task : running) {
        task.get(120, TimeUnit.SECONDS);
      }
      System.out.println(
          "TransferStressTest: " + transfers.get() + " transfers, " + reads.get() + " reads");
    }
  }

  private static void transfer(Database db, Random random) {
    long from = random.nextInt(ACCOUNTS);
    long to = random.nextInt(ACCOUNTS);
    long amount = random.nextInt(50);
    long tx = db.begin(Isolation.SNAPSHOT);
    long fromBalance = Accounts.balanceOf(db, tx, from);
    db.update(tx, Accounts.TABLE, Accounts.balance(fromBalance - amount), Accounts.id(from));
    long toBalance = Accounts.balanceOf(db, tx, to);
    db.update(
        tx,
        Accounts.TABLE,
        Accounts.row(to, toBalance + amount, "y".repeat(random.nextInt(400))),
        Accounts.id(to));
    try {
      db.commit(tx);
    } catch (SerializationConflictException lost) {
      // Another transfer changed one of the accounts first; this one is dropped.
    }
  }

  private static CompletableFuture<Void> async(Runnable body) {
    return CompletableFuture.runAsync(body, command -> new Thread(command).start());
  }
}
