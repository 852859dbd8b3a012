package org.wasmdbms.guard.probes;

import java.util.Random;

/** Prints a seeded random number: TeaVM ignores the seed, so the guest prints something else. */
public final class SeededRandomProbe {
  private SeededRandomProbe() {}

  /** Prints one number derived from a fixed seed. */
  public static void main(String[] args) {
    System.out.println("== seeded random");
    System.out.println(new Random(42).nextLong());
  }
}
