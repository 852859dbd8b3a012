package org.wasmdbms.engine;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.file.FileMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/** {@link JoinTest} on the file provider, in a temporary directory. */
class FileJoinTest extends JoinTest {
  @TempDir Path dir;

  @Override
  MemoryProvider openProvider() {
    return FileMemoryProvider.open(dir.resolve("join.db"));
  }
}
