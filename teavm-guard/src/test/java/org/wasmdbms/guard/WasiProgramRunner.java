package org.wasmdbms.guard;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Import;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a WASI command module's {@code _start} under Chicory (compiled to JVM bytecode at load time)
 * and captures what it prints.
 */
final class WasiProgramRunner {
  /** The only import module a guest may use: anything else would not run in a plain WASI host. */
  static final String WASI_MODULE = "wasi_snapshot_preview1";

  /** What one run produced. */
  record Result(int exitCode, String stdout, String stderr) {}

  private WasiProgramRunner() {}

  /** Lists every import of {@code module} that is not a WASI preview 1 function. */
  static List<String> nonWasiImports(WasmModule module) {
    List<String> foreign = new ArrayList<>();
    var imports = module.importSection();
    for (int i = 0; i < imports.importCount(); i++) {
      Import imported = imports.getImport(i);
      if (!imported.module().equals(WASI_MODULE)) {
        foreign.add(imported.module() + "." + imported.name());
      }
    }
    return foreign;
  }

  /** Parses the module at {@code wasm}. */
  static WasmModule parse(Path wasm) {
    return Parser.parse(wasm);
  }

  /** Runs {@code module} to completion and returns its exit code and output. */
  static Result run(WasmModule module) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    WasiOptions options =
        WasiOptions.builder()
            .withStdout(stdout)
            .withStderr(stderr)
            // TeaVM's startup reads argv[0]; an empty argument list breaks it.
            .withArguments(List.of("guard"))
            .build();
    int exitCode = 0;
    try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
      ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions()).build();
      Instance instance =
          Instance.builder(module)
              .withImportValues(imports)
              .withMachineFactory(MachineFactoryCompiler.compile(module))
              .withStart(false)
              .build();
      instance.export("_start").apply();
    } catch (WasiExitException exit) {
      exitCode = exit.exitCode();
    }
    return new Result(
        exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }
}
