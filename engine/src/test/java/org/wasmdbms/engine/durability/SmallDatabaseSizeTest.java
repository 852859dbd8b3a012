package org.wasmdbms.engine.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.file.DatabaseFiles;

/**
 * A database of a few rows stays small on the disk: docs/durability.md promises a journal of about
 * 1 MiB beside a small data file (checkpoint threshold half the data file, at least 512 KiB). Each
 * of 40 commits of one 5 KB row is followed by a look at both files. The first format waited for 8
 * MiB of page images before a checkpoint, so a 2 MiB file system filled after 9 such rows; that
 * journal fails the bound at the 9th commit.
 */
class SmallDatabaseSizeTest {
  /** The promise's 1 MiB plus one commit and the checksums of a few pages. */
  private static final long MAX_JOURNAL_BYTES = (1 << 20) + (128 << 10);

  @TempDir Path directory;

  @Test
  void fortyCommitsOfFiveKilobytesKeepTheJournalNearOneMebibyte() throws IOException {
    Path data = directory.resolve("small.db");
    Path journal = DatabaseFiles.journalPath(data);
    String note = "x".repeat(5_000);
    long largestJournal = 0;
    try (Database db = Database.open(DatabaseFiles.open(data))) {
      MarkerSchema.register(db);
      for (long id = 1; id <= 40; id++) {
        db.insert(
            "marks",
            Row.builder()
                .set("id", new Uint64Value(id))
                .set("batch", new Uint64Value(id))
                .set("note", new TextValue(note))
                .build());
        long journalBytes = Files.size(journal);
        largestJournal = Math.max(largestJournal, journalBytes);
        assertTrue(
            journalBytes <= MAX_JOURNAL_BYTES,
            "after commit " + id + " the journal holds " + journalBytes + " bytes");
      }
      assertEquals(40, db.select("marks", Query.ALL).size());
    }
    System.out.println(
        "SmallDatabaseSizeTest: data file "
            + Files.size(data)
            + " bytes, largest journal "
            + largestJournal
            + " bytes");
    try (Database db = Database.open(DatabaseFiles.open(data))) {
      MarkerSchema.register(db);
      assertEquals(40, db.select("marks", Query.ALL).size());
    }
  }
}
