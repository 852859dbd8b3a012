package org.wasmdbms.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.file.DatabaseFiles;
import org.wasmdbms.memory.journal.JournaledMemoryProvider;

/**
 * One file database shared by threads (issue #28): point reads by primary key from 1 and 2 threads,
 * with {@code writer=durable} while a background thread commits single-row inserts durably at full
 * speed ({@code writer=none}: alone), and, as the machine's own ceiling, while a background thread
 * only writes 4 KiB to another file and syncs it, in a loop ({@code writer=sync}: what readers keep
 * beside syncs that involve no database at all); and durable single-row commits from 1 and 4 writer
 * threads, which group commit lets share syncs. {@code ./run-benchmarks} runs {@code writer=sync}
 * for the reads only. The trial's end prints the background writer's commits and the journal syncs
 * per commit, and for the reads how the reader threads spent the measured time ({@link Reader}):
 * the reads per CPU-second and the share of the time they ran or waited for a CPU, so that a run
 * tells what the writer cost the reads themselves from what the machine's scheduling cost them.
 *
 * <p>Measured as throughput, which JMH sums over the threads. Its average time per operation would
 * not do for a total: JMH averages the threads' own times per operation, and the count of threads
 * divided by that mean understates the sum of their throughputs whenever they run at different
 * speeds (a reader the writer's thread preempts more often than the other), so it understated the
 * two readers beside the writer most (docs/concurrency.md).
 *
 * <p>Separate forks with and without the writer (the {@code none} and {@code durable} settings)
 * compare two JVMs measured minutes apart: on the two-vCPU machines of record the same fork alone
 * read from 570,000 to 950,000 times per second within ten minutes, more than the writer costs.
 * {@code alternating} compares iterations of one JVM two seconds apart, with the same compiled
 * code, the writer parked in every other one: the end of the trial prints the reads per second of
 * both halves and the share kept.
 *
 * <p>Eight warm-up iterations: with a writer running, two readers settle slowly (the JIT's compiler
 * threads share the two cores with them and the writer): 19, 9, 4.6, then 2.6 µs per read in the
 * official run of 2026-12-07, and still faster at the seventh iteration than at the sixth beside
 * other builds the same day, so fewer iterations measured mostly the warm-up.
 *
 * <pre>
 * mvn -pl benchmarks exec:exec -Dexec.args="-cp %classpath org.openjdk.jmh.Main ConcurrencyBenchmark -f 1"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class ConcurrencyBenchmark {
  private static final int ROWS = 10_000;

  /**
   * {@code none}: alone; {@code durable}: a thread commits inserts durably meanwhile; {@code sync}:
   * a thread writes and syncs a raw file meanwhile ({@link RawFsyncBenchmark}'s operation); {@code
   * alternating}: the durable writer runs through the warm-up, then in every other measurement
   * iteration and is parked in the others, so that one JVM measures the reads both with and without
   * it (see {@link Reader}).
   */
  @Param({"none", "durable", "sync", "alternating"})
  public String writer;

  private Path directory;
  private Database db;
  private JournaledMemoryProvider journal;
  private final AtomicLong nextId = new AtomicLong(ROWS);
  private final AtomicLong commits = new AtomicLong();
  private final AtomicBoolean stop = new AtomicBoolean();
  private Thread background;
  private long syncsAtStart;
  // What the reader threads' measurement iterations added up to (Reader's teardowns).
  private long measuredReads;
  private long measuredNanos;
  private ThreadSchedule measuredSchedule = new ThreadSchedule(0, 0);
  // Alternating: whether the writer is parked for the current iteration, how many measurement
  // iterations began, and the reads and reader-nanoseconds of the iterations with the writer
  // (index WITH) and without it (WITHOUT).
  private static final int WITH = 0;
  private static final int WITHOUT = 1;
  private volatile boolean parked;
  private int measurementIterations;
  private final long[] alternatingReads = new long[2];
  private final long[] alternatingNanos = new long[2];
  private int readerIterations;

  /** Opens a fresh database of {@value #ROWS} rows and starts the background writer if asked. */
  @Setup(Level.Trial)
  public void open() {
    directory = BenchmarkFiles.newDirectory("concurrency");
    journal = (JournaledMemoryProvider) DatabaseFiles.open(directory.resolve("bench.wdb"));
    db = Database.open(journal);
    db.register(
        TableSchema.of(
            TableDef.builder("items")
                .column(ColumnDef.builder("id", DataType.UINT64).primaryKey())
                .column(ColumnDef.builder("name", DataType.TEXT))
                .build()));
    long tx = db.begin();
    for (long id = 0; id < ROWS; id++) {
      db.insert(tx, "items", row(id));
    }
    db.commit(tx);
    syncsAtStart = journal.journalSyncs();
    if (writer.equals("durable") || writer.equals("alternating")) {
      background =
          new Thread(
              () -> {
                while (!stop.get()) {
                  if (parked) {
                    LockSupport.park(this);
                  } else {
                    insertOne();
                  }
                }
              },
              "durable writer");
      background.start();
    } else if (writer.equals("sync")) {
      background = new Thread(this::syncRawFile, "raw syncs");
      background.start();
    }
  }

  /**
   * Alternating: parks the writer for every second measurement iteration (the first runs with it)
   * and wakes it for the others. The writer is still finishing at most one commit when the
   * iteration starts.
   */
  @Setup(Level.Iteration)
  public void alternate(IterationParams iteration) {
    if (writer.equals("alternating")) {
      boolean measured = iteration.getType() == IterationType.MEASUREMENT;
      parked = measured && measurementIterations++ % 2 == 1;
      LockSupport.unpark(background);
    }
  }

  /** Stops the background writer, prints the syncs per commit, closes and deletes the database. */
  @TearDown(Level.Trial)
  public void close() throws InterruptedException {
    stop.set(true);
    parked = false;
    if (background != null) {
      LockSupport.unpark(background);
      background.join();
    }
    long syncs = journal.journalSyncs() - syncsAtStart;
    System.out.printf(
        "%n%d durable commits, %d journal syncs: %.3f syncs per commit%n",
        commits.get(), syncs, commits.get() == 0 ? 0.0 : (double) syncs / commits.get());
    reportReaders();
    reportAlternating();
    db.close();
    BenchmarkFiles.delete(directory);
  }

  /**
   * One reader thread's count of reads and the scheduler's account of it over each measurement
   * iteration, added to the benchmark's totals at the iteration's end (warm-up iterations are not
   * counted). Thread-confined; the totals are added under the benchmark's monitor.
   */
  @State(Scope.Thread)
  public static class Reader {
    long reads;
    private long startNanos;
    private ThreadSchedule start;

    /** Starts counting if this is a measurement iteration and the scheduler's counters exist. */
    @Setup(Level.Iteration)
    public void begin(IterationParams iteration) {
      reads = 0;
      start = iteration.getType() == IterationType.MEASUREMENT ? ThreadSchedule.now() : null;
      startNanos = System.nanoTime();
    }

    /** Adds this iteration's reads and scheduling to the benchmark's totals. */
    @TearDown(Level.Iteration)
    public void end(ConcurrencyBenchmark benchmark) {
      ThreadSchedule now = start == null ? null : ThreadSchedule.now();
      if (now != null) {
        benchmark.addMeasured(reads, System.nanoTime() - startNanos, now.since(start));
      }
    }
  }

  private synchronized void addMeasured(long reads, long nanos, ThreadSchedule schedule) {
    measuredReads += reads;
    measuredNanos += nanos;
    measuredSchedule = measuredSchedule.plus(schedule);
    int half = parked ? WITHOUT : WITH;
    readerIterations++;
    alternatingReads[half] += reads;
    alternatingNanos[half] += nanos;
  }

  /**
   * Alternating: prints the reads per second of all the readers together in the iterations with and
   * without the writer, and the share kept. Each reader's time counts once, so the rates are per
   * reader-second times the count of readers.
   */
  private synchronized void reportAlternating() {
    if (!writer.equals("alternating")
        || alternatingNanos[WITH] == 0
        || alternatingNanos[WITHOUT] == 0) {
      return;
    }
    int readers = readerIterations / measurementIterations;
    double with = readers * alternatingReads[WITH] / (alternatingNanos[WITH] / 1e9);
    double without = readers * alternatingReads[WITHOUT] / (alternatingNanos[WITHOUT] / 1e9);
    System.out.printf(
        Locale.ROOT,
        "alternating: %.0f reads/s with the writer, %.0f without it: %.1f %% kept%n",
        with,
        without,
        100 * with / without);
  }

  /** Prints how the readers spent the measured time, if any reader was measured. */
  private synchronized void reportReaders() {
    if (measuredReads == 0 || measuredSchedule.onCpuNanos() == 0) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "readers: %,.0f reads per CPU-second; %.1f %% of the measured time on a CPU, %.1f %%"
            + " waiting for one%n",
        measuredReads / (measuredSchedule.onCpuNanos() / 1e9),
        100.0 * measuredSchedule.onCpuNanos() / measuredNanos,
        100.0 * measuredSchedule.waitingNanos() / measuredNanos);
  }

  private void syncRawFile() {
    RawFsyncBenchmark raw = new RawFsyncBenchmark();
    try {
      raw.open();
      try {
        while (!stop.get()) {
          raw.write4KiBAndForce();
        }
      } finally {
        raw.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Row row(long id) {
    return Row.builder()
        .set("id", new Uint64Value(id))
        .set("name", new TextValue("item " + id))
        .build();
  }

  private Row insertOne() {
    Row inserted = db.insert("items", row(nextId.getAndIncrement()));
    commits.incrementAndGet();
    return inserted;
  }

  private Object pointRead() {
    long id = java.util.concurrent.ThreadLocalRandom.current().nextLong(ROWS);
    return db.select(
        "items", Query.builder().filter(new Filter.Eq("id", new Uint64Value(id))).build());
  }

  /** One point read by primary key, from one thread. */
  @Benchmark
  @Threads(1)
  public Object pointReadOneThread(Reader reader) {
    reader.reads++;
    return pointRead();
  }

  /** One point read by primary key, from two threads at once (the figure is their sum). */
  @Benchmark
  @Threads(2)
  public Object pointReadTwoThreads(Reader reader) {
    reader.reads++;
    return pointRead();
  }

  /** One durable single-row commit, from one writer thread. */
  @Benchmark
  @Threads(1)
  public Row durableCommitOneWriter() {
    return insertOne();
  }

  /** One durable single-row commit, from four writer threads at once (the figure is their sum). */
  @Benchmark
  @Threads(4)
  public Row durableCommitFourWriters() {
    return insertOne();
  }
}
