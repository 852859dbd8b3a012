package org.wasmdbms.file;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.page.RecordStoreModelTest;

class FileRecordStoreModelTest extends RecordStoreModelTest {
  @TempDir Path dir;

  @Override
  protected MemoryProvider newProvider() {
    return FileMemoryProvider.open(dir.resolve("model.wdb"));
  }

  @Override
  protected MemoryProvider reopen(MemoryProvider provider) {
    provider.close();
    return FileMemoryProvider.open(dir.resolve("model.wdb"));
  }
}
