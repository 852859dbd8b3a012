package org.wasmdbms.engine;

import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/** {@link EngineModelTest} on the heap provider, kept alive across reopening. */
class HeapEngineModelTest extends EngineModelTest {
  private final HeapMemoryProvider heap = new HeapMemoryProvider();

  @Override
  MemoryProvider openProvider() {
    return new CountingProvider(heap, false);
  }
}
