package org.wasmdbms.memory.version;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.CountingReads;
import org.wasmdbms.memory.MemoryProvider;

/**
 * Snapshots of one published version share the blocks read so far, read them without any lock, and
 * the next version keeps the blocks no commit wrote (issue #28: point reads beside a durable writer
 * must keep their throughput, and two readers must not serialize).
 */
class SharedSnapshotReadsTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  private final CountingReads below = new CountingReads();
  private final VersionedMemoryProvider versions =
      new VersionedMemoryProvider(below, true, VersionedMemoryProvider.DEFAULT_RETAINED_BYTES);

  private void commitBytes(long offset, int value) {
    versions.write(offset, new byte[] {(byte) value, (byte) value});
    versions.commit();
    versions.publish(versions.written());
  }

  private static byte[] read(VersionedMemoryProvider.Snapshot snapshot, long offset, int length) {
    byte[] bytes = new byte[length];
    snapshot.view().read(offset, bytes);
    return bytes;
  }

  @Test
  void snapshotsOfOneVersionReadABlockFromBelowOnce() {
    versions.grow(4);
    commitBytes(PAGE + 10, 7);
    VersionedMemoryProvider.Snapshot first = versions.snapshot();
    VersionedMemoryProvider.Snapshot second = versions.snapshot();
    assertArrayEquals(new byte[] {7, 7}, read(first, PAGE + 10, 2));
    long reads = below.reads();

    assertArrayEquals(new byte[] {7, 7}, read(second, PAGE + 10, 2));
    assertArrayEquals(new byte[] {0, 7, 7, 0}, read(first, PAGE + 9, 4));
    assertEquals(reads, below.reads(), "a block read once is shared by the version's snapshots");
    first.release();
    second.release();
  }

  @Test
  void theNextVersionKeepsTheBlocksNoCommitWroteAndThePublishReadsTheKeptOnesItWrote() {
    versions.grow(4);
    commitBytes(PAGE, 1);
    commitBytes(2L * PAGE, 2);
    VersionedMemoryProvider.Snapshot old = versions.snapshot();
    assertArrayEquals(new byte[] {1, 1}, read(old, PAGE, 2));
    assertArrayEquals(new byte[] {2, 2}, read(old, 2L * PAGE, 2));

    versions.write(2L * PAGE, new byte[] {3, 3});
    versions.write(3L * PAGE, new byte[] {4, 4});
    versions.commit();
    long reads = below.reads();
    versions.publish(versions.written());
    assertEquals(
        reads + 1, below.reads(), "the publish reads the one kept block the commit wrote, once");
    VersionedMemoryProvider.Snapshot newer = versions.snapshot();
    reads = below.reads();
    assertArrayEquals(new byte[] {1, 1}, read(newer, PAGE, 2));
    assertArrayEquals(new byte[] {3, 3}, read(newer, 2L * PAGE, 2));
    assertEquals(reads, below.reads(), "readers of the next version read nothing below");
    assertArrayEquals(new byte[] {4, 4}, read(newer, 3L * PAGE, 2));
    assertEquals(reads + 1, below.reads(), "a block not kept before is read by its first reader");
    assertArrayEquals(new byte[] {2, 2}, read(old, 2L * PAGE, 2), "the old version keeps its own");
    old.release();
    newer.release();
  }

  @Test
  void withoutReadersSinceTheLastPublishAPublishReadsNothingAndTheNextReaderLoadsTheBlock() {
    versions.grow(2);
    commitBytes(PAGE, 1);
    VersionedMemoryProvider.Snapshot first = versions.snapshot();
    read(first, PAGE, 2);
    first.release();
    commitBytes(PAGE, 2); // a reader pinned the version before: this publish reads the block
    versions.write(PAGE, new byte[] {3, 3});
    versions.commit();
    long reads = below.reads();
    versions.publish(versions.written());
    assertEquals(reads, below.reads(), "no reader since the last publish: nothing read for them");
    VersionedMemoryProvider.Snapshot next = versions.snapshot();
    assertArrayEquals(new byte[] {3, 3}, read(next, PAGE, 2));
    assertEquals(reads + 1, below.reads());
    next.release();
  }

  @Test
  void aKeptBlockIsReadWhileAnotherThreadHoldsTheProvidersMonitors() throws Exception {
    versions.grow(2);
    commitBytes(PAGE + 100, 5);
    VersionedMemoryProvider.Snapshot snapshot = versions.snapshot();
    read(snapshot, PAGE + 100, 2);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              synchronized (versions) {
                synchronized (below) {
                  held.countDown();
                  try {
                    done.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              }
            });
    holder.start();
    held.await();
    AtomicReference<byte[]> seen = new AtomicReference<>();
    Thread reader = new Thread(() -> seen.set(read(snapshot, PAGE + 99, 4)));
    reader.start();
    reader.join(5_000);
    boolean finished = !reader.isAlive();
    done.countDown();
    holder.join();
    reader.join();
    assertTrue(finished, "the read waited for a monitor");
    assertArrayEquals(new byte[] {0, 5, 5, 0}, seen.get());
    snapshot.release();
  }

  @Test
  void aReleasedOrExpiredSnapshotFailsEvenOnKeptBlocks() {
    VersionedMemoryProvider small = new VersionedMemoryProvider(new CountingReads(), true, 1);
    small.grow(2);
    small.write(PAGE, new byte[] {1});
    small.commit();
    small.publish(small.written());
    VersionedMemoryProvider.Snapshot expiring = small.snapshot();
    VersionedMemoryProvider.Snapshot released = small.snapshot();
    read(expiring, PAGE, 1);
    read(released, PAGE, 1);
    released.release();
    assertThrows(MemoryException.class, () -> read(released, PAGE, 1));

    small.write(PAGE, new byte[] {2});
    small.commit();
    small.publish(small.written());
    MemoryException expired = assertThrows(MemoryException.class, () -> read(expiring, PAGE, 1));
    assertTrue(expired.getMessage().contains("snapshot expired"), expired.getMessage());
  }
}
