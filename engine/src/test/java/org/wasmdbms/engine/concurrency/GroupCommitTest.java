package org.wasmdbms.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wasmdbms.engine.Database;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.journal.JournaledMemoryProvider;

/**
 * Group commit: with a disk whose sync takes a millisecond, four writers committing durably at once
 * share syncs (fewer syncs than commits), while one writer syncs exactly once per commit; every
 * acknowledged row is there.
 */
class GroupCommitTest {
  private static final int COMMITS_PER_WRITER = 60;

  /** A heap journal whose sync takes {@code millis}, without holding any monitor. */
  private static final class SlowSync implements MemoryProvider {
    private final HeapMemoryProvider heap = new HeapMemoryProvider();

    @Override
    public long size() {
      return heap.size();
    }

    @Override
    public long pages() {
      return heap.pages();
    }

    @Override
    public long grow(long additionalPages) {
      return heap.grow(additionalPages);
    }

    @Override
    public void read(long offset, byte[] buffer, int bufferOffset, int length) {
      heap.read(offset, buffer, bufferOffset, length);
    }

    @Override
    public void write(long offset, byte[] buffer, int bufferOffset, int length) {
      heap.write(offset, buffer, bufferOffset, length);
    }

    @Override
    public void sync() {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      heap.close();
    }
  }

  @Test
  void fourWritersShareSyncsOneWriterSyncsOncePerCommit() throws Exception {
    double one = syncsPerCommit(1);
    double four = syncsPerCommit(4);
    System.out.println(
        "GroupCommitTest: syncs per commit, 1 writer " + one + ", 4 writers " + four);
    assertEquals(1.0, one, 1e-9);
    assertTrue(four < 1.0, "4 writers: " + four + " syncs per commit");
  }

  private static double syncsPerCommit(int writers) throws Exception {
    JournaledMemoryProvider journaled =
        JournaledMemoryProvider.open(new HeapMemoryProvider(), new SlowSync());
    try (Database db = Accounts.registered(Database.open(journaled))) {
      long before = journaled.journalSyncs();
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        running.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < COMMITS_PER_WRITER; i++) {
                    db.insert(Accounts.TABLE, Accounts.row(writer * 1000L + i, i));
                  }
                },
                command -> new Thread(command).start()));
      }
      for (CompletableFuture<Void> writer : running) {
        writer.get(120, TimeUnit.SECONDS);
      }
      long syncs = journaled.journalSyncs() - before;
      assertEquals(writers * COMMITS_PER_WRITER, Accounts.sumAndCount(db)[1]);
      return (double) syncs / (writers * COMMITS_PER_WRITER);
    }
  }
}
