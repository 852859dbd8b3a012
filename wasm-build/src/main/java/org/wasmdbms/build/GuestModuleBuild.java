package org.wasmdbms.build;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line build step that turns a Java guest program into its WASI core module: compiles it
 * with {@link TeaVmWasiCompiler} and raises the module's memory maximum with {@link
 * WasmMemoryPatcher}. Run by the guest module's Maven build.
 *
 * <p>Arguments: {@code <main class> <work directory> <output .wasm> <heap MiB> <memory max pages>}.
 * TeaVM's own output is kept in the work directory; the patched module is written to the output
 * path, replacing any earlier one. Prints both sizes.
 */
public final class GuestModuleBuild {
  private GuestModuleBuild() {}

  /**
   * Builds the module.
   *
   * @param args see the class documentation
   * @throws Exception if compilation fails (with TeaVM's problem report) or a file cannot be
   *     written
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: GuestModuleBuild <main class> <work dir> <output.wasm> <heap MiB> <max pages>");
    }
    String mainClass = args[0];
    Path work = Path.of(args[1]);
    Path output = Path.of(args[2]).toAbsolutePath();
    int heapMiB = Integer.parseInt(args[3]);
    int maxPages = Integer.parseInt(args[4]);

    Path compiled =
        new TeaVmWasiCompiler(heapMiB).compile(mainClass, work.resolve("teavm-output.wasm"));
    byte[] patched = WasmMemoryPatcher.withMemoryMaximum(Files.readAllBytes(compiled), maxPages);
    Files.createDirectories(output.getParent());
    Files.write(output, patched);
    System.out.println(
        "guest module "
            + output
            + ": "
            + patched.length
            + " bytes (TeaVM output "
            + Files.size(compiled)
            + " bytes), heap "
            + heapMiB
            + " MiB, memory maximum "
            + maxPages
            + " pages");
  }
}
