package org.wasmdbms.host;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import java.util.List;
import org.wasmdbms.host.abi.GuestExports;

/**
 * One instantiation of a guest module with its WASI state: the host directory preopened as the
 * guest's {@code /}, stdout and stderr passed through, one argument (the program name; TeaVM reads
 * {@code argv[0]}). The module is a reactor: its start function is not run.
 */
final class GuestInstance implements GuestExports, AutoCloseable {
  private final WasiPreview1 wasi;
  private final Instance instance;

  GuestInstance(GuestModule module, HostOptions options) {
    WasiOptions.Builder wasiOptions =
        WasiOptions.builder()
            .withStdout(options.stdout())
            .withStderr(options.stderr())
            .withArguments(List.of("wasm-dbms-guest"));
    if (options.directory() != null) {
      wasiOptions.withDirectory("/", options.directory());
    }
    wasi = WasiPreview1.builder().withOptions(wasiOptions.build()).build();
    try {
      Instance.Builder builder =
          Instance.builder(module.module())
              .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
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
