package org.wasmdbms.guest;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wasmdbms.build.ChicoryBytecodeRewriter;
import org.wasmdbms.host.abi.GuestExports;

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
            .withMemoryFactory(ByteArrayMemory::new)
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
   * The module compiled once, with the same bytecode rewrite the host applies to its build-time
   * compiled guest (see {@link ChicoryBytecodeRewriter} and docs/host.md): Chicory's run-time
   * compiler hands its classes to a cache as a jar, the cache keeps them rewritten, and the second
   * compilation loads them from there.
   */
  private static synchronized Function<Instance, Machine> machine() {
    if (machine == null) {
      Map<String, byte[]> jars = new HashMap<>();
      Cache rewriting =
          new Cache() {
            @Override
            public byte[] get(String key) {
              return jars.get(key);
            }

            @Override
            public void putIfAbsent(String key, byte[] jar) {
              jars.putIfAbsent(key, ChicoryBytecodeRewriter.rewriteJar(jar));
            }
          };
      MachineFactoryCompiler.builder(module()).withCache(rewriting).compile();
      if (jars.isEmpty()) {
        throw new IllegalStateException("Chicory's compiler did not hand its classes to the cache");
      }
      machine = MachineFactoryCompiler.builder(module()).withCache(rewriting).compile();
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
