package org.wasmdbms.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.teavm.tooling.TeaVMToolException;
import org.wasmdbms.build.GuestBinding;
import org.wasmdbms.build.GuestBuildOptions;
import org.wasmdbms.build.GuestCompilationException;
import org.wasmdbms.build.GuestModuleBuild;
import org.wasmdbms.build.GuestSchemaClass;

/**
 * Goal {@code wasm-dbms:guest}: compiles the project's schema with the guest runtime into a WASI
 * core module, {@code target/<outputName>.wasm}, attached as the artifact of type {@code wasm};
 * with {@code component} set, also wraps it into a WebAssembly Component, {@code
 * target/<outputName>.component.wasm} (type {@code wasm}, classifier {@code component}), with JS
 * bindings in {@code target/js}. Runs in {@code process-classes}, after javac, so tests in the same
 * project run on the fresh module.
 *
 * <p>The schema is the generated {@code <Schema>Dispatcher} named by {@code schema}, or else a
 * hand-written {@code GuestSchema} named in the project's {@code
 * META-INF/services/org.wasmdbms.guest.GuestSchema}, or else the one dispatcher among the project's
 * own classes. The guest runtime and TeaVM come with the plugin; the project's copies of them are
 * not used. Maven runs one instance per execution; it is not shared between threads.
 */
