package org.wasmdbms.memory.journal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;

/**
 * The power-loss test of {@link PowerLossTest} in {@link Durability#RELAXED relaxed} durability,
 * with a clock that advances one millisecond per reading and a sync interval of 5 ms: after every
 * power cut, the reopened content is exactly the state after the first k commits for some k no
 * earlier than the last commit known synced (a prefix of the commits, never part of one).
 */
class RelaxedPowerLossTest {
  private static final int POWER_LOSSES = 300;

  @Test
  void whatSurvivesIsExactlyAPrefixOfTheCommits() {
    long seed = Long.getLong("powerloss.seed", System.nanoTime());
    System.out.println("RelaxedPowerLossTest seed=" + seed);
    Random random = new Random(seed);
    SimulatedDisk data = new SimulatedDisk();
    SimulatedDisk journal = new SimulatedDisk();
    long[] clock = {0};
    // States after each commit since the last one known synced; the first is that synced one.
    List<Content> unsynced = new ArrayList<>();
    unsynced.add(Content.empty());
    Content inFlight = null;
    int commits = 0;
    int lost = 0;
    for (int loss = 0; loss < POWER_LOSSES; loss++) {
      SimulatedDisk.Fuse fuse = new SimulatedDisk.Fuse(1 + random.nextInt(80));
      try {
        JournalOptions options =
            JournalOptions.DEFAULT
                .withDurability(Durability.RELAXED)
                .withSyncIntervalMillis(5)
                .withClock(() -> ++clock[0])
                .withCheckpointBytes(random.nextInt(6) * (long) MemoryProvider.PAGE_SIZE);
        JournaledMemoryProvider provider =
            JournaledMemoryProvider.open(data.open(fuse), journal.open(fuse), options);
        Content found = Content.of(provider);
        int match = -1;
        for (int k = 0; k < unsynced.size(); k++) {
          if (found.sameAs(unsynced.get(k))) {
            match = k;
          }
        }
        if (match < 0 && inFlight != null && found.sameAs(inFlight)) {
          match = unsynced.size();
          unsynced.add(inFlight);
        }
        if (match < 0) {
          fail("after power loss " + loss + ": found " + found + ", no prefix of the commits");
        }
        lost += unsynced.size() - 1 - match;
        // Opening checkpointed, which syncs: what was found is durable now.
        unsynced.clear();
        unsynced.add(found);
        inFlight = null;
        while (true) {
          Content current = unsynced.get(unsynced.size() - 1).copy();
          PowerLossTest.mutate(random, provider, current);
          inFlight = current;
          long syncs = provider.journalSyncs();
          provider.commit();
          inFlight = null;
          if (provider.journalSyncs() != syncs) {
            unsynced.clear();
          }
          unsynced.add(current);
          commits++;
        }
      } catch (MemoryException e) {
        assertTrue(fuse.blown(), "failure without a power loss: " + e.detail());
      }
      data.powerLoss(random);
      journal.powerLoss(random);
    }
    System.out.println("RelaxedPowerLossTest commits=" + commits + " lost=" + lost);
    assertTrue(commits > POWER_LOSSES / 2, "too few commits to mean anything: " + commits);
  }
}
