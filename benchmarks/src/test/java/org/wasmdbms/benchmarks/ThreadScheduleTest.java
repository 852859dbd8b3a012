package org.wasmdbms.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class ThreadScheduleTest {
  @Test
  void parsesTheTimeOnACpuAndTheTimeWaitingForOne() {
    ThreadSchedule parsed = ThreadSchedule.parse("123456789 9876 42\n");
    assertEquals(new ThreadSchedule(123_456_789, 9_876), parsed);
  }

  @Test
  void refusesALineThatIsNotThreeCounts() {
    assertThrows(IllegalArgumentException.class, () -> ThreadSchedule.parse("1 2"));
    assertThrows(NumberFormatException.class, () -> ThreadSchedule.parse("1 x 3"));
  }

  @Test
  void differencesAndSumsAddUpPerCounter() {
    ThreadSchedule start = new ThreadSchedule(100, 10);
    ThreadSchedule end = new ThreadSchedule(350, 15);
    assertEquals(new ThreadSchedule(250, 5), end.since(start));
    assertEquals(new ThreadSchedule(450, 25), end.plus(start));
  }

  @Test
  void aBusyThreadsTimeOnACpuGrows() {
    ThreadSchedule before = ThreadSchedule.now();
    assumeTrue(before != null, "no /proc/thread-self/schedstat here");
    long deadline = System.nanoTime() + 20_000_000;
    long spins = 0;
    while (System.nanoTime() < deadline) {
      spins++;
    }
    ThreadSchedule spent = ThreadSchedule.now().since(before);
    assertTrue(spent.onCpuNanos() > 0, "on a CPU for " + spent + " after " + spins + " spins");
  }
}
