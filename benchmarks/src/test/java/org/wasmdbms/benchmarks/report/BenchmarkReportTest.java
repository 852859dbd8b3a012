package org.wasmdbms.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {
  private static final String COMPARE = "org.wasmdbms.benchmarks.compare.CompareBenchmark";

  /** A result whose iterations all took {@code score}. */
  private static String result(
      String benchmark, String pair, String score, String error, String unit) {
    return result(benchmark, pair, score, error, unit, "[[" + score + ", " + score + "]]");
  }

  /** One result as JMH writes it in its JSON output (trimmed to the fields the report reads). */
  private static String result(
      String benchmark, String pair, String score, String error, String unit, String rawData) {
    return "{\"jmhVersion\": \"1.37\", \"benchmark\": \""
        + benchmark
        + "\", \"mode\": \"avgt\", \"forks\": 1, \"warmupIterations\": 1, \"warmupTime\": \"1 s\","
        + " \"measurementIterations\": 3, \"measurementTime\": \"1 s\","
        + (pair == null ? "" : " \"params\": {\"pair\": \"" + pair + "\"},")
        + " \"primaryMetric\": {\"score\": "
        + score
        + ", \"scoreError\": "
        + error
        + ", \"scoreConfidence\": [1, 2], \"scoreUnit\": \""
        + unit
        + "\", \"rawData\": "
        + rawData
        + "}, \"secondaryMetrics\": {}}";
  }

  private static BenchmarkReport report(String... results) {
    return new BenchmarkReport(JmhResult.parse("[" + String.join(",", results) + "]"));
  }

  @Test
  void parsesJmhJsonAndConvertsEveryTimeToMicroseconds() {
    List<JmhResult> results =
        JmhResult.parse(
            "["
                + result(COMPARE + ".steady", "read@guest", "2.5", "0.5", "ms/op", "[[2, 3]]")
                + ","
                + result(COMPARE + ".steady", "read@engine-heap", "1500", "\"NaN\"", "ns/op")
                + "]");
    assertEquals(2, results.size());
    assertEquals("read@guest", results.get(0).params().get("pair"));
    assertEquals(2500, results.get(0).micros(), 1e-9);
    assertEquals(500, results.get(0).errorMicros(), 1e-9);
    assertEquals(1.5, results.get(1).micros(), 1e-9);
    assertTrue(Double.isNaN(results.get(1).errorMicros()));
    assertEquals(List.of(2000.0, 3000.0), results.get(0).iterationsMicros());
    assertEquals(0.4, results.get(0).spread(), 1e-9);
    assertEquals(
        "1 fork, 1 warm-up iteration of 1 s, 3 measured iterations of 1 s",
        results.get(0).settings());
  }

  @Test
  void invertsAThroughputIntoTheTimeOfOneOperationOfAllThreads() {
    JmhResult result =
        JmhResult.parse(
                "["
                    + result(
                        COMPARE + ".steady", null, "500000", "50000", "ops/s", "[[400000, 500000]]")
                    + "]")
            .get(0);
    assertEquals(2, result.micros(), 1e-9);
    assertEquals(0.2, result.errorMicros(), 1e-9);
    assertEquals(List.of(2.5, 2.0), result.iterationsMicros());
  }

  @Test
  void rejectsAResultThatIsNeitherATimePerOperationNorAThroughput() {
    for (String unit : new String[] {"B/op", "#", "ops/day"}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> JmhResult.parse("[" + result(COMPARE + ".steady", null, "5", "1", unit) + "]"),
          unit);
    }
  }

  @Test
  void eachCellIsATimeAndItsRatioToSqliteOnTheSameStorage() {
    BenchmarkReport report =
        report(
            result(COMPARE + ".steady", "read@engine-heap", "3", "0.1", "us/op"),
            result(COMPARE + ".steady", "read@sqlite-memory", "2", "0.1", "us/op"),
            result(COMPARE + ".steady", "read@guest", "4", "2", "ms/op", "[[3, 4, 5]]"),
            result(COMPARE + ".steady", "read@sqlite-file", "8", "0.1", "us/op"));
    String tables = report.resultTables();
    String memoryRow = row(tables, "In memory", "read one row by primary key, 1,000 users");
    assertTrue(memoryRow.contains("| 3.00 µs (1.5×) |"), memoryRow);
    assertTrue(memoryRow.contains("| 2.00 µs (1.0×) |"), memoryRow);
    assertTrue(memoryRow.contains("| no result |"), memoryRow);
    String fileRow = row(tables, "On files", "read one row by primary key, 1,000 users");
    // 4 ms against 8 µs, and iterations half the score apart are marked as noisy.
    assertTrue(fileRow.contains("| 4.00 ms ~ (500×) |"), fileRow);
  }

  @Test
  void workloadsAContestantCannotRunSayWhy() {
    String tables = report().resultTables();
    String join = row(tables, "On files", "inner join of 100 users with 10,000 posts");
    assertTrue(
        join.startsWith("| inner join of 100 users with 10,000 posts | no result | no result |"),
        join);
    String durable = row(tables, "In memory", "durable single-row commit");
    assertTrue(durable.contains("| in memory: not durable |"), durable);
  }

  @Test
  void aFigureThatIsNotWhatItsRowPromisesSaysSo() {
    String tables =
        report(
                result(COMPARE + ".steady", "durable-commit@h2-file", "500", "1", "us/op"),
                result(COMPARE + ".steady", "durable-commit@sqlite-file", "5", "0.1", "ms/op"))
            .resultTables();
    String durable = row(tables, "On files", "durable single-row commit");
    assertTrue(durable.contains("| 500 µs (0.10×), commit not synced |"), durable);
    assertTrue(durable.contains("| 5.00 ms (1.0×) |"), durable);
  }

  @Test
  void contestantsMeasuredWithOtherSettingsAreNamedBesideThem() {
    String doc =
        report(
                result(COMPARE + ".steady", "read@sqlite-memory", "2", "0.1", "us/op"),
                result(COMPARE + ".steady", "read@guest", "2", "0.1", "ms/op")
                    .replace("\"warmupIterations\": 1", "\"warmupIterations\": 4"))
            .markdown(
                "{{machine}}",
                new Machine("cpu", 2, "1 GiB", "os", "jdk"),
                LocalDate.of(2025, 1, 2),
                0);
    assertTrue(
        doc.contains("| JMH, per pair (sqlite-memory) | 1 fork, 1 warm-up iteration of 1 s,"), doc);
    assertTrue(doc.contains("| JMH, per pair (guest) | 1 fork, 4 warm-up iterations"), doc);
  }

  @Test
  void theHeadlineIsTheGeometricMeanOfTheRatiosWithTheBestAndWorstWorkload() {
    BenchmarkReport report =
        report(
            result(COMPARE + ".steady", "read@engine-heap", "2", "0", "us/op"),
            result(COMPARE + ".steady", "read@sqlite-memory", "1", "0", "us/op"),
            result(COMPARE + ".steady", "filter@engine-heap", "8", "0", "us/op"),
            result(COMPARE + ".steady", "filter@sqlite-memory", "1", "0", "us/op"),
            result(COMPARE + ".afterReset", "insert@engine-heap", "32", "0", "us/op"),
            result(COMPARE + ".afterReset", "insert@sqlite-memory", "1", "0", "us/op"));
    String headline = report.headline();
    assertTrue(
        headline.contains(
            "this engine on the heap takes **8.0×** the time of SQLite in memory (geometric mean"
                + " over 3 workloads, from 2.0× on read to 32× on insert); over the 2 reads alone,"
                + " **4.0×**"),
        headline);
    assertTrue(headline.contains("this engine on a file against SQLite on a file: no common"));
  }

  @Test
  void theDocumentFillsTheTemplateAndTheReadmeKeepsEverythingOutsideItsMarkers() {
    BenchmarkReport report =
        report(
            result(
                "org.wasmdbms.benchmarks.RawFsyncBenchmark.write4KiBAndForce",
                null,
                "1234",
                "1",
                "us/op"));
    Machine machine = new Machine("Test CPU", 2, "24 GiB", "Linux 6 (amd64)", "OpenJDK 17");
    String doc =
        report.markdown(
            "# Benchmarks\n{{machine}}\n{{results}}\n{{headline}}",
            machine,
            LocalDate.of(2025, 1, 2),
            754);
    assertTrue(doc.contains("| date | 2025-01-02 |"), doc);
    assertTrue(doc.contains("| CPU | Test CPU |"), doc);
    assertTrue(doc.contains("| whole run | 12 min 34 s, building included |"), doc);
    assertTrue(doc.contains("(`RawFsyncBenchmark`) took 1.23 ms."), doc);
    String readme =
        "# Title\n\n## Performance\n"
            + BenchmarkReport.BEGIN
            + "\nold figures\n"
            + BenchmarkReport.END
            + "\n\n## Next\n";
    assertEquals(
        "# Title\n\n## Performance\n"
            + BenchmarkReport.BEGIN
            + "\nnew figures\n"
            + BenchmarkReport.END
            + "\n\n## Next\n",
        BenchmarkReport.withFigures(readme, "new figures\n"));
    assertThrows(
        IllegalArgumentException.class, () -> BenchmarkReport.withFigures("# no markers\n", "x"));
  }

  @Test
  void timesAndRatiosKeepTheirSignificantDigits() {
    assertEquals("0.85 µs", BenchmarkReport.time(0.85));
    assertEquals("12.3 µs", BenchmarkReport.time(12.34));
    assertEquals("1.50 ms", BenchmarkReport.time(1500));
    assertEquals("4.26 s", BenchmarkReport.time(4_258_646));
    assertEquals("0.053×", BenchmarkReport.ratio(0.0531));
    assertEquals("0.53×", BenchmarkReport.ratio(0.531));
    assertEquals("5.3×", BenchmarkReport.ratio(5.31));
    assertEquals("531×", BenchmarkReport.ratio(531.2));
  }

  /** The line of {@code tables} for {@code workload} in the section titled {@code section}. */
  private static String row(String tables, String section, String workload) {
    int start = tables.indexOf("### " + section);
    int at = tables.indexOf("| " + workload + " |", start);
    assertTrue(start >= 0 && at >= 0, "no row " + workload + " in " + section);
    return tables.substring(at, tables.indexOf('\n', at));
  }
}
