package org.wasmdbms.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcurrencyTableTest {
  private static final String PREFIX = "org.wasmdbms.benchmarks.ConcurrencyBenchmark.";

  private static JmhResult result(String method, String writer, double micros) {
    return new JmhResult(
        PREFIX + method, Map.of("writer", writer), micros, Double.NaN, List.of(micros), "1 fork");
  }

  @Test
  void throughputSumsTheThreadsAndTheSyncsComeFromTheirOwnTrial() {
    List<JmhResult> results =
        List.of(
            result("pointReadTwoThreads", "none", 20),
            result("pointReadTwoThreads", "durable", 25),
            result("durableCommitFourWriters", "none", 800),
            result("durableCommitFourWriters", "durable", 1000));
    String log =
        String.join(
            "\n",
            "# Benchmark: " + PREFIX + "durableCommitFourWriters",
            "# Parameters: (writer = none)",
            "",
            "5000 durable commits, 2000 journal syncs: 0.400 syncs per commit",
            "# Benchmark: " + PREFIX + "durableCommitFourWriters",
            "# Parameters: (writer = durable)",
            "9000 durable commits, 6000 journal syncs: 0.667 syncs per commit");
    String table = new ConcurrencyTable(results, log).markdown();
    // two threads at 20 us each: 100,000 reads per second; with the writer 80,000, so 80 % kept
    assertTrue(
        table.contains("| point reads by primary key | 2 | 100,000/s | 80,000/s | 80 % | - |"),
        table);
    assertTrue(
        table.contains("| durable single-row commits | 4 | 5,000/s | 4,000/s | 80 % | 0.400 |"),
        table);
    assertEquals(4, table.split("\n").length, table);
  }

  @Test
  void aRunWithoutTheBenchmarkSaysSo() {
    assertTrue(new ConcurrencyTable(List.of(), "").markdown().startsWith("This run did not"));
  }
}
