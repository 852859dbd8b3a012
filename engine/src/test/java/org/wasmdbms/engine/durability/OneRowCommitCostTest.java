package org.wasmdbms.engine.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.journal.JournaledMemoryProvider;

/**
 * What a one-row commit costs the journal in full durability, in a table of 5,000 rows: at most 16
 * KiB written (record headers included) and exactly one sync, for an insert, an update and a
 * delete. A journal that went back to whole page images (64 KiB each) or to a sync per record fails
 * it.
 */
class OneRowCommitCostTest {
  private static final long MAX_BYTES = 16 * 1024;

  @Test
  void aOneRowInsertUpdateAndDeleteEachWriteAtMost16KiBAndSyncOnce() {
    Counting journal = new Counting(new HeapMemoryProvider());
    JournaledMemoryProvider provider =
        JournaledMemoryProvider.open(new HeapMemoryProvider(), journal, Long.MAX_VALUE);
    try (Database db = Database.open(provider)) {
      MarkerSchema.register(db);
      long tx = db.begin();
      for (long id = 1; id <= 5_000; id++) {
        db.insert(tx, "marks", row(id));
      }
      db.commit(tx);
      check(journal, provider, "insert", () -> db.insert("marks", row(10_001)));
      check(
          journal,
          provider,
          "update",
          () ->
              db.update(
                  "marks",
                  Row.builder().set("note", new TextValue("changed")).build(),
                  new Filter.Eq("id", new Uint64Value(2_500))));
      check(
          journal,
          provider,
          "delete",
          () ->
              db.delete("marks", DeleteBehavior.RESTRICT, new Filter.Eq("id", new Uint64Value(7))));
    }
  }

  private static void check(
      Counting journal, JournaledMemoryProvider provider, String what, Runnable statement) {
    long bytes = journal.written;
    long syncs = journal.syncs;
    long counted = provider.journalSyncs();
    statement.run();
    long written = journal.written - bytes;
    System.out.println("OneRowCommitCostTest " + what + ": " + written + " journal bytes");
    assertTrue(written > 0 && written <= MAX_BYTES, what + " wrote " + written + " journal bytes");
    assertEquals(1, journal.syncs - syncs, what + " syncs of the journal file");
    assertEquals(1, provider.journalSyncs() - counted, what + " syncs counted by the provider");
  }

  private static Row row(long id) {
    return Row.builder()
        .set("id", new Uint64Value(id))
        .set("batch", new Uint64Value(id))
        .set("note", new TextValue("row " + id))
        .build();
  }

  /** A provider that counts the bytes written to it and its syncs. */
  private static final class Counting implements MemoryProvider {
    private final MemoryProvider inner;
    long written;
    long syncs;

    Counting(MemoryProvider inner) {
      this.inner = inner;
    }

    @Override
    public long size() {
      return inner.size();
    }

    @Override
    public long pages() {
      return inner.pages();
    }

    @Override
    public long grow(long additionalPages) {
      return inner.grow(additionalPages);
    }

    @Override
    public void read(long offset, byte[] buffer, int bufferOffset, int length) {
      inner.read(offset, buffer, bufferOffset, length);
    }

    @Override
    public void write(long offset, byte[] buffer, int bufferOffset, int length) {
      written += length;
      inner.write(offset, buffer, bufferOffset, length);
    }

    @Override
    public void sync() {
      syncs++;
      inner.sync();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
