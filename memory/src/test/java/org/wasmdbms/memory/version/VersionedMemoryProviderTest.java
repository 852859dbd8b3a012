package org.wasmdbms.memory.version;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

class VersionedMemoryProviderTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  private static VersionedMemoryProvider concurrent(int pages) {
    VersionedMemoryProvider versions =
        new VersionedMemoryProvider(new HeapMemoryProvider(), true, 1L << 30);
    versions.grow(pages);
    versions.commit();
    versions.publish(versions.written());
    return versions;
  }

  /**
   * The structural gain of keeping each block once per commit: a commit that writes the same small
   * field a thousand times (a page header, a counter) keeps one 64-byte block, not a thousand runs.
   */
  @Test
  void aCommitKeepsEachBlockItChangesOnce() {
    VersionedMemoryProvider versions = concurrent(2);
    long before = versions.keptBytes();
    for (int i = 0; i < 1_000; i++) {
      versions.write(PAGE + 8, new byte[] {(byte) i, (byte) (i >> 8), 1, 1}, 0, 4);
    }
    assertEquals(64 + 48, versions.keptBytes() - before);
  }

  @Test
  void aWriteThatChangesNothingKeepsNothing() {
    VersionedMemoryProvider versions = concurrent(2);
    long before = versions.keptBytes();
    versions.write(PAGE, new byte[PAGE], 0, PAGE);
    versions.write(100, new byte[300], 0, 300);
    assertEquals(before, versions.keptBytes());
  }

  /**
   * Random writes of every size and alignment, over many commits, some rewriting what the same
   * commit wrote: every pinned snapshot reads exactly the content of its version, kept aside.
   */
  @Test
  void everySnapshotReadsItsVersion() {
    Random random = new Random(27);
    VersionedMemoryProvider versions = concurrent(3);
    byte[] current = new byte[3 * PAGE];
    List<VersionedMemoryProvider.Snapshot> snapshots = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    for (int commit = 0; commit < 60; commit++) {
      int writes = 1 + random.nextInt(30);
      for (int w = 0; w < writes; w++) {
        int length = 1 + random.nextInt(random.nextInt(8) == 0 ? 2 * PAGE : 200);
        int at = random.nextInt(current.length - length + 1);
        byte[] bytes = new byte[length];
        if (random.nextInt(5) > 0) {
          random.nextBytes(bytes);
        }
        versions.write(at, bytes, 0, length);
        System.arraycopy(bytes, 0, current, at, length);
      }
      versions.commit();
      versions.publish(versions.written());
      if (random.nextInt(3) == 0) {
        snapshots.add(versions.snapshot());
        contents.add(current.clone());
      }
      if (!snapshots.isEmpty() && random.nextInt(6) == 0) {
        int dropped = random.nextInt(snapshots.size());
        snapshots.remove(dropped).release();
        contents.remove(dropped);
      }
    }
    assertTrue(snapshots.size() > 3);
    for (int i = 0; i < snapshots.size(); i++) {
      byte[] read = new byte[current.length];
      snapshots.get(i).view().read(0, read, 0, read.length);
      assertArrayEquals(contents.get(i), read, "snapshot " + i);
    }
    byte[] read = new byte[current.length];
    versions.read(0, read, 0, read.length);
    assertArrayEquals(current, read);
  }
}
