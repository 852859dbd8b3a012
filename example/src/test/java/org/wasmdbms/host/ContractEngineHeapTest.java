package org.wasmdbms.host;

import java.nio.file.Path;
import org.wasmdbms.memory.HeapMemoryProvider;

/** The contract on the JVM engine over a heap provider. */
class ContractEngineHeapTest extends ContractSuite {
  @Override
  ContractDatabase open(Path directory) {
    return new EngineContractDatabase(new HeapMemoryProvider());
  }
}
