package org.wasmdbms.memory.page;

import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

class HeapRecordStoreModelTest extends RecordStoreModelTest {
  @Override
  protected MemoryProvider newProvider() {
    return new HeapMemoryProvider();
  }

  @Override
  protected MemoryProvider reopen(MemoryProvider provider) {
    return provider;
  }
}
