package org.wasmdbms.host.chicory;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.Objects;
import java.util.function.Function;

/**
 * A module compiled at run time by Chicory's compiler, with its classes rewritten by {@link
 * ChicoryBytecodeRewriter} before any of them runs, so that a run-time compiled guest gets the same
 * code as a build-time compiled one (docs/host.md, "How Chicory runs the guest").
 *
 * <p>Chicory 1.7.5 has no public hook between generating a class and loading it, but its compiler
 * hands everything it generated to a {@link Cache} as one jar, and a compilation that finds the jar
 * in the cache loads the classes from there. So {@link #compile} compiles once into a cache that
 * stores the jar rewritten, then compiles again, which loads the rewritten classes. The classes of
 * the first pass are defined in a class loader of their own but never initialised or called, and
 * are collected with it.
 *
 * <p>Immutable; the machine factory may be used from any thread, as Chicory's own.
 */
public final class RewritingCompiler {
  private final Function<Instance, Machine> machineFactory;
  private final byte[] jar;

  private RewritingCompiler(Function<Instance, Machine> machineFactory, byte[] jar) {
    this.machineFactory = machineFactory;
    this.jar = jar;
  }

  /**
   * Compiles {@code module} with Chicory's run-time compiler and loads the rewritten classes.
   *
   * @throws IllegalStateException if Chicory's compiler did not hand its classes to the cache (the
   *     module has no digest, or a Chicory upgrade changed the protocol), or if the generated
   *     classes do not have the shapes {@link ChicoryBytecodeRewriter} expects
   */
  public static RewritingCompiler compile(WasmModule module) {
    Objects.requireNonNull(module, "module");
    RewritingCache cache = new RewritingCache();
    MachineFactoryCompiler.builder(module).withCache(cache).compile();
    if (cache.jar == null) {
      throw new IllegalStateException("Chicory's compiler did not hand its classes to the cache");
    }
    Function<Instance, Machine> factory =
        MachineFactoryCompiler.builder(module).withCache(cache).compile();
    if (!cache.read) {
      throw new IllegalStateException("Chicory's compiler did not load the rewritten classes");
    }
    return new RewritingCompiler(factory, cache.jar);
  }

  /** The machine factory to pass to {@code Instance.Builder.withMachineFactory}. */
  public Function<Instance, Machine> machineFactory() {
    return machineFactory;
  }

  /**
   * The rewritten classes as the jar Chicory's compiler loaded them from (class files by path, plus
   * Chicory's {@code wasm-module.properties}); a copy, so that the loaded classes can be inspected.
   */
  public byte[] jar() {
    return jar.clone();
  }

  /** Holds the one jar of one module, rewritten when it is stored. Confined to {@link #compile}. */
  private static final class RewritingCache implements Cache {
    private String key;
    private byte[] jar;
    private boolean read;

    @Override
    public byte[] get(String key) {
      if (jar == null || !key.equals(this.key)) {
        return null;
      }
      read = true;
      return jar;
    }

    @Override
    public void putIfAbsent(String key, byte[] jar) {
      if (this.jar == null) {
        this.key = key;
        this.jar = ChicoryBytecodeRewriter.rewriteJar(jar);
      }
    }
  }
}
