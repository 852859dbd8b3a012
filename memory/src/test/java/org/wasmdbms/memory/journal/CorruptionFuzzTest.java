package org.wasmdbms.memory.journal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;

/**
 * Random byte flips and truncations of the data file and the journal, after a clean close and after
 * a crash that left commits only in the journal. Opening and reading everything must either fail
 * with a {@link MemoryException} or give the last committed content; after a crash, damage to the
 * last commit's own records may also make it look torn, giving the content before it. Nothing else
 * is acceptable: no other exception, no other content, no hang.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CorruptionFuzzTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;
  private static final int DAMAGES = 250;

  private record Built(
      SimulatedDisk data, SimulatedDisk journal, Content last, Content before, List<Content> all) {}

  @Test
  void damageAfterACleanCloseGivesAnErrorOrTheLastCommit() {
    fuzz("clean", true);
  }

  @Test
  void damageAfterACrashGivesAnErrorOrAnIntactCommit() {
    fuzz("crash", false);
  }

  private static void fuzz(String name, boolean closeCleanly) {
    long seed = Long.getLong("corruption.seed", System.nanoTime());
    System.out.println("CorruptionFuzzTest " + name + " seed=" + seed);
    Random random = new Random(seed);
    Built built = build(random, closeCleanly);
    List<byte[]> data = built.data.snapshot();
    List<byte[]> journal = built.journal.snapshot();
    int errors = 0;
    for (int i = 0; i < DAMAGES; i++) {
      List<byte[]> damagedData = copy(data);
      List<byte[]> damagedJournal = copy(journal);
      boolean onJournal = random.nextBoolean();
      boolean truncated = damage(random, onJournal ? damagedJournal : damagedData);
      built.data.restore(damagedData);
      built.journal.restore(damagedJournal);
      SimulatedDisk.Fuse never = new SimulatedDisk.Fuse(-1);
      Content found;
      try {
        MemoryProvider provider =
            JournaledMemoryProvider.open(built.data.open(never), built.journal.open(never));
        try {
          found = Content.of(provider);
        } finally {
          provider.close();
        }
      } catch (MemoryException e) {
        errors++;
        continue;
      }
      boolean acceptable =
          found.sameAs(built.last)
              || (!closeCleanly && found.sameAs(built.before))
              || (!closeCleanly && onJournal && truncated && inHistory(found, built.all));
      assertTrue(acceptable, "damage " + i + " gave other content: " + found);
    }
    System.out.println("CorruptionFuzzTest " + name + " errors=" + errors + " of " + DAMAGES);
  }

  /**
   * Whether {@code found} is a committed state, or the data file as first grown: a journal cut
   * short loses the commits since the last checkpoint, and journal format 2 checkpoints a database
   * this small only after about 20 commits, so the data file may hold no commit yet.
   */
  private static boolean inHistory(Content found, List<Content> all) {
    Content grown = Content.empty();
    grown.grow(found.pages());
    if (found.sameAs(grown)) {
      return true;
    }
    for (Content content : all) {
      if (found.sameAs(content)) {
        return true;
      }
    }
    return false;
  }

  private static Built build(Random random, boolean closeCleanly) {
    SimulatedDisk data = new SimulatedDisk();
    SimulatedDisk journal = new SimulatedDisk();
    SimulatedDisk.Fuse never = new SimulatedDisk.Fuse(-1);
    MemoryProvider provider =
        JournaledMemoryProvider.open(data.open(never), journal.open(never), 6L * PAGE);
    Content model = Content.empty();
    Content before = model;
    List<Content> all = new java.util.ArrayList<>();
    for (int commit = 0; commit < 20; commit++) {
      before = model.copy();
      if (model.pages() < 6) {
        provider.grow(1);
        model.grow(1);
      }
      for (int w = 0; w < 3; w++) {
        byte[] bytes = new byte[1 + random.nextInt(3000)];
        random.nextBytes(bytes);
        long offset = (long) (random.nextDouble() * ((long) model.pages() * PAGE - bytes.length));
        provider.write(offset, bytes);
        model.write(offset, bytes);
      }
      provider.commit();
      all.add(model.copy());
    }
    if (closeCleanly) {
      provider.close();
    } else {
      data.powerLoss(random);
      journal.powerLoss(random);
    }
    return new Built(data, journal, model, before, all);
  }

  private static List<byte[]> copy(List<byte[]> pages) {
    List<byte[]> copy = new java.util.ArrayList<>();
    for (byte[] page : pages) {
      copy.add(page.clone());
    }
    return copy;
  }

  /**
   * Flips a few bits (often near the start, where headers live) or drops trailing pages.
   *
   * @return whether pages were dropped
   */
  private static boolean damage(Random random, List<byte[]> pages) {
    if (pages.isEmpty()) {
      return false;
    }
    if (random.nextInt(5) == 0) {
      int keep = random.nextInt(pages.size());
      pages.subList(keep, pages.size()).clear();
      return true;
    }
    int flips = 1 + random.nextInt(3);
    for (int f = 0; f < flips; f++) {
      long span = random.nextInt(3) == 0 ? 512 : (long) pages.size() * PAGE;
      long at = (long) (random.nextDouble() * span);
      pages.get((int) (at / PAGE))[(int) (at % PAGE)] ^= (byte) (1 << random.nextInt(8));
    }
    return false;
  }
}
