package org.wasmdbms.host.abi;

import com.dylibso.chicory.runtime.Memory;

/** The core exports and linear memory of one running guest instance. */
public interface GuestExports {
  /**
   * Calls core export {@code name}.
   *
   * @return the export's core results
   */
  long[] call(String name, long... args);

  /** The guest's linear memory. */
  Memory memory();
}
