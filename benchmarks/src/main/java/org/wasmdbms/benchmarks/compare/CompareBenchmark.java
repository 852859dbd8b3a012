package org.wasmdbms.benchmarks.compare;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.wasmdbms.benchmarks.BenchmarkFiles;

/**
 * One workload on one contestant per trial, named by the parameter {@link #pair} as {@code
 * workload@contestant} (for example {@code read@engine-heap}), so that a run lists exactly the
 * pairs that exist instead of the cross product of two parameters. Workloads that {@link
 * Workload#resets() reset} their table run as {@link #afterReset}, the others as {@link #steady};
 * {@link SuiteRunner} picks the method. Times are per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CompareBenchmark {
  /** The method for workloads that do not reset their table. */
  public static final String STEADY = "steady";

  /** The method for workloads that reset their table before each operation. */
  public static final String AFTER_RESET = "afterReset";

  /** {@code workload@contestant}. */
  @Param({"read@engine-heap"})
  public String pair;

  private Workload workload;
  private UsersDatabase db;
  private Path directory;
  private final Workload.Cursor cursor = new Workload.Cursor();

  /** The name of the parameter, for {@link SuiteRunner}. */
  static final String PAIR = "pair";

  /** {@code workload@contestant} for the parameter {@link #pair}. */
  static String pair(Workload workload, Contestant contestant) {
    return workload.id() + "@" + contestant.id();
  }

  /**
   * Opens the contestant and prepares the workload's tables.
   *
   * @throws IllegalArgumentException if the pair is unknown, the contestant cannot run the
   *     workload, or the workload belongs to the other method
   */
  @Setup(Level.Trial)
  public void open(BenchmarkParams params) {
    int at = pair.indexOf('@');
    if (at < 0) {
      throw new IllegalArgumentException("pair must be workload@contestant: " + pair);
    }
    workload = Workload.byId(pair.substring(0, at));
    Contestant contestant = Contestant.byId(pair.substring(at + 1));
    if (!workload.runsOn(contestant)) {
      throw new IllegalArgumentException(pair + ": " + workload.reasonNotRun(contestant));
    }
    String method = workload.resets() ? AFTER_RESET : STEADY;
    if (!params.getBenchmark().endsWith("." + method)) {
      throw new IllegalArgumentException(pair + " runs as " + method);
    }
    if (contestant.storage() == Contestant.Storage.FILE) {
      directory = BenchmarkFiles.newDirectory(contestant.id());
    }
    db = contestant.open(directory, workload.durable());
    workload.prepare(db);
  }

  /** Closes the database and deletes its files. */
  @TearDown(Level.Trial)
  public void close() {
    if (db != null) {
      db.close();
    }
    if (directory != null) {
      BenchmarkFiles.delete(directory);
    }
  }

  /** Restores the table before each operation of a resetting workload (not measured). */
  @State(Scope.Thread)
  public static class Reset {
    /** Restores the table of {@code benchmark}. */
    @Setup(Level.Invocation)
    public void restore(CompareBenchmark benchmark) {
      benchmark.workload.reset(benchmark.db, benchmark.cursor);
    }
  }

  /** One operation of a workload that leaves its table as it finds it, or only grows it. */
  @Benchmark
  public Object steady() {
    return workload.run(db, cursor);
  }

  /** One operation of a workload whose table was restored just before. */
  @Benchmark
  public Object afterReset(Reset reset) {
    return workload.run(db, cursor);
  }
}
