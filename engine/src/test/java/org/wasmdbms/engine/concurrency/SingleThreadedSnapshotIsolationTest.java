package org.wasmdbms.engine.concurrency;

import org.wasmdbms.engine.Database;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/**
 * {@link SnapshotIsolationTest} on a database opened the way the WebAssembly guest opens it
 * (single-threaded inside, {@link Database#open(MemoryProvider, long)}): snapshot transactions
 * interleave there too.
 */
class SingleThreadedSnapshotIsolationTest extends SnapshotIsolationTest {
  @Override
  MemoryProvider provider() {
    return new HeapMemoryProvider();
  }

  @Override
  Database open(MemoryProvider provider) {
    return Database.open(provider, Long.MAX_VALUE);
  }
}
