package org.wasmdbms.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Linux scheduler counted for the calling thread ({@code /proc/thread-self/schedstat}):
 * the time it ran on a CPU and the time it was ready to run but waited for one. A reader's lost
 * throughput beside a writer splits into the two: less work per CPU-second (the engine's share, and
 * the caches the writer's thread and the kernel's syncs evict) and time spent waiting for a CPU
 * (the machine's share: on two cores, a writer woken at each sync completion takes a reader's core
 * whenever the other core is busy, docs/concurrency.md).
 *
 * <p>An immutable value; {@link #now()} reads the calling thread's counters.
 *
 * @param onCpuNanos the thread's time on a CPU since it started
 * @param waitingNanos its time ready to run on a run queue, waiting for a CPU
 */
public record ThreadSchedule(long onCpuNanos, long waitingNanos) {
  private static final Path SELF = Path.of("/proc/thread-self/schedstat");

  /**
   * The calling thread's counters, or null where the kernel does not provide them (not Linux, or a
   * kernel without scheduler statistics): the benchmarks then report nothing about them.
   */
  public static ThreadSchedule now() {
    try {
      return parse(Files.readString(SELF));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Parses a {@code schedstat} line: time on a CPU and time waiting on a run queue, in nanoseconds,
   * then the count of time slices.
   *
   * @throws IllegalArgumentException if the line does not hold three counts
   */
  static ThreadSchedule parse(String line) {
    String[] fields = line.strip().split("\\s+");
    if (fields.length != 3) {
      throw new IllegalArgumentException("not a schedstat line: " + line);
    }
    return new ThreadSchedule(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
  }

  /** The counters accumulated from {@code earlier} to this one. */
  public ThreadSchedule since(ThreadSchedule earlier) {
    return new ThreadSchedule(onCpuNanos - earlier.onCpuNanos, waitingNanos - earlier.waitingNanos);
  }

  /** The sum of both counters of this and {@code other}. */
  public ThreadSchedule plus(ThreadSchedule other) {
    return new ThreadSchedule(onCpuNanos + other.onCpuNanos, waitingNanos + other.waitingNanos);
  }
}
