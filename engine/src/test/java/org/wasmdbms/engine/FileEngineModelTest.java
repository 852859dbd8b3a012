package org.wasmdbms.engine;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.file.FileMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/** {@link EngineModelTest} on the file provider, in a temporary directory. */
class FileEngineModelTest extends EngineModelTest {
  @TempDir Path dir;

  @Override
  MemoryProvider openProvider() {
    return FileMemoryProvider.open(dir.resolve("model.db"));
  }
}
