package org.wasmdbms.guard;

import org.wasmdbms.teavm.StaticRootTable;

/**
 * Entry point of the TeaVM guard program. TeaVM compiles only what this method reaches, so every
 * guest-path scenario must be called from {@link GuardProgram#run(java.io.PrintStream)}.
 */
public final class GuardMain {
  private GuardMain() {}

  /**
   * Runs every scenario and prints their output to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    // Before the scenarios allocate: until repaired, TeaVM's collector misses a static root.
    StaticRootTable.repair();
    GuardProgram.run(System.out);
    System.out.flush();
  }
}
