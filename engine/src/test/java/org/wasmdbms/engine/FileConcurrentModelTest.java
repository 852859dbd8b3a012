package org.wasmdbms.engine;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.file.DatabaseFiles;
import org.wasmdbms.memory.MemoryProvider;

/** {@link ConcurrentModelTest} on a journaled database file, reopened at the end. */
class FileConcurrentModelTest extends ConcurrentModelTest {
  @TempDir Path dir;

  @Override
  MemoryProvider openProvider() {
    return DatabaseFiles.open(dir.resolve("stress.wdb"));
  }

  @Override
  boolean durable() {
    return true;
  }
}
