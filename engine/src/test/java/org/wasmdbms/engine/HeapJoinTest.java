package org.wasmdbms.engine;

import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/** {@link JoinTest} on the heap. */
class HeapJoinTest extends JoinTest {
  @Override
  MemoryProvider openProvider() {
    return new HeapMemoryProvider();
  }
}
