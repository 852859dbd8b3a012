package org.wasmdbms.host;

import java.nio.file.Path;
import org.wasmdbms.file.DatabaseFiles;

/** The contract on the JVM engine over a data file and its journal, as the guest stores them. */
class ContractEngineFileTest extends ContractSuite {
  @Override
  ContractDatabase open(Path directory) {
    return new EngineContractDatabase(DatabaseFiles.open(directory.resolve("wasm-dbms.db")));
  }
}
