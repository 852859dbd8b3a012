package org.wasmdbms.testkit;

/**
 * A tiny seeded pseudo-random generator (SplitMix64) that yields the same sequence on the JVM and
 * in the TeaVM guest. {@code java.util.Random} cannot be used for that: TeaVM ignores its seed.
 *
 * <p>Not thread-safe; not for cryptography.
 */
public final class SplitMix64 {
  private long state;

  /** Creates a generator whose sequence is fully determined by {@code seed}. */
  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The next 64 uniformly distributed bits. */
  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform int in {@code [0, bound)}; {@code bound} must be positive. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) ((nextLong() >>> 1) % bound);
  }

  /** A uniform int in {@code [from, to]} inclusive. */
  public int between(int from, int to) {
    return from + nextInt(to - from + 1);
  }

  /** True with probability {@code 1 / n}. */
  public boolean oneIn(int n) {
    return nextInt(n) == 0;
  }

  /** A fair coin. */
  public boolean nextBoolean() {
    return (nextLong() & 1) != 0;
  }
}
