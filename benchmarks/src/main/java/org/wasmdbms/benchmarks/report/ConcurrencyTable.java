package org.wasmdbms.benchmarks.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wasmdbms.benchmarks.ConcurrencyBenchmark;

/**
 * The section of {@code docs/benchmarks.md} on one file database shared by threads: {@link
 * ConcurrencyBenchmark}'s results, run in throughput mode (JMH sums the operations of all the
 * threads; its time per operation averages the threads' times instead, which understates a total
 * when threads run at different speeds), with the journal syncs per durable commit that the
 * benchmark prints at the end of each trial (read back from JMH's log), and the reads per second
 * with and without the writer in the alternating iterations of one JVM (also printed at the end of
 * each trial; shown as the forks' mean, the share kept taken from the sums, so that each fork
 * weighs by its speed).
 *
 * <p>Not thread-safe; built and rendered once.
 */
final class ConcurrencyTable {
  private static final String PREFIX = ConcurrencyBenchmark.class.getName() + ".";
  private static final Pattern TRIAL =
      Pattern.compile("^# Benchmark: " + Pattern.quote(PREFIX) + "(\\w+)$");
  private static final Pattern PARAMETERS =
      Pattern.compile("^# Parameters: \\(writer = (\\w+)\\)$");
  private static final Pattern SYNCS =
      Pattern.compile("^(\\d+) durable commits, (\\d+) journal syncs: ([0-9.]+) syncs per commit$");
  private static final Pattern ALTERNATING =
      Pattern.compile(
          "^alternating: (\\d+) reads/s with the writer, (\\d+) without it: [0-9.]+ % kept$");

  /** The benchmark methods, their threads and what one operation is, in the table's order. */
  private static final String[][] ROWS = {
    {"pointReadOneThread", "1", "point reads by primary key"},
    {"pointReadTwoThreads", "2", "point reads by primary key"},
    {"durableCommitOneWriter", "1", "durable single-row commits"},
    {"durableCommitFourWriters", "4", "durable single-row commits"},
  };

  private final Map<String, JmhResult> results = new HashMap<>();
  private final Map<String, String> syncsPerCommit = new HashMap<>();
  // Per read method: what the forks of the alternating setting printed, added up.
  private final Map<String, Alternating> alternating = new HashMap<>();

  /** The reads per second with and without the writer, summed over {@code forks} forks. */
  private record Alternating(double with, double without, int forks) {
    Alternating plus(double forkWith, double forkWithout) {
      return new Alternating(with + forkWith, without + forkWithout, forks + 1);
    }
  }

  /**
   * The table of {@code all}'s concurrency results.
   *
   * @param all every result of the run (others are ignored)
   * @param log JMH's console output of the concurrency run, or empty if there was none
   */
  ConcurrencyTable(List<JmhResult> all, String log) {
    for (JmhResult result : all) {
      if (result.benchmark().startsWith(PREFIX)) {
        String method = result.benchmark().substring(PREFIX.length());
        results.put(method + "/" + result.params().get("writer"), result);
      }
    }
    String method = null;
    String writer = null;
    for (String line : log.split("\n")) {
      Matcher trial = TRIAL.matcher(line);
      Matcher parameters = PARAMETERS.matcher(line);
      Matcher syncs = SYNCS.matcher(line.strip());
      Matcher paired = ALTERNATING.matcher(line.strip());
      if (trial.matches()) {
        method = trial.group(1);
      } else if (parameters.matches()) {
        writer = parameters.group(1);
      } else if (syncs.matches() && method != null && writer != null) {
        syncsPerCommit.put(method + "/" + writer, syncs.group(3));
      } else if (paired.matches() && method != null) {
        alternating.put(
            method,
            alternating
                .getOrDefault(method, new Alternating(0, 0, 0))
                .plus(Double.parseDouble(paired.group(1)), Double.parseDouble(paired.group(2))));
      }
    }
  }

  /** The markdown section, or a sentence saying the run had no concurrency results. */
  String markdown() {
    if (results.isEmpty()) {
      return "This run did not measure concurrency (`ConcurrencyBenchmark`).\n";
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "| workload | threads | alone | with a durable writer | kept | with raw syncs | kept"
            + " | one JVM, writer alternating: kept | syncs per commit |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String[] row : ROWS) {
      JmhResult alone = results.get(row[0] + "/none");
      if (alone == null) {
        continue;
      }
      out.append("| ")
          .append(row[2])
          .append(" | ")
          .append(row[1])
          .append(" | ")
          .append(perSecond(alone));
      for (String writer : new String[] {"durable", "sync"}) {
        JmhResult contended = results.get(row[0] + "/" + writer);
        out.append(" | ")
            .append(contended == null ? "-" : perSecond(contended))
            .append(" | ")
            .append(
                contended == null
                    ? "-"
                    : Math.round(100 * alone.micros() / contended.micros()) + " %");
      }
      Alternating paired = alternating.get(row[0]);
      out.append(" | ")
          .append(
              paired == null
                  ? "-"
                  : String.format(
                      Locale.ROOT,
                      "%,.0f/s of %,.0f/s: %d %%",
                      paired.with() / paired.forks(),
                      paired.without() / paired.forks(),
                      Math.round(100 * paired.with() / paired.without())));
      out.append(" | ").append(syncsPerCommit.getOrDefault(row[0] + "/none", "-")).append(" |\n");
    }
    return out.toString();
  }

  /**
   * Operations per second of all the threads together (JMH's throughput, inverted by JmhResult).
   */
  private static String perSecond(JmhResult result) {
    return String.format(Locale.ROOT, "%,.0f/s", 1_000_000 / result.micros());
  }
}
