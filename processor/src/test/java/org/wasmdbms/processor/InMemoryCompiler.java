package org.wasmdbms.processor;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in strings with the system compiler and {@link SchemaProcessor},
 * keeping generated sources and class files in memory. Warnings are errors, as in the project
 * build, so generated code must compile cleanly.
 */
final class InMemoryCompiler {
  private InMemoryCompiler() {}

  /**
   * The outcome of one compilation.
   *
   * @param diagnostics everything javac reported
   * @param generated the generated sources by qualified class name
   * @param classes the class files by qualified class name
   * @param loader loads the compiled classes (the test class path is its parent)
   */
  record Result(
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      Map<String, String> generated,
      Map<String, byte[]> classes,
      ClassLoader loader) {
    /** Writes the class files under {@code directory}, as a class-path entry. */
    void writeClasses(Path directory) throws IOException {
      for (Map.Entry<String, byte[]> file : classes.entrySet()) {
        Path path = directory.resolve(file.getKey().replace('.', '/') + ".class");
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
      }
    }

    /** The diagnostics of kind ERROR. */
    List<Diagnostic<? extends JavaFileObject>> errors() {
      List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(d);
        }
      }
      return errors;
    }

    /** Creates an instance of compiled class {@code name} through its no-argument constructor. */
    Object instantiate(String name) throws ReflectiveOperationException {
      return loader.loadClass(name).getDeclaredConstructor().newInstance();
    }
  }

  /** Compiles {@code sources}, given by qualified class name. */
  static Result compile(Map<String, String> sources) {
    return compile(sources, "");
  }

  /**
   * Compiles {@code sources} with {@code extraClassPath} (a path-separator list, or empty) in front
   * of the test class path.
   */
  static Result compile(Map<String, String> sources, String extraClassPath) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, null);
    MemoryFileManager files = new MemoryFileManager(standard);
    List<JavaFileObject> units = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      units.add(new MemoryFile(source.getKey(), JavaFileObject.Kind.SOURCE, source.getValue()));
    }
    List<String> options =
        List.of(
            "--release",
            "17",
            "-Xlint:all,-processing",
            "-Werror",
            "-classpath",
            (extraClassPath.isEmpty() ? "" : extraClassPath + File.pathSeparator)
                + System.getProperty("java.class.path"));
    JavaCompiler.CompilationTask task =
        compiler.getTask(null, files, diagnostics, options, null, units);
    task.setProcessors(List.of(new SchemaProcessor()));
    task.call();
    Map<String, String> generated = new TreeMap<>();
    Map<String, byte[]> classes = new TreeMap<>();
    for (MemoryFile file : files.outputs) {
      if (file.getKind() == JavaFileObject.Kind.SOURCE) {
        generated.put(file.className, file.content());
      } else {
        classes.put(file.className, file.bytes.toByteArray());
      }
    }
    return new Result(
        diagnostics.getDiagnostics(), generated, classes, new MemoryClassLoader(classes));
  }

  /** A source or class file in memory. */
  private static final class MemoryFile extends SimpleJavaFileObject {
    final String className;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MemoryFile(String className, Kind kind, String source) {
      super(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind);
      this.className = className;
      bytes.writeBytes(source.getBytes(StandardCharsets.UTF_8));
    }

    String content() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return content();
    }

    @Override
    public OutputStream openOutputStream() {
      bytes.reset();
      return bytes;
    }
  }

  /** Sends every output (generated sources and classes) to memory. */
  private static final class MemoryFileManager
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    final List<MemoryFile> outputs = new ArrayList<>();

    MemoryFileManager(StandardJavaFileManager standard) {
      super(standard);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        JavaFileManager.Location location,
        String className,
        JavaFileObject.Kind kind,
        FileObject sibling) {
      MemoryFile file = new MemoryFile(className, kind, "");
      outputs.add(file);
      return file;
    }
  }

  /** Defines the compiled classes on demand. */
  private static final class MemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    MemoryClassLoader(Map<String, byte[]> classes) {
      super(InMemoryCompiler.class.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
