package org.wasmdbms.memory.journal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;

/**
 * Cuts the power at random points of a random workload of commits (including during recovery and
 * checkpoints), keeping only synced writes plus a random, possibly torn, part of the rest, and
 * checks that every reopened state is exactly the last acknowledged commit, or the commit that was
 * in flight when the power went.
 */
class PowerLossTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;
  private static final int POWER_LOSSES = 400;

  @Test
  void everyAcknowledgedCommitSurvivesAndNoPartialCommitAppears() {
    long seed = Long.getLong("powerloss.seed", System.nanoTime());
    System.out.println("PowerLossTest seed=" + seed);
    Random random = new Random(seed);
    SimulatedDisk data = new SimulatedDisk();
    SimulatedDisk journal = new SimulatedDisk();
    Content acknowledged = Content.empty();
    Content inFlight = null;
    int commits = 0;
    for (int loss = 0; loss < POWER_LOSSES; loss++) {
      SimulatedDisk.Fuse fuse = new SimulatedDisk.Fuse(1 + random.nextInt(80));
      Content current = null;
      try {
        MemoryProvider provider =
            JournaledMemoryProvider.open(
                data.open(fuse), journal.open(fuse), random.nextInt(6) * (long) PAGE);
        Content found = Content.of(provider);
        if (found.sameAs(acknowledged)) {
          inFlight = null;
        } else if (inFlight != null && found.sameAs(inFlight)) {
          acknowledged = inFlight;
          inFlight = null;
        } else {
          fail("after power loss " + loss + ": found " + found + ", acknowledged " + acknowledged);
        }
        while (true) {
          current = acknowledged.copy();
          mutate(random, provider, current);
          inFlight = current;
          provider.commit();
          acknowledged = current;
          inFlight = null;
          commits++;
        }
      } catch (MemoryException e) {
        assertTrue(fuse.blown(), "failure without a power loss: " + e.detail());
      }
      data.powerLoss(random);
      journal.powerLoss(random);
    }
    System.out.println("PowerLossTest commits=" + commits);
    assertTrue(commits > POWER_LOSSES / 2, "too few commits to mean anything: " + commits);
  }

  /** A random unit of writes: some growth now and then, and a few writes of random bytes. */
  static void mutate(Random random, MemoryProvider provider, Content model) {
    if (model.pages() == 0 || (model.pages() < 12 && random.nextInt(4) == 0)) {
      int pages = 1 + random.nextInt(2);
      provider.grow(pages);
      model.grow(pages);
    }
    int writes = 1 + random.nextInt(4);
    for (int i = 0; i < writes; i++) {
      byte[] bytes = new byte[1 + random.nextInt(random.nextBoolean() ? 64 : 2 * PAGE)];
      random.nextBytes(bytes);
      long room = (long) model.pages() * PAGE - bytes.length;
      long offset = room <= 0 ? 0 : (long) (random.nextDouble() * room);
      if (bytes.length <= (long) model.pages() * PAGE) {
        provider.write(offset, bytes);
        model.write(offset, bytes);
      }
    }
  }
}
