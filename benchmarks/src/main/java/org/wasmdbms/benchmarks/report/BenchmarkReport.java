package org.wasmdbms.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.wasmdbms.benchmarks.RawFsyncBenchmark;
import org.wasmdbms.benchmarks.compare.CompareBenchmark;
import org.wasmdbms.benchmarks.compare.Contestant;
import org.wasmdbms.benchmarks.compare.Workload;

/**
 * Turns the JMH results of a suite run into {@code docs/benchmarks.md}: the machine, the date, the
 * contestants with their durability, one table per kind of storage (workload by contestant, each
 * time also as a ratio to SQLite through xerial on the same storage) and the headline ratios, which
 * it also writes into the README between {@link #BEGIN} and {@link #END}.
 *
 * <p>The document is a template with hand-written text around the placeholders {@code {{machine}}},
 * {@code {{results}}}, {@code {{concurrency}}} and {@code {{headline}}}.
 *
 * <pre>
 * BenchmarkReport --results DIR --template FILE --out FILE [--readme FILE] [--run-seconds N]
 * </pre>
 */
public final class BenchmarkReport {
  /** The line before the README's generated figures. */
  public static final String BEGIN = "<!-- benchmark figures: written by ./run-benchmarks -->";

  /** The line after them. */
  public static final String END = "<!-- end of benchmark figures -->";

  /** A figure whose iterations differ by more than this share of it is marked as noisy. */
  private static final double NOISY = 0.25;

  private static final String NOISY_MARK = " ~";

  private final Map<String, JmhResult> byPair = new HashMap<>();
  private JmhResult rawFsync;

  /** How the pairs were measured, and for which contestants, in the order first met. */
  private final Map<String, Set<Contestant>> settings = new LinkedHashMap<>();

  private final ConcurrencyTable concurrency;

  /** A report on {@code results}, the contents of one run's JSON files, without concurrency. */
  public BenchmarkReport(List<JmhResult> results) {
    this(results, "");
  }

  /**
   * A report on {@code results}, the contents of one run's JSON files.
   *
   * @param concurrencyLog JMH's console output of the concurrency run, for its syncs per commit
   */
  public BenchmarkReport(List<JmhResult> results, String concurrencyLog) {
    concurrency = new ConcurrencyTable(results, concurrencyLog);
    for (JmhResult result : results) {
      String pair = result.params().get("pair");
      if (result.benchmark().startsWith(CompareBenchmark.class.getName() + ".") && pair != null) {
        byPair.put(pair, result);
        Contestant contestant = Contestant.byId(pair.substring(pair.indexOf('@') + 1));
        settings
            .computeIfAbsent(result.settings(), s -> EnumSet.noneOf(Contestant.class))
            .add(contestant);
      } else if (result.benchmark().startsWith(RawFsyncBenchmark.class.getName() + ".")) {
        rawFsync = result;
      }
    }
  }

  private JmhResult result(Workload workload, Contestant contestant) {
    return byPair.get(workload.id() + "@" + contestant.id());
  }

  /** The document: {@code template} with its placeholders filled. */
  public String markdown(String template, Machine machine, LocalDate date, long runSeconds) {
    return template
        .replace("{{machine}}", machineTable(machine, date, runSeconds))
        .replace("{{results}}", resultTables())
        .replace("{{concurrency}}", concurrency.markdown())
        .replace("{{headline}}", headline());
  }

  private String machineTable(Machine machine, LocalDate date, long runSeconds) {
    StringBuilder out = new StringBuilder();
    out.append("| | |\n|---|---|\n");
    out.append("| date | ").append(date).append(" |\n");
    out.append("| CPU | ").append(machine.cpu()).append(" |\n");
    out.append("| cores | ").append(machine.cores()).append(" |\n");
    out.append("| memory | ").append(machine.memory()).append(" |\n");
    out.append("| OS | ").append(machine.os()).append(" |\n");
    out.append("| JDK | ").append(machine.jdk()).append(" |\n");
    for (Map.Entry<String, Set<Contestant>> entry : settings.entrySet()) {
      out.append("| JMH, per pair")
          .append(settings.size() == 1 ? "" : " (" + labels(entry.getValue()) + ")")
          .append(" | ")
          .append(entry.getKey())
          .append(" |\n");
    }
    if (runSeconds > 0) {
      out.append("| whole run | ")
          .append(runSeconds / 60)
          .append(" min ")
          .append(runSeconds % 60)
          .append(" s, building included |\n");
    }
    return out.toString();
  }

  private static String labels(Set<Contestant> contestants) {
    return contestants.stream().map(Contestant::id).collect(Collectors.joining(", "));
  }

