package org.wasmdbms.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcurrencyTableTest {
  private static final String PREFIX = "org.wasmdbms.benchmarks.ConcurrencyBenchmark.";

  /** A result as JmhResult reads a throughput: the time of one operation of all threads. */
  private static JmhResult result(String method, String writer, double opsPerSecond) {
    double micros = 1e6 / opsPerSecond;
    return new JmhResult(
        PREFIX + method, Map.of("writer", writer), micros, Double.NaN, List.of(micros), "1 fork");
  }

  /** The lines JMH's log opens a trial of {@code method} with {@code writer} with. */
  private static String trial(String method, String writer) {
    return "# Benchmark: " + PREFIX + method + "\n# Parameters: (writer = " + writer + ")";
  }

  @Test
  void throughputIsShownAsJmhSummedItAndTheSyncsComeFromTheirOwnTrial() {
    List<JmhResult> results =
        List.of(
            result("pointReadTwoThreads", "none", 100_000),
            result("pointReadTwoThreads", "durable", 80_000),
            result("pointReadTwoThreads", "sync", 90_000),
            result("durableCommitFourWriters", "none", 5_000),
            result("durableCommitFourWriters", "durable", 4_000));
    String log =
        String.join(
            "\n",
            trial("durableCommitFourWriters", "none"),
            "",
            "5000 durable commits, 2000 journal syncs: 0.400 syncs per commit",
            trial("durableCommitFourWriters", "durable"),
            "9000 durable commits, 6000 journal syncs: 0.667 syncs per commit");
    String table = new ConcurrencyTable(results, log).markdown();
    // JMH's throughput is the sum over the threads already: shown as it is, not times the threads
    assertTrue(
        table.contains(
            "| point reads by primary key | 2 | 100,000/s | 80,000/s | 80 % | 90,000/s | 90 % | - | -"
                + " |"),
        table);
    assertTrue(
        table.contains(
            "| durable single-row commits | 4 | 5,000/s | 4,000/s | 80 % | - | - | - | 0.400 |"),
        table);
    assertEquals(4, table.split("\n").length, table);
  }

  @Test
  void theAlternatingForksAreAddedBeforeTheShareKeptIsTaken() {
    List<JmhResult> results =
        List.of(
            result("pointReadOneThread", "none", 100_000),
            result("pointReadOneThread", "alternating", 70_000));
    String log =
        String.join(
            "\n",
            trial("pointReadOneThread", "alternating"),
            "Iteration   6: ",
            "alternating: 60000 reads/s with the writer, 100000 without it: 60.0 % kept",
            trial("pointReadOneThread", "alternating"),
            "alternating: 90000 reads/s with the writer, 100000 without it: 90.0 % kept");
    String table = new ConcurrencyTable(results, log).markdown();
    // the forks' mean rates; (60,000 + 90,000) / (100,000 + 100,000) kept: 75 %
    assertTrue(
        table.contains(
            "| point reads by primary key | 1 | 100,000/s | - | - | - | - | 75,000/s of 100,000/s:"
                + " 75 % | - |"),
        table);
  }

  @Test
  void aRunWithoutTheBenchmarkSaysSo() {
    assertTrue(new ConcurrencyTable(List.of(), "").markdown().startsWith("This run did not"));
  }
}
