package org.wasmdbms.memory.btree;

/** Seeds for randomised tests: {@code -Dseed=} overrides, and the seed in use is printed. */
final class Seeds {
  private Seeds() {}

  static long seed(String test) {
    Long fixed = Long.getLong("seed");
    long seed = fixed != null ? fixed : System.nanoTime();
    System.out.println(test + " seed=" + seed);
    return seed;
  }
}