  /** The contestants table and one result table per kind of storage. */
  String resultTables() {
    StringBuilder out = new StringBuilder();
    out.append("### Contestants\n\n| contestant | storage | durability as measured |\n");
    out.append("|---|---|---|\n");
    for (Contestant contestant : Contestant.values()) {
      out.append("| ")
          .append(contestant.label())
          .append(" | ")
          .append(contestant.storage().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(contestant.durability())
          .append(" |\n");
    }
    for (Contestant.Storage storage : Contestant.Storage.values()) {
      out.append('\n').append(resultTable(storage));
    }
    out.append("\nTimes are per operation; lower is better. In parentheses: the time divided by")
        .append(" SQLite's (xerial) on the same workload and the same storage; 2.0× takes twice")
        .append(" as long as SQLite, 0.5× half as long.")
        .append(" A ~ marks a noisy figure: its fastest and slowest measured iterations differ by")
        .append(" more than ")
        .append(Math.round(NOISY * 100))
        .append(" % of it.\n");
    if (rawFsync != null) {
      out.append("\nThe disk itself, in the same run: writing 4 KiB and forcing them to it")
          .append(" (`RawFsyncBenchmark`) took ")
          .append(time(rawFsync.micros()))
          .append(". The disk is shared with other work, so the time of a sync varies during a")
          .append(" run, and a durable commit measured at another moment can take less.\n");
    }
    return out.toString();
  }

  private String resultTable(Contestant.Storage storage) {
    List<Contestant> contestants = contestants(storage);
    StringBuilder out = new StringBuilder();
    out.append("### ")
        .append(storage == Contestant.Storage.MEMORY ? "In memory" : "On files")
        .append("\n\n| workload |");
    for (Contestant contestant : contestants) {
      out.append(' ').append(contestant.label()).append(" |");
    }
    out.append("\n|---|");
    out.append("---:|".repeat(contestants.size()));
    out.append('\n');
    for (Workload workload : Workload.values()) {
      out.append("| ").append(workload.title()).append(" |");
      for (Contestant contestant : contestants) {
        out.append(' ').append(cell(workload, contestant)).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static List<Contestant> contestants(Contestant.Storage storage) {
    return Stream.of(Contestant.values()).filter(c -> c.storage() == storage).toList();
  }

  private String cell(Workload workload, Contestant contestant) {
    if (!workload.runsOn(contestant)) {
      return workload.reasonNotRun(contestant);
    }
    JmhResult result = result(workload, contestant);
    if (result == null) {
      return "no result";
    }
    String text = time(result.micros());
    if (result.spread() > NOISY) {
      text += NOISY_MARK;
    }
    JmhResult reference = result(workload, contestant.reference());
    if (reference != null) {
      text += " (" + ratio(result.micros() / reference.micros()) + ")";
    }
    String caveat = workload.caveat(contestant);
    return caveat == null ? text : text + ", " + caveat;
  }

  /** The headline comparisons, one Markdown list item each. */
  public String headline() {
    StringBuilder out = new StringBuilder();
    out.append(comparison("this engine on the heap", Contestant.ENGINE_HEAP, "SQLite in memory"));
    out.append(comparison("this engine on a file", Contestant.ENGINE_FILE, "SQLite on a file"));
    out.append(
        comparison(
            "this engine on a file in relaxed durability",
            Contestant.ENGINE_FILE_RELAXED,
            "SQLite on a file"));
    out.append(
        comparison(
            "the guest on a synced file",
            Contestant.GUEST,
            Contestant.SQLITE4J,
            "sqlite4j in memory"));
    out.append(
        comparison(
            "the guest",
            Contestant.GUEST,
            Contestant.ENGINE_FILE,
            "this engine on the JVM (file)"));
    return out.toString();
  }

  private String comparison(String name, Contestant contestant, String referenceName) {
    return comparison(name, contestant, contestant.reference(), referenceName);
  }

  /**
   * One list item: the geometric mean of {@code contestant}'s time over {@code reference}'s on the
   * workloads both ran, with the best and the worst workload, then the same over the reads alone.
   */
  private String comparison(
      String name, Contestant contestant, Contestant reference, String referenceName) {
    Ratios all = ratios(contestant, reference, false);
    if (all.count() == 0) {
      return "- " + name + " against " + referenceName + ": no common results\n";
    }
    Ratios reads = ratios(contestant, reference, true);
    return "- "
        + name
        + " takes **"
        + ratio(all.geometricMean())
        + "** the time of "
        + referenceName
        + " (geometric mean over "
        + all.count()
        + " workloads, from "
        + ratio(all.best())
        + " on "
        + all.bestWorkload().id()
        + " to "
        + ratio(all.worst())
        + " on "
        + all.worstWorkload().id()
        + ")"
        + (reads.count() == 0
            ? ""
            : "; over the "
                + reads.count()
                + " reads alone, **"
                + ratio(reads.geometricMean())
                + "**")
        + "\n";
  }

  /** Ratios of one contestant's times to another's over a set of workloads. */
  private record Ratios(
      int count,
      double geometricMean,
      double best,
      Workload bestWorkload,
      double worst,
      Workload worstWorkload) {}

  private Ratios ratios(Contestant contestant, Contestant reference, boolean readsOnly) {
    double logSum = 0;
    int count = 0;
    Workload best = null;
    Workload worst = null;
    double bestRatio = Double.POSITIVE_INFINITY;
    double worstRatio = 0;
    for (Workload workload : Workload.values()) {
      JmhResult mine = result(workload, contestant);
      JmhResult theirs = result(workload, reference);
      if (mine == null || theirs == null || (readsOnly && workload.writes())) {
        continue;
      }
      double ratio = mine.micros() / theirs.micros();
      logSum += Math.log(ratio);
      count++;
      if (ratio < bestRatio) {
        bestRatio = ratio;
        best = workload;
      }
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worst = workload;
      }
    }
    return new Ratios(
        count,
        count == 0 ? Double.NaN : Math.exp(logSum / count),
        bestRatio,
        best,
        worstRatio,
        worst);
  }

  /** {@code micros} with three significant digits in a fitting unit. */
  static String time(double micros) {
    if (micros < 1_000) {
      return significant(micros) + " µs";
    }
    if (micros < 1_000_000) {
      return significant(micros / 1_000) + " ms";
    }
    return significant(micros / 1_000_000) + " s";
  }

  /** A ratio with two significant digits (three from 100 on), for example {@code 0.53×}. */
  static String ratio(double ratio) {
    if (ratio >= 10) {
      return String.format(Locale.ROOT, "%.0f×", ratio);
    }
    if (ratio >= 1) {
      return String.format(Locale.ROOT, "%.1f×", ratio);
    }
    if (ratio >= 0.1) {
      return String.format(Locale.ROOT, "%.2f×", ratio);
    }
    return String.format(Locale.ROOT, "%.3f×", ratio);
  }

  private static String significant(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /**
   * {@code readme} with the text between its {@link #BEGIN} and {@link #END} lines replaced by
   * {@code figures}.
   *
   * @throws IllegalArgumentException if the markers are missing or out of order
   */
  public static String withFigures(String readme, String figures) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the README has no " + BEGIN + " ... " + END + " block");
    }
    return readme.substring(0, begin + BEGIN.length()) + "\n" + figures + readme.substring(end);
  }

  /** Writes the document (and the README's figures) from the JSON files of a run. */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option, found " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    if (args.length % 2 != 0
        || !options.containsKey("results")
        || !options.containsKey("template")
        || !options.containsKey("out")) {
      throw new IllegalArgumentException(
          "usage: --results DIR --template FILE --out FILE [--readme FILE] [--run-seconds N]");
    }
    List<JmhResult> results = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(options.get("results")))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        results.addAll(JmhResult.parse(Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    Path concurrencyLog = Path.of(options.get("results"), "concurrency.log");
    BenchmarkReport report =
        new BenchmarkReport(
            results,
            Files.exists(concurrencyLog)
                ? Files.readString(concurrencyLog, StandardCharsets.UTF_8)
                : "");
    LocalDate date = LocalDate.now();
    Machine machine = Machine.current();
    String template = Files.readString(Path.of(options.get("template")), StandardCharsets.UTF_8);
    long runSeconds = Long.parseLong(options.getOrDefault("run-seconds", "0"));
    Files.writeString(
        Path.of(options.get("out")),
        report.markdown(template, machine, date, runSeconds),
        StandardCharsets.UTF_8);
    if (options.containsKey("readme")) {
      Path readme = Path.of(options.get("readme"));
      String figures =
          report.headline()
              + "\nMeasured on "
              + date
              + " ("
              + machine.cpu()
              + ", "
              + machine.cores()
              + " cores, shared with other work, so read them as orders of magnitude);"
              + " every figure is in [docs/benchmarks.md](docs/benchmarks.md).\n";
      Files.writeString(
          readme,
          withFigures(Files.readString(readme, StandardCharsets.UTF_8), figures),
          StandardCharsets.UTF_8);
    }
  }
}
