package org.wasmdbms.memory.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.MemoryProviderContractTest;
import org.wasmdbms.memory.StorageFailure;

class JournaledMemoryProviderTest extends MemoryProviderContractTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  private final Map<MemoryProvider, SimulatedDisk[]> disks = new IdentityHashMap<>();

  @Override
  protected MemoryProvider newProvider() {
    return open(new SimulatedDisk[] {new SimulatedDisk(), new SimulatedDisk()}, Long.MAX_VALUE);
  }

  @Override
  protected MemoryProvider reopen(MemoryProvider provider) {
    provider.close();
    return open(disks.get(provider), Long.MAX_VALUE);
  }

  @Override
  protected MemoryProvider newProvider(StorageFailure failure) {
    SimulatedDisk[] pair = {new SimulatedDisk(), new SimulatedDisk()};
    SimulatedDisk.Fuse never = new SimulatedDisk.Fuse(-1);
    MemoryProvider provider =
        JournaledMemoryProvider.open(
            failure.below(pair[0].open(never)), failure.below(pair[1].open(never)), Long.MAX_VALUE);
    disks.put(provider, pair);
    return provider;
  }

  private MemoryProvider open(SimulatedDisk[] pair, long checkpointBytes) {
    SimulatedDisk.Fuse never = new SimulatedDisk.Fuse(-1);
    MemoryProvider provider =
        JournaledMemoryProvider.open(pair[0].open(never), pair[1].open(never), checkpointBytes);
    disks.put(provider, pair);
    return provider;
  }

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Cuts the power of both disks of {@code pair}, each keeping a part of its unsynced writes. */
  private static void powerLoss(SimulatedDisk[] pair, long seed) {
    pair[0].powerLoss(new Random(seed));
    pair[1].powerLoss(new Random(seed));
  }

  private static byte[] read(MemoryProvider provider, long offset, int length) {
    byte[] bytes = new byte[length];
    provider.read(offset, bytes);
    return bytes;
  }

  /** Three committed pages of distinct content, then a power loss: nothing reached the data. */
  private SimulatedDisk[] crashedAfterThreeCommits() {
    SimulatedDisk[] pair = {new SimulatedDisk(), new SimulatedDisk()};
    MemoryProvider p = open(pair, Long.MAX_VALUE);
    p.grow(3);
    for (int i = 0; i < 3; i++) {
      p.write((long) i * PAGE + 10, bytes(100, i));
      p.commit();
    }
    powerLoss(pair, 1);
    return pair;
  }

  @Test
  void uncommittedWritesAreDroppedOnClose() {
    SimulatedDisk[] pair = {new SimulatedDisk(), new SimulatedDisk()};
    MemoryProvider p = open(pair, Long.MAX_VALUE);
    p.grow(2);
    p.write(5, bytes(50, 1));
    p.commit();
    p.write(5, bytes(50, 2));
    p.grow(1);
    p.close();
    MemoryProvider reopened = open(pair, Long.MAX_VALUE);
    assertEquals(2, reopened.pages());
    assertArrayEquals(bytes(50, 1), read(reopened, 5, 50));
  }

  @Test
  void commitsSurviveAPowerLossBeforeAnyCheckpoint() {
    SimulatedDisk[] pair = crashedAfterThreeCommits();
    MemoryProvider reopened = open(pair, Long.MAX_VALUE);
    assertEquals(3, reopened.pages());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(bytes(100, i), read(reopened, (long) i * PAGE + 10, 100));
    }
  }

  @Test
  void aDataPageThatFailsItsChecksumIsReported() {
    SimulatedDisk[] pair = {new SimulatedDisk(), new SimulatedDisk()};
    MemoryProvider p = open(pair, Long.MAX_VALUE);
    p.grow(2);
    p.write(PAGE + 7, bytes(10, 3));
    p.commit();
    p.close();
    List<byte[]> data = pair[0].snapshot();
    data.get(1)[9] ^= 4;
    pair[0].restore(data);
    MemoryProvider reopened = open(pair, Long.MAX_VALUE);
    assertArrayEquals(new byte[10], read(reopened, 0, 10));
    MemoryException e = assertThrows(MemoryException.class, () -> read(reopened, PAGE, 4));
    assertTrue(e.detail().contains("checksum"), e.detail());
  }

  @Test
  void aTruncatedDataFileIsReported() {
    SimulatedDisk[] pair = {new SimulatedDisk(), new SimulatedDisk()};
    MemoryProvider p = open(pair, Long.MAX_VALUE);
    p.grow(3);
    p.write(2L * PAGE, bytes(10, 3));
    p.commit();
    p.close();
    List<byte[]> data = pair[0].snapshot();
    pair[0].restore(data.subList(0, 2));
    MemoryException e = assertThrows(MemoryException.class, () -> open(pair, Long.MAX_VALUE));
    assertTrue(e.detail().contains("truncated"), e.detail());
  }

  @Test
  void damageFollowedByIntactCommitsIsReportedNotCut() {
    SimulatedDisk[] pair = crashedAfterThreeCommits();
    List<byte[]> journal = pair[1].snapshot();
    int firstChanges = (int) JournalFile.RECORDS_START + JournalFile.RECORD_HEADER;
    journal.get(0)[firstChanges + 50] ^= 1;
    pair[1].restore(journal);
    MemoryException e = assertThrows(MemoryException.class, () -> open(pair, Long.MAX_VALUE));
    assertTrue(e.detail().contains("damaged"), e.detail());
  }

  @Test
  void aDamagedActiveHeaderIsReported() {
    SimulatedDisk[] pair = crashedAfterThreeCommits();
    List<byte[]> journal = pair[1].snapshot();
    MemoryProvider view = pair[1].open(new SimulatedDisk.Fuse(-1));
    JournalFile.Header active = new JournalFile(view).readActiveHeader();
    view.close();
    journal.get(0)[active.slot() * JournalFile.SLOT_SIZE + 20] ^= 1;
    pair[1].restore(journal);
    MemoryException e = assertThrows(MemoryException.class, () -> open(pair, Long.MAX_VALUE));
    assertTrue(e.detail().contains("journal"), e.detail());
  }

  /**
   * A journal whose creation a power loss interrupted while it wrote its first header: slot 0 torn
   * (its start written, not its checksum), slot 1 and the records blank. The data file was synced
   * before, so it opens with the data file's content (PowerLossTest found this state with seed
   * 7525331689071).
   */
  @Test
  void aFirstHeaderTornByAPowerLossOpensAsANewJournal() {
    SimulatedDisk[] pair = {new SimulatedDisk(), new SimulatedDisk()};
    MemoryProvider p = open(pair, Long.MAX_VALUE);
    p.grow(1);
    p.write(10, bytes(100, 7));
    p.commit();
    p.close();
    List<byte[]> journal = pair[1].snapshot();
    byte[] first = journal.get(0);
    Arrays.fill(first, JournalFile.SLOT_SIZE, first.length, (byte) 0);
    Arrays.fill(first, 20, JournalFile.SLOT_SIZE, (byte) 0);
    pair[1].restore(journal);
    MemoryProvider reopened = open(pair, Long.MAX_VALUE);
    assertArrayEquals(bytes(100, 7), read(reopened, 10, 100));
    reopened.close();
    // The same torn slot before records of a journal in use is damage, reported as before.
    SimulatedDisk[] used = crashedAfterThreeCommits();
    List<byte[]> usedJournal = used[1].snapshot();
    Arrays.fill(usedJournal.get(0), 20, JournalFile.SLOT_SIZE, (byte) 0);
    used[1].restore(usedJournal);
    MemoryException e = assertThrows(MemoryException.class, () -> open(used, Long.MAX_VALUE));
    assertTrue(e.detail().contains("neither header slot is valid"), e.detail());
  }

  @Test
  void checkpointsKeepContentAndBoundTheLog() {
    SimulatedDisk[] pair = {new SimulatedDisk(), new SimulatedDisk()};
    MemoryProvider p = open(pair, 2L * PAGE);
    p.grow(4);
    for (int i = 0; i < 40; i++) {
      p.write((long) (i % 4) * PAGE + i, bytes(30, i));
      p.commit();
    }
    assertTrue(pair[1].snapshot().size() <= 5, "journal pages " + pair[1].snapshot().size());
    powerLoss(pair, 2);
    MemoryProvider reopened = open(pair, 2L * PAGE);
    for (int i = 36; i < 40; i++) {
      assertArrayEquals(bytes(30, i), read(reopened, (long) (i % 4) * PAGE + i, 30));
    }
  }

  /**
   * Two full pages committed past the data file's end: the commit crosses the 128 KiB threshold and
   * checkpoints at once (no page to double-write). Returns the provider, open.
   */
  private JournaledMemoryProvider checkpointedTwoPages(SimulatedDisk[] pair) {
    JournaledMemoryProvider p = (JournaledMemoryProvider) open(pair, 2L * PAGE);
    p.grow(2);
    p.write(0, bytes(PAGE, 1));
    p.write(PAGE, bytes(PAGE, 2));
    p.commit();
    return p;
  }

  /** {@link #checkpointedTwoPages}, then {@code commits} small commits, then a power loss. */
  private SimulatedDisk[] crashedAfterCommitsPastACheckpoint(int commits) {
    SimulatedDisk[] pair = {new SimulatedDisk(), new SimulatedDisk()};
    JournaledMemoryProvider p = checkpointedTwoPages(pair);
    for (int i = 0; i < commits; i++) {
      p.write(10 + i, bytes(20, 3 + i));
      p.commit();
    }
    powerLoss(pair, 1);
    return pair;
  }

  /**
   * A checkpoint syncs the journal twice (its first commit, then the new header) and leaves the new
   * generation's checksums to the next sync: a power loss right after it, which may lose or tear
   * them, still opens with every committed byte.
   */
  @Test
  void aCheckpointLeavesItsChecksumsToTheNextSync() {
    for (int seed = 0; seed < 20; seed++) {
      SimulatedDisk[] pair = {new SimulatedDisk(), new SimulatedDisk()};
      JournaledMemoryProvider p = (JournaledMemoryProvider) open(pair, 2L * PAGE);
      long before = p.journalSyncs();
      p.grow(2);
      p.write(0, bytes(PAGE, 1));
      p.write(PAGE, bytes(PAGE, 2));
      p.commit();
      assertEquals(2, p.journalSyncs() - before, "journal syncs of a commit and its checkpoint");
      powerLoss(pair, seed);
      MemoryProvider reopened = open(pair, 2L * PAGE);
      assertArrayEquals(bytes(PAGE, 1), read(reopened, 0, PAGE), "seed " + seed);
      assertArrayEquals(bytes(PAGE, 2), read(reopened, PAGE, PAGE), "seed " + seed);
      reopened.close();
    }
  }

  /**
   * The first commit after a checkpoint makes its checksums durable with it: after a power loss, a
   * data page damaged meanwhile is still caught by its checksum, not taken as the new truth.
   */
  @Test
  void theFirstCommitAfterACheckpointMakesItsChecksumsDurable() {
    SimulatedDisk[] pair = crashedAfterCommitsPastACheckpoint(1);
    List<byte[]> data = pair[0].snapshot();
    data.get(1)[100] ^= 1;
    pair[0].restore(data);
    MemoryException e =
        assertThrows(MemoryException.class, () -> read(open(pair, 2L * PAGE), PAGE, 4));
    assertTrue(e.detail().contains("checksum"), e.detail());
  }

  /**
   * Damaged checksums followed by the generation's first commit, intact: a crash can leave that
   * (both were written and not yet synced), so it opens as a torn tail with the checkpoint's
   * content. Followed by a second commit, which says the first was synced, it is damage.
   */
  @Test
  void damagedChecksumsAreATailUntilACommitSaysTheyWereSynced() {
    int sumsPayload = (int) JournalFile.RECORDS_START + JournalFile.RECORD_HEADER;
    SimulatedDisk[] pair = crashedAfterCommitsPastACheckpoint(1);
    List<byte[]> journal = pair[1].snapshot();
    journal.get(0)[sumsPayload + 1] ^= 1;
    pair[1].restore(journal);
    MemoryProvider reopened = open(pair, 2L * PAGE);
    assertArrayEquals(bytes(PAGE, 1), read(reopened, 0, PAGE));
    reopened.close();

    SimulatedDisk[] twice = crashedAfterCommitsPastACheckpoint(2);
    List<byte[]> damaged = twice[1].snapshot();
    damaged.get(0)[sumsPayload + 1] ^= 1;
    twice[1].restore(damaged);
    MemoryException e = assertThrows(MemoryException.class, () -> open(twice, 2L * PAGE));
    assertTrue(e.detail().contains("damaged"), e.detail());
  }

  /**
   * The log and the images a checkpoint would copy are each held to the threshold (128 KiB here),
   * not their sum: two commits of 60 KiB over both checkpointed pages (120 KiB of log, 128 KiB of
   * images) sync once each; the next one passes 128 KiB of log and checkpoints (two journal syncs:
   * the double-write, which carries the commit, and the new header).
   */
  @Test
  void theLogAndTheImagesAreEachHeldToTheThreshold() {
    SimulatedDisk[] pair = {new SimulatedDisk(), new SimulatedDisk()};
    JournaledMemoryProvider p = checkpointedTwoPages(pair);
    long[] syncs = new long[3];
    for (int i = 0; i < 3; i++) {
      long before = p.journalSyncs();
      p.write((long) (i % 2) * PAGE, bytes(60 << 10, 10 + i));
      p.commit();
      syncs[i] = p.journalSyncs() - before;
    }
    assertArrayEquals(new long[] {1, 1, 2}, syncs);
    powerLoss(pair, 3);
    MemoryProvider reopened = open(pair, 2L * PAGE);
    assertArrayEquals(bytes(60 << 10, 12), read(reopened, 0, 60 << 10));
    assertArrayEquals(bytes(60 << 10, 11), read(reopened, PAGE, 60 << 10));
    reopened.close();
  }

  @Test
  void aFailedCommitMakesTheProviderRefuseEverythingUntilReopened() {
    SimulatedDisk data = new SimulatedDisk();
    SimulatedDisk journal = new SimulatedDisk();
    SimulatedDisk.Fuse fuse = new SimulatedDisk.Fuse(-1);
    JournaledMemoryProvider.open(data.open(fuse), journal.open(fuse)).close();
    // Counts what opening an existing journal costs, so the next fuse blows at the commit's write.
    SimulatedDisk.Fuse counting = new SimulatedDisk.Fuse(Long.MAX_VALUE);
    MemoryProvider probe = JournaledMemoryProvider.open(data.open(fuse), journal.open(counting));
    long openOperations = Long.MAX_VALUE - counting.remaining();
    probe.close();
    MemoryProvider p =
        JournaledMemoryProvider.open(
            data.open(fuse), journal.open(new SimulatedDisk.Fuse(openOperations)));
    p.grow(1);
    p.write(0, bytes(8, 1));
    assertThrows(MemoryException.class, p::commit);
    MemoryException e = assertThrows(MemoryException.class, () -> read(p, 0, 8));
    assertTrue(e.detail().contains("reopen"), e.detail());
  }

  @Test
  void aJournalOfANewerFormatVersionIsRefusedClearly() {
    SimulatedDisk[] pair = crashedAfterThreeCommits();
    List<byte[]> journal = pair[1].snapshot();
    byte[] first = journal.get(0);
    for (int slot = 0; slot < 2; slot++) {
      int base = slot * JournalFile.SLOT_SIZE;
      if (first[base] != 0) {
        org.wasmdbms.memory.page.LittleEndian.putInt(first, base + 8, JournalFile.VERSION + 1);
        org.wasmdbms.memory.page.LittleEndian.putInt(
            first, base + 32, org.wasmdbms.memory.page.Crc32.of(first, base, 32));
      }
    }
    pair[1].restore(journal);
    MemoryException e = assertThrows(MemoryException.class, () -> open(pair, Long.MAX_VALUE));
    assertEquals(
        "unsupported journal format version 3; this build reads versions 1 to 2", e.detail());
  }
}
