package org.wasmdbms.engine.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.engine.Database;
import org.wasmdbms.file.DatabaseFiles;

/**
 * Kills a writer process with SIGKILL at seeded random moments, at least {@value #KILLS} times, and
 * after each kill reopens the database and checks that every acknowledged commit is there, whole,
 * and that nothing else is, except possibly the one commit in flight at the kill, also whole.
 */
class KillTest {
  private static final int KILLS = Integer.getInteger("kill.count", 200);
  private static final long CHECKPOINT_BYTES = 1L << 20;

  @TempDir Path dir;

  @Test
  void acknowledgedCommitsSurviveSigkillAndUnacknowledgedOnesLeaveNoTrace() throws Exception {
    long seed = Long.getLong("kill.seed", System.nanoTime());
    System.out.println("KillTest seed=" + seed);
    Random random = new Random(seed);
    Path file = dir.resolve("kill.wdb");
    TreeMap<Long, Integer> expected = new TreeMap<>();
    long next = 1;
    int acknowledgedTotal = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      long start = next;
      Path output = dir.resolve("child-" + kill + ".out");
      Process child = start(file, next, output);
      boolean afterReady = random.nextInt(4) != 0;
      long delay = afterReady ? random.nextInt(120) : random.nextInt(600);
      if (afterReady) {
        // Waiting for a few acknowledgements, not only for "ready", keeps the test meaningful on a
        // loaded machine, where a fixed delay after start may see no commit at all.
        waitForLines(output, child, 1 + random.nextInt(3));
      }
      Thread.sleep(delay);
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      long inFlight = next;
      for (String line : lines) {
        if (line.startsWith("ack ")) {
          long batch = Long.parseLong(line.substring(4));
          assertEquals(inFlight, batch, "acknowledgements out of order");
          expected.put(batch, MarkerSchema.parts(batch));
          acknowledgedTotal++;
          inFlight = batch + 1;
        } else if (!line.equals("ready")) {
          fail("child wrote: " + String.join("\n", lines));
        }
      }
      next = check(file, expected, inFlight, kill + " (child from " + start + ": " + lines + ")");
    }
    System.out.println("KillTest kills=" + KILLS + " acknowledged=" + acknowledgedTotal);
    assertTrue(
        acknowledgedTotal > KILLS / 2, "too few commits to mean anything: " + acknowledgedTotal);
  }

  /** Checks the reopened database; returns the first batch number the next child may use. */
  private static long check(
      Path file, TreeMap<Long, Integer> expected, long inFlight, String kill) {
    TreeMap<Long, Integer> found;
    try (Database db = Database.open(DatabaseFiles.open(file, CHECKPOINT_BYTES))) {
      MarkerSchema.register(db);
      found = MarkerSchema.read(db);
    }
    Integer counter = found.remove(-1L);
    String where = "after kill " + kill + " (in flight: batch " + inFlight + ")";
    if (found.containsKey(inFlight)) {
      assertEquals(MarkerSchema.parts(inFlight), found.get(inFlight), where + ": torn batch");
      expected.put(inFlight, MarkerSchema.parts(inFlight));
    }
    assertEquals(expected, found, where);
    long lastTransactional = -1;
    for (Map.Entry<Long, Integer> batch : found.entrySet()) {
      if (batch.getValue() > 1) {
        lastTransactional = batch.getKey();
      }
    }
    assertEquals(lastTransactional, counter == null ? -1 : (long) counter, where + ": counter");
    return inFlight + 1;
  }

  /**
   * Starts a writer. Its stdout goes to a file rather than a pipe: what the child wrote before the
   * kill is then in the file for certain, with no reader thread racing the process's exit.
   */
  private static Process start(Path file, long first, Path output) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx64m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-cp",
            System.getProperty("java.class.path"),
            MarkerWriter.class.getName(),
            file.toString(),
            Long.toString(first),
            Long.toString(CHECKPOINT_BYTES))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  /** Waits until the child is ready and has acknowledged at least {@code acks} commits. */
  private static void waitForLines(Path output, Process child, int acks)
      throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      if (lines.contains("ready")
          && lines.stream().filter(l -> l.startsWith("ack ")).count() >= acks) {
        return;
      }
      if (!child.isAlive() || System.currentTimeMillis() > deadline) {
        fail("child never acknowledged " + acks + ": " + String.join("\n", lines));
      }
      Thread.sleep(2);
    }
  }
}
