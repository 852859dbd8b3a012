package org.wasmdbms.host;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import java.util.List;
import java.util.Map;
import org.wasmdbms.host.abi.GuestExports;
import org.wasmdbms.host.chicory.FlatMemory;
import org.wasmdbms.host.sandbox.SandboxedWasi;

/**
 * One instantiation of a guest module with its WASI state: the host directory preopened as the
 * guest's {@code /} and confined by {@link SandboxedWasi}, stdout and stderr passed through, one
 * argument (the program name; TeaVM reads {@code argv[0]}). The module is a reactor: its start
 * function is not run. Linear memory is the host's {@link FlatMemory} (one {@code byte[]}), which
 * HotSpot compiles to plainer loads and stores than Chicory's paged memories.
 */
final class GuestInstance implements GuestExports, AutoCloseable {
  private final SandboxedWasi wasi;
  private final Instance instance;

  GuestInstance(GuestModule module, HostOptions options) {
    wasi =
        SandboxedWasi.create(
            options.directory(),
            options.stdout(),
            options.stderr(),
            List.of("wasm-dbms-guest"),
            Map.of(HostOptions.DURABILITY_VARIABLE, options.durability()));
    try {
      Instance.Builder builder =
          Instance.builder(module.module())
              .withImportValues(ImportValues.builder().addFunction(wasi.hostFunctions()).build())
              .withMemoryFactory(FlatMemory::new)
              .withStart(false);
      if (module.machine() != null) {
        builder.withMachineFactory(module.machine());
      }
      instance = builder.build();
    } catch (RuntimeException e) {
      wasi.close();
      throw e;
    }
  }

  @Override
  public long[] call(String name, long... args) {
    return instance.export(name).apply(args);
  }

  @Override
  public Memory memory() {
    return instance.memory();
  }

  /** Closes the guest's open files (WASI descriptors). */
  @Override
  public void close() {
    wasi.close();
  }
}
