package org.wasmdbms.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;

class DatabaseFilesTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  @TempDir Path dir;

  private static byte[] pattern(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 13 + seed);
    }
    return bytes;
  }

  @Test
  void theJournalLivesBesideTheDataFile() {
    Path data = dir.resolve("app.wdb");
    DatabaseFiles.open(data).close();
    assertTrue(Files.exists(data));
    assertTrue(Files.exists(dir.resolve("app.wdb-journal")));
    assertEquals(dir.resolve("app.wdb-journal"), DatabaseFiles.journalPath(data));
  }

  @Test
  void commitsSurviveReopenAndUncommittedWritesDoNot() {
    Path data = dir.resolve("db.wdb");
    MemoryProvider first = DatabaseFiles.open(data);
    first.grow(2);
    first.write(PAGE + 3, pattern(500, 1));
    first.commit();
    first.write(PAGE + 3, pattern(500, 2));
    first.close();
    MemoryProvider second = DatabaseFiles.open(data);
    byte[] read = new byte[500];
    second.read(PAGE + 3, read);
    assertArrayEquals(pattern(500, 1), read);
    second.close();
  }

  @Test
  void aTornPageAtTheEndOfEitherFileIsCutOff() throws IOException {
    Path data = dir.resolve("torn.wdb");
    MemoryProvider provider = DatabaseFiles.open(data);
    provider.grow(1);
    provider.write(10, pattern(100, 3));
    provider.commit();
    provider.close();
    Files.write(data, new byte[PAGE / 3], StandardOpenOption.APPEND);
    Files.write(DatabaseFiles.journalPath(data), new byte[77], StandardOpenOption.APPEND);
    MemoryProvider reopened = DatabaseFiles.open(data);
    assertEquals(1, reopened.pages());
    byte[] read = new byte[100];
    reopened.read(10, read);
    assertArrayEquals(pattern(100, 3), read);
    reopened.close();
    assertEquals(0, Files.size(data) % PAGE);
  }

  @Test
  void aDataFileCutBelowTheLastCheckpointIsRefused() throws IOException {
    Path data = dir.resolve("cut.wdb");
    MemoryProvider provider = DatabaseFiles.open(data);
    provider.grow(3);
    provider.write(2L * PAGE, pattern(10, 4));
    provider.commit();
    provider.close();
    try (var channel = java.nio.channels.FileChannel.open(data, StandardOpenOption.WRITE)) {
      channel.truncate(2L * PAGE + 100);
    }
    MemoryException e = assertThrows(MemoryException.class, () -> DatabaseFiles.open(data));
    assertTrue(e.detail().contains("truncated"), e.detail());
    // The failed open released both locks.
    FileMemoryProvider.open(data).close();
    FileMemoryProvider.open(DatabaseFiles.journalPath(data)).close();
  }

  @Test
  void aSecondOpenerInThisJvmIsLockedOutOfBothFiles() {
    Path data = dir.resolve("locked.wdb");
    MemoryProvider first = DatabaseFiles.open(data);
    MemoryException again = assertThrows(MemoryException.class, () -> DatabaseFiles.open(data));
    assertTrue(again.detail().startsWith("database is locked"), again.detail());
    MemoryException journal =
        assertThrows(
            MemoryException.class, () -> FileMemoryProvider.open(DatabaseFiles.journalPath(data)));
    assertTrue(journal.detail().startsWith("database is locked"), journal.detail());
    first.close();
    DatabaseFiles.open(data).close();
  }

  @Test
  void aSecondOpenerInAnotherProcessIsLockedOut() throws Exception {
    Path data = dir.resolve("shared.wdb");
    MemoryProvider first = DatabaseFiles.open(data);
    try {
      assertEquals("locked", probe(data, "database"));
      assertEquals("locked", probe(DatabaseFiles.journalPath(data), "file"));
    } finally {
      first.close();
    }
    assertEquals("opened", probe(data, "database"));
  }

  private static String probe(Path path, String how) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LockProbe.class.getName(),
                path.toString(),
                how)
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child process timed out");
    return output;
  }

  @Test
  void aForeignFileIsRefusedAndNotCut() throws IOException {
    Path file = dir.resolve("foreign.txt");
    byte[] text = "this is somebody else's file, not a database".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[70_000];
    System.arraycopy(text, 0, content, 0, text.length);
    Files.write(file, content);
    MemoryException e = assertThrows(MemoryException.class, () -> DatabaseFiles.open(file));
    assertTrue(e.detail().contains("whole number"), e.detail());
    assertArrayEquals(content, Files.readAllBytes(file));
  }
}
