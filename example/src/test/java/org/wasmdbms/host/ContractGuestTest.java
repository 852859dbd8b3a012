package org.wasmdbms.host;

import java.nio.file.Path;

/**
 * The contract on the example guest (compiled to JVM bytecode at build time) through the host and
 * its typed client, a fresh instance on a fresh directory per test.
 */
class ContractGuestTest extends ContractSuite {
  @Override
  ContractDatabase open(Path directory) {
    return new GuestContractDatabase(directory);
  }
}
