package org.wasmdbms.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.engine.Database;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.journal.JournaledMemoryProvider;

/**
 * Old snapshots and checkpoints: a checkpoint after every commit leaves an old snapshot's reads
 * right and the journal as small as without it; a snapshot that needs more old content than the
 * retention limit expires with a typed error, and the database goes on.
 */
class SnapshotCheckpointTest {
  private static final String NOTE = "n".repeat(4000);

  @Test
  void checkpointsWithAnOldSnapshotOpenKeepItsReadsRightAndTheJournalSmall() {
    HeapMemoryProvider journal = new HeapMemoryProvider();
    // Threshold 0: every commit is followed by a checkpoint that overwrites the data file in place.
    try (Database db =
        Accounts.registered(
            Database.open(JournaledMemoryProvider.open(new HeapMemoryProvider(), journal, 0)))) {
      for (int id = 0; id < 40; id++) {
        db.insert(Accounts.TABLE, Accounts.row(id, id, NOTE));
      }
      long tx = db.begin(Isolation.SNAPSHOT);
      List<Row> seen = db.select(tx, Accounts.TABLE, Query.ALL);
      long journalPages = 0;
      for (int round = 0; round < 60; round++) {
        db.update(Accounts.TABLE, Accounts.balance(1000 + round), null);
        db.delete(Accounts.TABLE, DeleteBehavior.RESTRICT, Accounts.id(round % 40));
        db.insert(Accounts.TABLE, Accounts.row(round % 40, -round, NOTE + round));
        if (round == 5) {
          journalPages = journal.pages();
        }
        assertEquals(seen, db.select(tx, Accounts.TABLE, Query.ALL), "round " + round);
      }
      assertTrue(
          journal.pages() <= journalPages,
          "the journal grew from " + journalPages + " to " + journal.pages() + " pages");
      assertEquals(seen, db.select(tx, Accounts.TABLE, Query.ALL));
      assertEquals(1059L, Accounts.balanceOf(db, 1));
      db.commit(tx);
    }
  }

  @Test
  void aSnapshotHeldPastTheRetentionLimitExpiresWithAMemoryError() {
    try (Database db =
        Accounts.registered(Database.open(new HeapMemoryProvider(), Long.MAX_VALUE, 256 << 10))) {
      db.insert(Accounts.TABLE, Accounts.row(1, 1, NOTE));
      long old = db.begin(Isolation.SNAPSHOT);
      assertEquals(1L, Accounts.balanceOf(db, old, 1));
      for (int i = 0; i < 20; i++) {
        db.update(Accounts.TABLE, Accounts.row(1, 2 + i, NOTE + i), Accounts.id(1));
      }
      // Within the limit the old snapshot still reads its version.
      assertEquals(1L, Accounts.balanceOf(db, old, 1));
      long recent = db.begin(Isolation.SNAPSHOT);
      for (int i = 0; i < 200; i++) {
        db.update(Accounts.TABLE, Accounts.row(1, 100 + i, NOTE + i), Accounts.id(1));
      }
      MemoryException expired =
          assertThrows(MemoryException.class, () -> Accounts.balanceOf(db, old, 1));
      assertTrue(expired.detail().contains("snapshot expired"), expired.detail());
      assertThrows(MemoryException.class, () -> Accounts.balanceOf(db, recent, 1));
      // The database goes on: reads, writes and new snapshots work; the expired ones roll back.
      assertEquals(299L, Accounts.balanceOf(db, 1));
      db.rollback(old);
      db.rollback(recent);
      long fresh = db.begin(Isolation.SNAPSHOT);
      assertEquals(299L, Accounts.balanceOf(db, fresh, 1));
      db.update(fresh, Accounts.TABLE, Accounts.balance(5), Accounts.id(1));
      db.commit(fresh);
      assertEquals(5L, Accounts.balanceOf(db, 1));
    }
  }
}
