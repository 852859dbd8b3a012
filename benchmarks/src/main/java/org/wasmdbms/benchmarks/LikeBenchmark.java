package org.wasmdbms.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wasmdbms.api.query.LikePattern;

/**
 * LIKE on the shapes that make a backtracking matcher quadratic: a 10,000-token pattern against a
 * text of 100,000 {@code a}s (compiling included). {@code tail} is {@code %a…ab} (the adversarial
 * report's case, 1.3 s before the linear matcher), {@code middle} the same piece between two {@code
 * %}s, {@code runs} {@code %a%a…%b}, {@code underscores} {@code %a_…_b%}, and {@code interleaved}
 * {@code %a_a_…ab%}, whose piece has inner {@code _} all along (Shift-And).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LikeBenchmark {
  private static final int PATTERN = 10_000;
  private static final String TEXT = "a".repeat(100_000);

  /** The pattern's shape. */
  @Param({"tail", "middle", "runs", "underscores", "interleaved"})
  public String shape;

  private String pattern;

  /** Builds the pattern of {@link #shape}. */
  @Setup
  public void build() {
    pattern =
        switch (shape) {
          case "tail" -> "%" + "a".repeat(PATTERN) + "b";
          case "middle" -> "%" + "a".repeat(PATTERN) + "b%";
          case "runs" -> "%a".repeat(PATTERN / 2) + "%b";
          case "underscores" -> "%a" + "_".repeat(PATTERN) + "b%";
          case "interleaved" -> "%" + "a_".repeat(PATTERN / 2) + "b%";
          default -> throw new IllegalArgumentException(shape);
        };
  }

  /** Compiles the pattern and matches it against the text (it never matches). */
  @Benchmark
  public boolean compileAndMatch() {
    return LikePattern.compile(pattern).matches(TEXT);
  }
}
