package org.wasmdbms.guard.probes;

/** Calls a JDK method that TeaVM 0.13.1 lacks, so compiling this class must fail. */
public final class MissingApiProbe {
  private MissingApiProbe() {}

  /** Parses an unsigned number through the missing method. */
  public static void main(String[] args) {
    System.out.println(Long.parseUnsignedLong("18446744073709551615"));
  }
}
