package org.wasmdbms.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.teavm.tooling.TeaVMToolException;

/**
 * Turns the guest runtime plus one schema into a WASI core module: compiles {@value #ENTRY} with
 * {@link TeaVmWasiCompiler} and raises the module's memory maximum with {@link WasmMemoryPatcher}.
 * Called by {@code wasm-dbms-maven-plugin}. Stateless.
 */
public final class GuestModuleBuild {
  /** The guest runtime's class whose exports make up the module. */
  public static final String ENTRY = "org.wasmdbms.guest.GuestExports";

  private GuestModuleBuild() {}

  /**
   * Builds the module.
   *
   * @param classes the class path TeaVM compiles (the schema, the guest runtime, TeaVM's class
   *     library); see {@link TeaVmWasiCompiler#TeaVmWasiCompiler(GuestBuildOptions, ClassLoader)}
   * @param options the build options
   * @param work where TeaVM's own output is kept
   * @param output the module's path, replaced if it exists
   * @return the module's size in bytes
   * @throws GuestCompilationException if TeaVM cannot compile the guest
   */
  public static long build(ClassLoader classes, GuestBuildOptions options, Path work, Path output)
      throws IOException, TeaVMToolException {
    Path compiled =
        new TeaVmWasiCompiler(options, classes).compile(ENTRY, work.resolve("teavm-output.wasm"));
    byte[] patched =
        WasmMemoryPatcher.withMemoryMaximum(Files.readAllBytes(compiled), options.maxPages());
    Path target = output.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Files.write(target, patched);
    return patched.length;
  }
}