@Mojo(
    name = "guest",
    defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class GuestMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  private final MavenProjectHelper projectHelper;

  /** The modules' base name: {@code target/<outputName>.wasm} and {@code .component.wasm}. */
  @Parameter(property = "wasm-dbms.outputName", defaultValue = "${project.artifactId}")
  private String outputName;

  /**
   * The generated dispatcher to serve, e.g. {@code com.example.BooksSchemaDispatcher}; unset: the
   * project's services file, or the one dispatcher among its classes.
   */
  @Parameter(property = "wasm-dbms.schema")
  private String schema;

  /** The data file's name in the preopened directory; the journal is this plus {@code -journal}. */
  @Parameter(property = "wasm-dbms.dataFile", defaultValue = GuestBuildOptions.DEFAULT_DATA_FILE)
  private String dataFile;

  /** The guest's fixed Java heap in MiB. */
  @Parameter(property = "wasm-dbms.heapMiB", defaultValue = "" + GuestBuildOptions.DEFAULT_HEAP_MIB)
  private int heapMiB;

  /** The module's memory maximum in 64 KiB pages: the heap plus the buffers above it. */
  @Parameter(
      property = "wasm-dbms.maxPages",
      defaultValue = "" + GuestBuildOptions.DEFAULT_MAX_PAGES)
  private int maxPages;

  /** The largest single text, blob, JSON or filter argument in bytes (4 MiB). */
  @Parameter(
      property = "wasm-dbms.maxValueBytes",
      defaultValue = "" + GuestBuildOptions.DEFAULT_MAX_VALUE_BYTES)
  private int maxValueBytes;

  /** The largest result of one call in bytes (16 MiB). */
  @Parameter(
      property = "wasm-dbms.maxResultBytes",
      defaultValue = "" + GuestBuildOptions.DEFAULT_MAX_RESULT_BYTES)
  private int maxResultBytes;

  /** Whether to build the Component too (needs Node.js 20+ and npm). */
  @Parameter(property = "wasm-dbms.component", defaultValue = "false")
  private boolean component;

  /** The Node.js executable. */
  @Parameter(property = "wasm-dbms.node", defaultValue = "node")
  private String node;

  /** The npm executable. */
  @Parameter(property = "wasm-dbms.npm", defaultValue = "npm")
  private String npm;

  /** Skips the goal. */
  @Parameter(property = "wasm-dbms.skip", defaultValue = "false")
  private boolean skip;

  /** Called by Maven, which injects the parameters afterwards. */
  @Inject
  public GuestMojo(MavenProjectHelper projectHelper) {
    this.projectHelper = projectHelper;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("wasm-dbms:guest skipped");
      return;
    }
    GuestBuildOptions options;
    try {
      options = new GuestBuildOptions(dataFile, heapMiB, maxPages, maxValueBytes, maxResultBytes);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("wasm-dbms:guest: " + e.getMessage());
    }
    Path target = Path.of(project.getBuild().getDirectory());
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    Path work = target.resolve("wasm-dbms");
    Path bound = work.resolve("bound");
    Path wasm = target.resolve(outputName + ".wasm");
    try {
      deleteTree(bound);
      // Before its URL is taken: a URL of a directory that does not exist yet names a jar.
      Files.createDirectories(bound);
      List<URL> path = new ArrayList<>();
      path.add(url(bound.toFile()));
      path.add(url(classes.toFile()));
      path.addAll(dependencies());
      try (URLClassLoader loader =
          new URLClassLoader(path.toArray(new URL[0]), getClass().getClassLoader())) {
        bindSchema(loader, classes, bound);
        long started = System.nanoTime();
        long size = GuestModuleBuild.build(loader, options, work.resolve("teavm"), wasm);
        getLog()
            .info(
                "guest module "
                    + wasm
                    + ": "
                    + size
                    + " bytes in "
                    + (System.nanoTime() - started) / 1_000_000_000
                    + " s (heap "
                    + options.heapMiB()
                    + " MiB, data file "
                    + options.dataFile()
                    + ")");
      }
      projectHelper.attachArtifact(project, "wasm", null, wasm.toFile());
      if (component) {
        Path componentWasm = target.resolve(outputName + ".component.wasm");
        new ComponentBuild(node, npm, work.resolve("jco"), getLog())
            .build(wasm, componentWasm, target.resolve("js"));
        projectHelper.attachArtifact(project, "wasm", "component", componentWasm.toFile());
      }
    } catch (GuestCompilationException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (IOException | TeaVMToolException e) {
      throw new MojoExecutionException("wasm-dbms:guest failed: " + e.getMessage(), e);
    }
  }

  /**
   * Makes sure the guest serves exactly one schema: the named dispatcher, else the project's own
   * services file, else the one dispatcher among its classes (written as a GuestSchema under {@code
   * bound}, which is on {@code loader}'s path).
   */
  private void bindSchema(ClassLoader loader, Path classes, Path bound)
      throws IOException, MojoFailureException {
    String dispatcher = schema;
    if (dispatcher == null || dispatcher.isBlank()) {
      List<String> named = GuestBinding.implementations(loader);
      if (!named.isEmpty()) {
        getLog().info("schema: " + String.join(", ", named) + " (META-INF/services)");
        return;
      }
      List<String> found = GuestSchemaClass.dispatchers(classes);
      if (found.size() != 1) {
        throw new MojoFailureException(
            (found.isEmpty()
                    ? "wasm-dbms:guest found no schema dispatcher in " + classes
                    : "wasm-dbms:guest found several schema dispatchers in "
                        + classes
                        + ": "
                        + found)
                + ". The annotation processor (wasm-dbms-processor) generates one <Schema>Dispatcher"
                + " per @DatabaseSchema; set <schema> to the one the guest serves.");
      }
      dispatcher = found.get(0);
    } else if (loader.getResource(dispatcher.trim().replace('.', '/') + ".class") == null) {
      throw new MojoFailureException(
          "wasm-dbms:guest: schema "
              + dispatcher
              + " is not on the project's class path: name the generated <Schema>Dispatcher");
    }
    getLog().info("schema: " + dispatcher.trim());
    GuestSchemaClass.write(dispatcher.trim(), bound);
  }

  /**
   * The project's compile class path, less what the plugin itself brings (the guest runtime, the
   * engine, TeaVM): those come from the plugin, so a project cannot pair them with other versions.
   */
  private List<URL> dependencies() throws MojoExecutionException {
    Set<String> provided = new HashSet<>();
    for (Artifact artifact : plugin.getArtifacts()) {
      provided.add(artifact.getGroupId() + ':' + artifact.getArtifactId());
    }
    List<URL> urls = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() != null
          && artifact.getArtifactHandler().isAddedToClasspath()
          && !provided.contains(artifact.getGroupId() + ':' + artifact.getArtifactId())) {
        urls.add(url(artifact.getFile()));
      }
    }
    return urls;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }

  private static URL url(File file) throws MojoExecutionException {
    try {
      return file.toURI().toURL();
    } catch (MalformedURLException e) {
      throw new MojoExecutionException("cannot name " + file + " as a URL", e);
    }
  }
}
