package org.wasmdbms.build;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolException;
import org.teavm.tooling.TeaVMToolLog;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Compiles a Java main class and everything it reaches to a WASI core module with TeaVM 0.13.1
 * ({@code WEBASSEMBLY_WASI}). Any severe problem TeaVM reports (a missing JDK class or method, an
 * unsupported feature) is a {@link GuestCompilationException} naming each class and method at fault
 * and what to change there.
 *
 * <p>The Java heap of the module is fixed (minimum = maximum): TeaVM's garbage collector moves
 * objects, so a guest that hands stable addresses to its host keeps them in memory above the heap,
 * which needs the heap never to grow into it. The {@link GuestBuildOptions} reach the guest as
 * TeaVM properties, which {@link GuestBindingPlugin} hands to {@link GuestBinding}. Instances are
 * immutable; one compilation runs at a time per instance's caller thread.
 */
public final class TeaVmWasiCompiler {
  /**
   * The system property that, set to {@code true}, keeps the functions' names in the module (a
   * {@code name} section), so that a profile of the guest run by Chicory names guest methods.
   */
  public static final String NAMES_PROPERTY = "wasmdbms.guest.names";

  private final GuestBuildOptions options;
  private final ClassLoader classes;

  /**
   * A compiler for modules whose Java heap is fixed at {@code heapMiB} MiB, other options at their
   * defaults, loading the program and TeaVM's class library through this class's own class loader.
   * The guest's value and result limits are lowered as far as a small heap needs (a value to 1/32
   * of it, a result to 1/8), so any heap in range compiles a program that is not a guest.
   *
   * @throws IllegalArgumentException unless {@code heapMiB} is in 1..1024
   */
  public TeaVmWasiCompiler(int heapMiB) {
    this(
        new GuestBuildOptions(
            GuestBuildOptions.DEFAULT_DATA_FILE,
            heapMiB,
            GuestBuildOptions.DEFAULT_MAX_PAGES,
            (int) Math.min(GuestBuildOptions.DEFAULT_MAX_VALUE_BYTES, ((long) heapMiB << 20) / 32),
            (int) Math.min(GuestBuildOptions.DEFAULT_MAX_RESULT_BYTES, ((long) heapMiB << 20) / 8)),
        TeaVmWasiCompiler.class.getClassLoader());
  }

  /**
   * A compiler with {@code options} that loads the program, the guest runtime and TeaVM's class
   * library through {@code classes} (whose parent must see this library and TeaVM's compiler).
   */
  public TeaVmWasiCompiler(GuestBuildOptions options, ClassLoader classes) {
    this.options = options;
    this.classes = classes;
  }

  /**
   * Compiles {@code mainClass} to {@code output}.
   *
   * @return the path of the generated module
   * @throws GuestCompilationException naming the classes TeaVM cannot compile and what to change
   * @throws IllegalStateException if TeaVM failed without naming a problem (with its log)
   */
  public Path compile(String mainClass, Path output) throws IOException, TeaVMToolException {
    output = output.toAbsolutePath();
    Files.createDirectories(output.getParent());
    CollectingLog log = new CollectingLog();
    TeaVMTool tool = new TeaVMTool();
    tool.setLog(log);
    tool.setClassLoader(classes);
    tool.setTargetType(TeaVMTargetType.WEBASSEMBLY_WASI);
    tool.setMainClass(mainClass);
    tool.getProperties().putAll(options.toProperties());
    tool.setTargetDirectory(output.getParent().toFile());
    tool.setTargetFileName(output.getFileName().toString());
    // FULL inlines so aggressively that the example guest grows from 0.8 MB (ADVANCED) to 2.2 MB.
    tool.setOptimizationLevel(TeaVMOptimizationLevel.ADVANCED);
    // -Dwasmdbms.guest.names=true keeps function names (a "name" section) for profiling: see
    // docs/guest-performance.md. Off by default, as names make the module larger.
    tool.setObfuscated(!Boolean.getBoolean(NAMES_PROPERTY));
    // A fixed heap: TeaVM's GC moves objects, and the guest later needs the space above the heap.
    int heapBytes = options.heapMiB() << 20;
    tool.setMinHeapSize(heapBytes);
    tool.setMaxHeapSize(heapBytes);
    tool.generate();
    if (!tool.getProblemProvider().getSevereProblems().isEmpty()) {
      throw new GuestCompilationException(
          TeaVmProblems.report(tool.getProblemProvider().getSevereProblems()));
    }
    File file = output.toFile();
    if (!file.isFile()) {
      throw new IllegalStateException("TeaVM produced no module; its log:\n" + log.text);
    }
    return output;
  }

  /** Keeps TeaVM's messages so that a failure can show them. */
  private static final class CollectingLog implements TeaVMToolLog {
    private final StringBuilder text = new StringBuilder();

    private void add(String level, String message, Throwable error) {
      text.append(level).append(' ').append(message).append('\n');
      if (error != null) {
        text.append("    ").append(error).append('\n');
      }
    }

    @Override
    public void info(String message) {
      // Progress chatter; kept out of the report.
    }

    @Override
    public void debug(String message) {
      // Progress chatter; kept out of the report.
    }

    @Override
    public void warning(String message) {
      add("WARNING", message, null);
    }

    @Override
    public void error(String message) {
      add("ERROR", message, null);
    }

    @Override
    public void info(String message, Throwable error) {
      // Progress chatter; kept out of the report.
    }

    @Override
    public void debug(String message, Throwable error) {
      // Progress chatter; kept out of the report.
    }

    @Override
    public void warning(String message, Throwable error) {
      add("WARNING", message, error);
    }

    @Override
    public void error(String message, Throwable error) {
      add("ERROR", message, error);
    }
  }
}
