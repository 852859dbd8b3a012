package org.wasmdbms.file;

import org.wasmdbms.api.error.MemoryException;

/** Child-process entry point of the lock test: prints whether it could open the given file. */
final class LockProbe {
  private LockProbe() {}

  public static void main(String[] args) {
    try {
      FileMemoryProvider.open(java.nio.file.Path.of(args[0])).close();
      System.out.println("opened");
    } catch (MemoryException e) {
      System.out.println(e.detail().startsWith("database is locked") ? "locked" : e.detail());
    }
  }
}
