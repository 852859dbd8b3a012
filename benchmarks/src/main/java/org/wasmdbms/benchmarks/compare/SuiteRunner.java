package org.wasmdbms.benchmarks.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.wasmdbms.benchmarks.RawFsyncBenchmark;

/**
 * Runs every workload on the contestants named on the command line, one JMH fork per pair, and
 * writes JMH's JSON results into a directory for {@code org.wasmdbms.benchmarks.report}. Each
 * module's class path runs its own contestants: sqlite4j needs an older Chicory than the host.
 *
 * <pre>
 * SuiteRunner --results DIR --name NAME --contestants ID,ID [--workloads ID,ID] [--warmups N]
 *             [--raw-fsync]
 * </pre>
 *
 * writes {@code DIR/NAME-steady.json} and {@code DIR/NAME-afterReset.json} (and with {@code
 * --raw-fsync}, {@code DIR/NAME-fsync.json}: the disk's write-and-force time, the floor of a
 * durable commit). {@code --warmups} overrides the number of one-second warm-up iterations, for
 * contestants that need longer to reach their steady speed (the guest: its bytecode, generated from
 * WebAssembly, is made of very large methods that the JIT takes seconds to compile).
 */
public final class SuiteRunner {
  private SuiteRunner() {}

  /** The parsed command line. */
  private record Arguments(
      Path results,
      String name,
      List<Contestant> contestants,
      List<Workload> workloads,
      Integer warmups,
      boolean rawFsync) {}

  /**
   * Runs the suite.
   *
   * @throws IllegalArgumentException on a bad command line
   */
  public static void main(String[] args) throws IOException, RunnerException {
    Arguments arguments = parse(args);
    Files.createDirectories(arguments.results());
    for (String method : List.of(CompareBenchmark.STEADY, CompareBenchmark.AFTER_RESET)) {
      List<String> pairs = new ArrayList<>();
      for (Workload workload : arguments.workloads()) {
        boolean resets = method.equals(CompareBenchmark.AFTER_RESET);
        if (workload.resets() != resets) {
          continue;
        }
        for (Contestant contestant : arguments.contestants()) {
          if (workload.runsOn(contestant)) {
            pairs.add(CompareBenchmark.pair(workload, contestant));
          }
        }
      }
      if (!pairs.isEmpty()) {
        run(
            options(arguments, method)
                .include(Pattern.quote(CompareBenchmark.class.getName() + "." + method) + "$")
                .param(CompareBenchmark.PAIR, pairs.toArray(String[]::new)));
      }
    }
    if (arguments.rawFsync()) {
      run(
          options(arguments, "fsync")
              .include(Pattern.quote(RawFsyncBenchmark.class.getName()) + "\\.")
              .mode(Mode.AverageTime)
              .timeUnit(TimeUnit.MICROSECONDS)
              .warmupIterations(1)
              .warmupTime(TimeValue.seconds(1))
              .measurementIterations(3)
              .measurementTime(TimeValue.seconds(1)));
    }
  }

  private static ChainedOptionsBuilder options(Arguments arguments, String part) {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .resultFormat(ResultFormatType.JSON)
            .result(arguments.results().resolve(arguments.name() + "-" + part + ".json").toString())
            .shouldFailOnError(false);
    if (arguments.warmups() != null) {
      options.warmupIterations(arguments.warmups());
    }
    String benchDir = System.getProperty("bench.dir");
    if (benchDir != null) {
      options.jvmArgsAppend("-Dbench.dir=" + benchDir);
    }
    return options;
  }

  private static void run(ChainedOptionsBuilder options) throws RunnerException {
    new Runner(options.build()).run();
  }

  private static Arguments parse(String[] args) {
    Path results = null;
    String name = null;
    List<Contestant> contestants = null;
    List<Workload> workloads = List.of(Workload.values());
    Integer warmups = null;
    boolean rawFsync = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--results" -> results = Path.of(value(args, ++i));
        case "--name" -> name = value(args, ++i);
        case "--contestants" -> {
          contestants = new ArrayList<>();
          for (String id : value(args, ++i).split(",")) {
            contestants.add(Contestant.byId(id));
          }
        }
        case "--workloads" -> {
          workloads = new ArrayList<>();
          for (String id : value(args, ++i).split(",")) {
            workloads.add(Workload.byId(id));
          }
        }
        case "--warmups" -> warmups = Integer.parseInt(value(args, ++i));
        case "--raw-fsync" -> rawFsync = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (results == null || name == null || contestants == null) {
      throw new IllegalArgumentException(
          "usage: --results DIR --name NAME --contestants ID,ID [--workloads ID,ID]"
              + " [--warmups N] [--raw-fsync]");
    }
    return new Arguments(results, name, contestants, workloads, warmups, rawFsync);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
