package org.wasmdbms.engine.concurrency;

import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/** {@link SnapshotIsolationTest} on the heap, opened for concurrent use. */
class HeapSnapshotIsolationTest extends SnapshotIsolationTest {
  @Override
  MemoryProvider provider() {
    return new HeapMemoryProvider();
  }
}
