package org.wasmdbms.engine;

import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/** {@link ConcurrentModelTest} on the heap provider. */
class HeapConcurrentModelTest extends ConcurrentModelTest {
  @Override
  MemoryProvider openProvider() {
    return new HeapMemoryProvider();
  }

  @Override
  boolean durable() {
    return false;
  }
}
