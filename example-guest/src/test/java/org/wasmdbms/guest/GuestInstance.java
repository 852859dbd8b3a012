package org.wasmdbms.guest;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.wasmdbms.host.abi.GuestExports;
import org.wasmdbms.host.chicory.FlatMemory;
import org.wasmdbms.host.chicory.RewritingCompiler;

/**
 * One instance of the built guest module under Chicory (compiled to JVM bytecode once per test
 * run), with a host directory preopened as the guest's directory. The tests call it through the
 * host's canonical ABI ({@code DatabaseAbi}), and reach its memory directly to hand it bad input.
 */
final class GuestInstance implements GuestExports, AutoCloseable {
  /** The module built by this Maven module's {@code process-classes} step. */
  static final Path WASM =
      Path.of(System.getProperty("guest.wasm", "target/wasm-dbms-example-guest.wasm"));

  private static WasmModule module;
  private static Function<Instance, Machine> machine;

  private final WasiPreview1 wasi;
  private final Instance instance;

  /** Instantiates the guest with {@code directory} as its preopened directory. */
  GuestInstance(Path directory) {
    WasiOptions options =
        WasiOptions.builder()
            .withStdout(System.out)
            .withStderr(System.err)
            .withArguments(List.of("guest"))
            .withDirectory("/", directory)
            .build();
    wasi = WasiPreview1.builder().withOptions(options).build();
    instance =
        Instance.builder(module())
            .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
            .withMachineFactory(machine())
            .withMemoryFactory(FlatMemory::new)
            .withStart(false)
            .build();
  }

  static synchronized WasmModule module() {
    if (module == null) {
      if (!Files.isRegularFile(WASM)) {
        throw new IllegalStateException(WASM + " is missing: run the guest module's Maven build");
      }
      module = Parser.parse(WASM);
    }
    return module;
  }

  /**
   * The module compiled once, with the bytecode rewrite the host applies to every guest it compiles
   * at run time ({@link RewritingCompiler}, docs/host.md).
   */
  private static synchronized Function<Instance, Machine> machine() {
    if (machine == null) {
      machine = RewritingCompiler.compile(module()).machineFactory();
    }
    return machine;
  }

  /** The instance's linear memory. */
  @Override
  public Memory memory() {
    return instance.memory();
  }

  /** Calls export {@code name}. */
  @Override
  public long[] call(String name, long... args) {
    return instance.export(name).apply(args);
  }

  @Override
  public void close() {
    wasi.close();
  }
}
