package org.wasmdbms.engine.concurrency;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.file.DatabaseFiles;
import org.wasmdbms.memory.MemoryProvider;

/** {@link SnapshotIsolationTest} on a database file with its journal. */
class FileSnapshotIsolationTest extends SnapshotIsolationTest {
  @TempDir Path dir;

  @Override
  MemoryProvider provider() {
    return DatabaseFiles.open(dir.resolve("si.wdb"));
  }
}
