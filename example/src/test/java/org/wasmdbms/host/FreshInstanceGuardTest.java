package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guard for the JDK 17 C2 defect described in docs/host.md: {@value #ROUNDS} rounds, each in a
 * class loader of its own ({@link FreshInstanceRuns#isolatedRound}), in which one instance of the
 * example guest the host ships with runs the workload that first showed the failure ({@value
 * #CALLS} calls, {@link FreshInstanceRuns#workload}) and then {@value #FRESH} fresh instances each
 * register the schema, insert a row and read it back ({@value #ROUNDS} x {@value #FRESH} = 200
 * fresh instances). Any internal error fails it.
 *
 * <p>What it can catch: the failure shows in the first fresh instance after the workload, at most
 * once per set of loaded classes, so the class loaders make each round one chance and this test
 * {@value #ROUNDS} chances. With the classes not rewritten (the {@code chicory} variant of {@link
 * FreshInstanceRuns}), rounds of this shape failed on JDK 17.0.15 at the rate given in
 * docs/host.md, so a return of the defect in the shipped classes would most likely fail this test.
 * What it cannot: it is a sample, not a proof; the defect needs C2 to compile the guest's code in a
 * certain order, which depends on the machine's load, and a rate well under one round in {@value
 * #ROUNDS} would pass unnoticed. On JDK 18 and later the shape of the old failure does not form
 * (see docs/host.md), so there the test checks only that nothing else fails in fresh instances.
 */
class FreshInstanceGuardTest {
  private static final int ROUNDS = 20;
  private static final int CALLS = 5000;
  private static final int FRESH = 10;

  @TempDir Path directory;

  @Test
  void freshInstancesAfterALongWorkloadNeverFailInternally() throws IOException {
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (String failure : FreshInstanceRuns.isolatedRound("rewritten", directory, CALLS, FRESH)) {
        failures.add("round " + round + ", " + failure);
      }
    }
    System.out.printf(
        "FreshInstanceGuardTest: %d rounds of %d calls and %d fresh instances in %d ms, %d failed%n",
        ROUNDS, CALLS, FRESH, (System.nanoTime() - start) / 1_000_000, failures.size());
    assertEquals(List.of(), failures);
  }
}
