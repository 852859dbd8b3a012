package org.wasmdbms.host.sandbox;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.wasmdbms.api.error.MemoryException;

/**
 * WASI preview 1 (Chicory's) for one guest instance, confined to one host directory: the directory
 * is preopened as the guest's {@code /} through a file system that refuses every path leaving it
 * (the rule and what it closes are described on {@code DirectorySandbox}). A WASI call that fails
 * after the sandbox refused one of its paths returns {@code notcapable} (76), whatever errno
 * Chicory derived from the refusal, so a guest can tell a refused escape from an ordinary failure.
 * Chicory's own lexical checks still come first: an absolute path or one that climbs above the
 * directory with {@code ..} gets {@code perm} from {@code path_open} and {@code acces} from the
 * other path functions before the sandbox sees it.
 *
 * <p>Not thread-safe: one instance serves one guest instance, whose calls are serialised.
 */
public final class SandboxedWasi implements AutoCloseable {
  /** WASI preview 1 errno {@code notcapable}: the capabilities given do not allow it. */
  private static final long NOT_CAPABLE = 76;

  private final WasiPreview1 wasi;
  private final DirectorySandbox sandbox;

  private SandboxedWasi(WasiPreview1 wasi, DirectorySandbox sandbox) {
    this.wasi = wasi;
    this.sandbox = sandbox;
  }

  /**
   * WASI for a guest that sees {@code directory} as {@code /} (none if null), writes to {@code
   * stdout} and {@code stderr}, has no standard input, gets {@code arguments} and the environment
   * variables {@code environment} (nothing else of the host's environment).
   *
   * @throws MemoryException if {@code directory} is missing or not a directory
   */
  public static SandboxedWasi create(
      Path directory,
      OutputStream stdout,
      OutputStream stderr,
      List<String> arguments,
      Map<String, String> environment) {
    WasiOptions.Builder options =
        WasiOptions.builder().withStdout(stdout).withStderr(stderr).withArguments(arguments);
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      options.withEnvironment(variable.getKey(), variable.getValue());
    }
    DirectorySandbox sandbox = null;
    if (directory != null) {
      sandbox = DirectorySandbox.rootedAt(directory);
      options.withDirectory("/", new SandboxFileSystem(sandbox).root());
    }
    return new SandboxedWasi(WasiPreview1.builder().withOptions(options.build()).build(), sandbox);
  }

  /** The WASI functions to import into the guest. */
  public HostFunction[] hostFunctions() {
    HostFunction[] functions = wasi.toHostFunctions();
    if (sandbox == null) {
      return functions;
    }
    for (int i = 0; i < functions.length; i++) {
      HostFunction function = functions[i];
      functions[i] =
          new HostFunction(
              function.module(),
              function.name(),
              function.functionType(),
              reportingRefusals(function.handle()));
    }
    return functions;
  }

  /** {@code handle}, with a failure that followed a refusal turned into {@code notcapable}. */
  private WasmFunctionHandle reportingRefusals(WasmFunctionHandle handle) {
    return (instance, args) -> {
      long before = sandbox.refusals();
      long[] results = handle.apply(instance, args);
      boolean failed = results != null && results.length == 1 && results[0] != 0;
      return failed && sandbox.refusals() != before ? new long[] {NOT_CAPABLE} : results;
    };
  }

  /** Closes the guest's open files (WASI descriptors). */
  @Override
  public void close() {
    wasi.close();
  }
}
