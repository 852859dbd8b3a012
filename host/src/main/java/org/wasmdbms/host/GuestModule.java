package org.wasmdbms.host;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.wasmdbms.host.chicory.RewritingCompiler;

/**
 * A parsed guest module and how its code runs: compiled to JVM bytecode at build time (by {@code
 * chicory-compiler-maven-plugin} in the project that uses the guest), compiled at run time by
 * Chicory's compiler, or interpreted. Run-time compiled classes are rewritten by {@link
 * org.wasmdbms.host.chicory.ChicoryBytecodeRewriter} before they run, as build-time compiled ones
 * are by the build (docs/host.md): no unsigned comparison that JDK 17's C2 can miscompile, no
 * dispatch method too large for the JIT. Immutable and shareable: every {@link DbmsHost}
 * instantiates its own copy of the module's state from it, and the run-time compiler runs once per
 * {@code GuestModule}.
 */
public final class GuestModule {
  /** How a module given at run time executes. */
  public enum Execution {
    /**
     * Chicory's compiler translates the module to JVM bytecode once, when it is loaded, and the
     * host rewrites that bytecode before it runs (see the class comment).
     */
    RUNTIME_COMPILER,
    /** Chicory's interpreter: no compilation, slower calls. */
    INTERPRETER
  }

  private final String name;
  private final WasmModule module;
  private final Function<Instance, Machine> machine;
  private final RewritingCompiler compiled;

  private GuestModule(
      String name,
      WasmModule module,
      Function<Instance, Machine> machine,
      RewritingCompiler compiled) {
    this.name = name;
    this.module = module;
    this.machine = machine;
    this.compiled = compiled;
  }

  /**
   * A module compiled to JVM bytecode at build time: the class that {@code
   * chicory-compiler-maven-plugin} generates has a static {@code load()} that gives {@code module}
   * and a static {@code create(Instance)} that is {@code machine}, so {@code
   * GuestModule.buildTimeCompiled("my guest", MyGuestModule.load(), MyGuestModule::create)}.
   *
   * @param name how the module is described (in {@link #toString()})
   */
  public static GuestModule buildTimeCompiled(
      String name, WasmModule module, Function<Instance, Machine> machine) {
    return new GuestModule(
        Objects.requireNonNull(name, "name") + " (build-time compiled)",
        Objects.requireNonNull(module, "module"),
        Objects.requireNonNull(machine, "machine"),
        null);
  }

  /**
   * A module read from a {@code .wasm} file.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it is not a valid WebAssembly module
   * @throws IllegalStateException if {@link Execution#RUNTIME_COMPILER} is asked and the classes
   *     Chicory generates cannot be rewritten (they do not have Chicory 1.7.5's shapes)
   */
  public static GuestModule fromPath(Path wasm, Execution execution) {
    Objects.requireNonNull(wasm, "wasm");
    if (!Files.isRegularFile(wasm)) {
      throw new UncheckedIOException(new IOException(wasm + " is not a file"));
    }
    return of(wasm.toString(), parse(() -> Files.newInputStream(wasm)), execution);
  }

  /**
   * A module read from a class path resource of {@code loader}.
   *
   * @throws UncheckedIOException if the resource is missing or cannot be read
   * @throws IllegalArgumentException if it is not a valid WebAssembly module
   * @throws IllegalStateException as {@link #fromPath}
   */
  public static GuestModule fromResource(ClassLoader loader, String resource, Execution execution) {
    Objects.requireNonNull(resource, "resource");
    return of(
        "resource " + resource,
        parse(
            () -> {
              InputStream in = loader.getResourceAsStream(resource);
              if (in == null) {
                throw new IOException("no class path resource " + resource);
              }
              return in;
            }),
        execution);
  }

  private static GuestModule of(String name, WasmModule module, Execution execution) {
    Objects.requireNonNull(execution, "execution");
    return switch (execution) {
      case RUNTIME_COMPILER -> {
        RewritingCompiler compiled = RewritingCompiler.compile(module);
        yield new GuestModule(
            name + " (run-time compiled)", module, compiled.machineFactory(), compiled);
      }
      case INTERPRETER -> new GuestModule(name + " (interpreted)", module, null, null);
    };
  }

  private interface Opener {
    InputStream open() throws IOException;
  }

  private static WasmModule parse(Opener opener) {
    try (InputStream in = opener.open()) {
      return Parser.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ChicoryException e) {
      throw new IllegalArgumentException("not a valid WebAssembly module: " + e.getMessage(), e);
    }
  }

  /** The parsed module. */
  WasmModule module() {
    return module;
  }

  /** The machine factory, or null for Chicory's interpreter. */
  Function<Instance, Machine> machine() {
    return machine;
  }

  /**
   * The rewritten classes of a run-time compiled module, as the jar they were loaded from (see
   * {@link RewritingCompiler#jar()}), so that a test can check what actually runs; null for other
   * modules.
   */
  byte[] runTimeCompiledClasses() {
    return compiled == null ? null : compiled.jar();
  }

  /** Where the module came from and how it runs. */
  @Override
  public String toString() {
    return name;
  }
}
