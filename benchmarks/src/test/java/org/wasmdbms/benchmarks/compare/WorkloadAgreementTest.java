package org.wasmdbms.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contestants do the same work: three operations of each workload return the same values and
 * leave the same rows on this engine (heap and file) and on H2 and SQLite in memory. The workload
 * on a million rows is left out to keep the test fast; it is the read workload on a larger table.
 */
class WorkloadAgreementTest {
  private static final List<Contestant> CONTESTANTS =
      List.of(
          Contestant.ENGINE_HEAP,
          Contestant.ENGINE_FILE,
          Contestant.H2_MEMORY,
          Contestant.H2_FILE,
          Contestant.SQLITE_MEMORY,
          Contestant.SQLITE_FILE);

  @TempDir Path directory;

  /**
   * What each of three operations returns, each followed by what the table then holds: user 0, the
   * ten first ids, and how many users the filter selects.
   */
  private List<Object> outcomes(Workload workload, Contestant contestant) throws Exception {
    Path files = Files.createTempDirectory(directory, contestant.id());
    List<Object> outcomes = new ArrayList<>();
    try (UsersDatabase db = contestant.open(files, workload.durable())) {
      workload.prepare(db);
      Workload.Cursor cursor = new Workload.Cursor();
      for (int i = 0; i < 3; i++) {
        workload.reset(db, cursor);
        outcomes.add(workload.run(db, cursor));
        outcomes.add(db.readUser(0));
        outcomes.add(db.readTenFrom(0));
        outcomes.add(db.readUsersOlderThanFilterAge());
      }
    }
    return outcomes;
  }

  @Test
  void everyContestantReturnsTheSameForEveryWorkload() throws Exception {
    for (Workload workload : Workload.values()) {
      if (workload == Workload.LOOKUP_1M) {
        continue;
      }
      Map<Contestant, List<Object>> byContestant = new LinkedHashMap<>();
      for (Contestant contestant : CONTESTANTS) {
        if (workload.runsOn(contestant)) {
          byContestant.put(contestant, outcomes(workload, contestant));
        }
      }
      assertFalse(byContestant.isEmpty(), workload.id());
      List<Object> expected = byContestant.values().iterator().next();
      byContestant.forEach(
          (contestant, outcomes) ->
              assertEquals(expected, outcomes, workload.id() + " on " + contestant.id()));
    }
  }

  @Test
  void theFilterReadsFortyNinePercentAndTheJoinEveryPost() throws Exception {
    assertEquals(4_900, outcomes(Workload.FILTER, Contestant.SQLITE_MEMORY).get(0));
    assertEquals(10_000, outcomes(Workload.JOIN, Contestant.SQLITE_MEMORY).get(0));
  }

  @Test
  void theGuestJoinsEveryPostWithItsUser() {
    try (UsersDatabase guest = Contestant.GUEST.open(directory, false)) {
      Workload.JOIN.prepare(guest);
      assertEquals(10_000, Workload.JOIN.run(guest, new Workload.Cursor()));
    }
  }

  @Test
  void theGuestsNameFilterSelectsAsManyUsersAsTheAgeFilter() {
    try (UsersDatabase guestSchema = EngineUsersDatabase.onGuestFile(directory)) {
      guestSchema.load(10_000, 0);
      assertEquals(4_900, guestSchema.readUsersOlderThanFilterAge());
      assertEquals(Users.name(1234), guestSchema.readUser(1234));
    }
  }
}
