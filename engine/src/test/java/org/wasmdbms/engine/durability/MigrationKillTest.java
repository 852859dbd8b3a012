package org.wasmdbms.engine.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.engine.Database;
import org.wasmdbms.file.DatabaseFiles;

/**
 * Kills a child process with SIGKILL at seeded random moments while it migrates a database of
 * {@value MigrationSchemas#ROWS} rows, each time from a fresh copy of the version 1 files. After
 * every kill the reopened database is either version 1 with all its rows, or version 2 with all of
 * them migrated, never anything between.
 */
class MigrationKillTest {
  private static final int KILLS = Integer.getInteger("migration.kill.count", 4);

  @TempDir Path dir;

  @Test
  void aKilledMigrationLeavesTheOldSchemaOrTheNewOneWhole() throws Exception {
    long seed = Long.getLong("migration.kill.seed", System.nanoTime());
    System.out.println("MigrationKillTest seed=" + seed);
    Random random = new Random(seed);
    Path pristine = dir.resolve("v1.wdb");
    try (Database db = Database.open(DatabaseFiles.open(pristine))) {
      MigrationSchemas.fill(db);
    }
    Path file = dir.resolve("kill.wdb");
    restore(pristine, file);
    long migrationMillis = runToEnd(file);
    assertEquals(2, check(file, "uninterrupted migration"));
    int old = 0;
    int migrated = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      restore(pristine, file);
      Path output = dir.resolve("child-" + kill + ".out");
      Process child = start(file, output);
      waitForReady(output, child);
      Thread.sleep(random.nextInt((int) (migrationMillis * 5 / 4) + 1));
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
      if (check(file, "after kill " + kill) == 1) {
        old++;
      } else {
        migrated++;
      }
    }
    System.out.println(
        "MigrationKillTest kills="
            + KILLS
            + " old="
            + old
            + " migrated="
            + migrated
            + " migration="
            + migrationMillis
            + "ms");
  }

  private static void restore(Path pristine, Path file) throws IOException {
    Files.copy(pristine, file, StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        DatabaseFiles.journalPath(pristine),
        DatabaseFiles.journalPath(file),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Runs a child to completion; returns how long its migration took. */
  private long runToEnd(Path file) throws Exception {
    Path output = dir.resolve("child-full.out");
    Process child = start(file, output);
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "migration did not finish");
    for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
      if (line.startsWith("migrated ")) {
        return Long.parseLong(line.substring("migrated ".length()));
      }
    }
    fail("child did not migrate: " + Files.readString(output, StandardCharsets.UTF_8));
    return 0;
  }

  /**
   * Checks that the file holds version 1 or version 2 of the table with every row, and returns
   * which.
   */
  private static int check(Path file, String where) {
    try (Database db = Database.open(DatabaseFiles.open(file))) {
      db.register(MigrationSchemas.version1());
      if (!db.hasDrift()) {
        MigrationSchemas.check(db, 1, where);
        return 1;
      }
    }
    try (Database db = Database.open(DatabaseFiles.open(file))) {
      db.register(MigrationSchemas.version2());
      assertFalse(db.hasDrift(), where + ": neither version 1 nor version 2");
      MigrationSchemas.check(db, 2, where);
      return 2;
    }
  }

  private static Process start(Path file, Path output) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                MigrationWriter.class.getName(),
                file.toString()))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  private static void waitForReady(Path output, Process child)
      throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.readAllLines(output, StandardCharsets.UTF_8).contains("ready")) {
      if (!child.isAlive() || System.currentTimeMillis() > deadline) {
        fail("child never became ready: " + Files.readString(output, StandardCharsets.UTF_8));
      }
      Thread.sleep(2);
    }
  }
}
