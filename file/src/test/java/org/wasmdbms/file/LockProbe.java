package org.wasmdbms.file;

import java.nio.file.Path;
import org.wasmdbms.api.error.MemoryException;

/**
 * Child-process entry point of the lock tests: prints whether it could open the given path, as a
 * plain file ({@code file}, the default) or as a journaled database ({@code database}).
 */
final class LockProbe {
  private LockProbe() {}

  public static void main(String[] args) {
    try {
      Path path = Path.of(args[0]);
      if (args.length > 1 && args[1].equals("database")) {
        DatabaseFiles.open(path).close();
      } else {
        FileMemoryProvider.open(path).close();
      }
      System.out.println("opened");
    } catch (MemoryException e) {
      System.out.println(e.detail().startsWith("database is locked") ? "locked" : e.detail());
    }
  }
}
