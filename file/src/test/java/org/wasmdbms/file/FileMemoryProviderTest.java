package org.wasmdbms.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.MemoryProviderContractTest;
import org.wasmdbms.memory.StorageFailure;

class FileMemoryProviderTest extends MemoryProviderContractTest {
  @TempDir Path dir;
  private int files;

  @Override
  protected MemoryProvider newProvider() {
    return FileMemoryProvider.open(dir.resolve("db" + files++ + ".wdb"));
  }

  @Override
  protected MemoryProvider newProvider(StorageFailure failure) {
    return FileMemoryProvider.open(
        FailingFiles.path(dir.resolve("db" + files++ + ".wdb"), failure));
  }

  @Override
  protected MemoryProvider reopen(MemoryProvider provider) {
    Path path = ((FileMemoryProvider) provider).path();
    provider.close();
    return FileMemoryProvider.open(path);
  }

  @Test
  void createsTheFileAndInfersPagesFromItsLength() throws IOException {
    Path path = dir.resolve("sized.wdb");
    Files.write(path, new byte[3 * MemoryProvider.PAGE_SIZE]);
    FileMemoryProvider p = FileMemoryProvider.open(path);
    assertEquals(3, p.pages());
    p.grow(2);
    p.close();
    assertEquals(5L * MemoryProvider.PAGE_SIZE, Files.size(path));
  }

  @Test
  void lengthThatIsNotWholePagesIsRefused() throws IOException {
    Path path = dir.resolve("torn.wdb");
    Files.write(path, new byte[MemoryProvider.PAGE_SIZE + 1]);
    MemoryException e = assertThrows(MemoryException.class, () -> FileMemoryProvider.open(path));
    assertTrue(e.detail().contains("not a whole number"), e.detail());
    // The failed open released the file: fixing its length makes it open.
    Files.write(path, new byte[MemoryProvider.PAGE_SIZE]);
    FileMemoryProvider.open(path).close();
  }

  @Test
  void secondOpenerInThisJvmIsLockedOut() {
    Path path = dir.resolve("locked.wdb");
    FileMemoryProvider first = FileMemoryProvider.open(path);
    MemoryException e = assertThrows(MemoryException.class, () -> FileMemoryProvider.open(path));
    assertTrue(e.detail().startsWith("database is locked"), e.detail());
    first.close();
    FileMemoryProvider.open(path).close();
  }

  @Test
  void secondOpenerInAnotherProcessIsLockedOut() throws Exception {
    Path path = dir.resolve("shared.wdb");
    FileMemoryProvider first = FileMemoryProvider.open(path);
    try {
      assertEquals("locked", openInChildProcess(path));
    } finally {
      first.close();
    }
    assertEquals("opened", openInChildProcess(path));
  }

  @Test
  void directoryCannotBeOpened() {
    assertThrows(MemoryException.class, () -> FileMemoryProvider.open(dir));
  }

  private static String openInChildProcess(Path path) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LockProbe.class.getName(),
                path.toString())
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child process timed out");
    return output;
  }
}
