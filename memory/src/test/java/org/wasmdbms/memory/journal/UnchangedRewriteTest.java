package org.wasmdbms.memory.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.wasmdbms.memory.ForwardingProvider;
import org.wasmdbms.memory.MemoryProvider;

/**
 * Commits that rewrite a data page with the bytes it holds (an update that stores the value already
 * there) read that page from the data file once, not once per commit; and a page kept clean this
 * way still takes later changes, survives a rollback of uncommitted writes, and reads back right
 * after a reopen.
 */
class UnchangedRewriteTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  @Test
  void rewritingAPageUnchangedReadsItFromTheDataFileOnce() {
    SimulatedDisk dataDisk = new SimulatedDisk();
    SimulatedDisk journalDisk = new SimulatedDisk();
    JournaledMemoryProvider provider = open(dataDisk, journalDisk, new long[1]);
    provider.grow(2);
    provider.write(PAGE + 100, new byte[] {1, 2, 3}, 0, 3);
    provider.commit();
    provider.close();

    long[] reads = new long[1];
    provider = open(dataDisk, journalDisk, reads);
    provider.write(PAGE + 100, new byte[] {1, 2, 3}, 0, 3);
    provider.commit();
    long before = reads[0];
    for (int i = 0; i < 50; i++) {
      provider.write(PAGE + 100, new byte[] {1, 2, 3}, 0, 3);
      provider.commit();
    }
    assertEquals(before, reads[0], "data file reads by 50 unchanged rewrites");

    provider.write(PAGE + 100, new byte[] {9}, 0, 1);
    provider.close();
    provider = open(dataDisk, journalDisk, reads);
    byte[] read = new byte[3];
    provider.read(PAGE + 100, read, 0, 3);
    assertArrayEquals(new byte[] {1, 2, 3}, read, "an uncommitted change is dropped");
    provider.write(PAGE + 100, new byte[] {1, 2, 3}, 0, 3);
    provider.commit();
    provider.write(PAGE + 101, new byte[] {7}, 0, 1);
    provider.commit();
    provider.close();
    provider = open(dataDisk, journalDisk, reads);
    provider.read(PAGE + 100, read, 0, 3);
    assertArrayEquals(new byte[] {1, 7, 3}, read);
    provider.close();
  }

  /** A provider on the two disks whose data file reads are counted in {@code reads[0]}. */
  private static JournaledMemoryProvider open(
      SimulatedDisk data, SimulatedDisk journal, long[] reads) {
    SimulatedDisk.Fuse never = new SimulatedDisk.Fuse(-1);
    MemoryProvider counted =
        new ForwardingProvider(data.open(never)) {
          @Override
          public void read(long offset, byte[] buffer, int bufferOffset, int length) {
            reads[0]++;
            super.read(offset, buffer, bufferOffset, length);
          }
        };
    return JournaledMemoryProvider.open(counted, journal.open(never));
  }
}
