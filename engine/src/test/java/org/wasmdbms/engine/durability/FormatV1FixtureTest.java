package org.wasmdbms.engine.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.engine.Database;
import org.wasmdbms.file.DatabaseFiles;

/**
 * Databases written by journal format version 1 (whole page images per commit), kept as fixtures
 * under {@code format-v1/}: {@code v1} was closed cleanly, {@code v1-crash} is a copy of the files
 * taken while open, so its journal still holds commits past the last checkpoint as version-1 PAGE
 * records. Both were written with {@link MarkerSchema}, batches 1 to 12 (the writer of the fixtures
 * checkpointed every 1 MiB of log). Today's build opens them, upgrades the journal and reads every
 * row, twice (the second open reads the upgraded files).
 */
class FormatV1FixtureTest {
  @TempDir Path directory;

  @Test
  void aCleanlyClosedVersion1DatabaseOpensAndReadsEveryRow() throws IOException {
    checkEveryRow(copy("v1"));
  }

  @Test
  void aVersion1JournalHoldingCommitsIsRecoveredAndReadsEveryRow() throws IOException {
    checkEveryRow(copy("v1-crash"));
  }

  private void checkEveryRow(Path file) {
    TreeMap<Long, Integer> expected = new TreeMap<>();
    for (long batch = 1; batch <= 12; batch++) {
      expected.put(batch, MarkerSchema.parts(batch));
    }
    expected.put(-1L, 11);
    for (int open = 0; open < 2; open++) {
      try (Database db = Database.open(DatabaseFiles.open(file))) {
        MarkerSchema.register(db);
        assertEquals(expected, MarkerSchema.read(db));
      }
    }
  }

  private Path copy(String name) throws IOException {
    Path file = directory.resolve(name + ".wdb");
    for (String suffix : new String[] {"", DatabaseFiles.JOURNAL_SUFFIX}) {
      String resource = "/format-v1/" + name + ".wdb" + suffix + ".gz";
      try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(resource))) {
        Files.copy(in, directory.resolve(name + ".wdb" + suffix));
      }
    }
    return file;
  }
}
