package org.wasmdbms.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.engine.Database;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.journal.JournaledMemoryProvider;

/**
 * Reads outside transactions run on snapshots: they finish while a commit waits for its sync, and
 * see the state before it; a writer that waits for the writer in progress longer than the busy
 * timeout fails and changes nothing.
 */
class SnapshotReadTest {
  @Test
  void aReadCompletesWhileACommitWaitsForItsSyncAndSeesTheStateBeforeIt() throws Exception {
    BlockingProvider journal = new BlockingProvider();
    try (Database db =
        Accounts.registered(
            Database.open(JournaledMemoryProvider.open(new HeapMemoryProvider(), journal)))) {
      db.insert(Accounts.TABLE, Accounts.row(1, 100));
      db.insert(Accounts.TABLE, Accounts.row(2, 200));
      journal.armSync();
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                db.update(Accounts.TABLE, Accounts.balance(150), Accounts.id(1));
                db.insert(Accounts.TABLE, Accounts.row(3, 300));
              });
      journal.awaitSyncEntered();
      // The update is applied and appended to the journal, its sync blocked: reads go on, on the
      // state before it, and a long scan and a delete's read path do not wait either.
      CompletableFuture<long[]> read =
          CompletableFuture.supplyAsync(() -> Accounts.sumAndCount(db));
      assertArrayEquals(new long[] {300, 2}, read.get(30, TimeUnit.SECONDS));
      assertEquals(100L, Accounts.balanceOf(db, 1));
      assertNull(Accounts.balanceOf(db, 3));
      assertTrue(!writer.isDone(), "the writer waits for its sync");
      journal.releaseSync();
      writer.get(60, TimeUnit.SECONDS);
      assertEquals(150L, Accounts.balanceOf(db, 1));
      assertArrayEquals(new long[] {650, 3}, Accounts.sumAndCount(db));
    }
  }

  @Test
  void aWriterWaitingLongerThanTheBusyTimeoutFailsAndChangesNothing() throws Exception {
    BlockingProvider journal = new BlockingProvider();
    try (Database db =
        Accounts.registered(
            Database.open(JournaledMemoryProvider.open(new HeapMemoryProvider(), journal)))) {
      db.insert(Accounts.TABLE, Accounts.row(1, 100));
      db.busyTimeout(200);
      journal.armWrite();
      // The first writer holds the gate while its journal append is blocked.
      CompletableFuture<Void> first =
          CompletableFuture.runAsync(
              () -> db.update(Accounts.TABLE, Accounts.balance(111), Accounts.id(1)));
      journal.awaitWriteEntered();
      MemoryException busy =
          assertThrows(
              MemoryException.class,
              () -> db.delete(Accounts.TABLE, DeleteBehavior.RESTRICT, Accounts.id(1)));
      assertTrue(busy.detail().contains("busy"), busy.detail());
      assertThrows(MemoryException.class, () -> db.insert(Accounts.TABLE, Accounts.row(2, 5)));
      journal.releaseWrite();
      first.get(60, TimeUnit.SECONDS);
      assertEquals(111L, Accounts.balanceOf(db, 1));
      assertNull(Accounts.balanceOf(db, 2), "the writer that timed out changed nothing");
      db.insert(Accounts.TABLE, Accounts.row(2, 5));
      assertEquals(5L, Accounts.balanceOf(db, 2));
    }
  }
}
