package org.wasmdbms.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Wraps a guest core module into a WebAssembly Component with jco, as the project's {@code
 * component} module does: installs the pinned jco from npm ({@code npm ci} on the lockfile the
 * plugin carries) into a work directory, then runs {@code build-component.mjs} (embed {@code
 * wit/dbms.wit}, {@code jco new --wasi-reactor}, {@code jco transpile}). Node and npm run with
 * colours and npm's notices off and only errors logged, so a redirected build log stays plain text.
 * Not thread-safe: one build at a time per work directory.
 */
final class ComponentBuild {
  /** The oldest Node.js the pinned jco runs on. */
  static final int NODE_MAJOR = 20;

  private static final String RESOURCES = "/org/wasmdbms/maven/jco/";
  private static final String[] FILES = {
    "package.json", "package-lock.json", "scripts/build-component.mjs", "dbms.wit"
  };
  private static final long TIMEOUT_MINUTES = 15;

  private final String node;
  private final String npm;
  private final Path work;
  private final Log log;

  ComponentBuild(String node, String npm, Path work, Log log) {
    this.node = node;
    this.npm = npm;
    this.work = work;
    this.log = log;
  }

  /**
   * Builds {@code component} from {@code core} and writes its JS bindings to {@code bindings}.
   *
   * @throws MojoFailureException if Node or npm is missing or too old, or jco fails
   */
  void build(Path core, Path component, Path bindings)
      throws IOException, MojoExecutionException, MojoFailureException {
    checkNode();
    boolean changed = unpack();
    if (changed || !Files.isDirectory(work.resolve("node_modules/@bytecodealliance/jco"))) {
      run(
          List.of(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"),
          "npm (needed to install jco for the Component build)");
    }
    run(
        List.of(
            node,
            "scripts/build-component.mjs",
            core.toAbsolutePath().toString(),
            "dbms.wit",
            "dbms",
            component.toAbsolutePath().toString(),
            bindings.toAbsolutePath().toString()),
        "node");
  }

  /** Fails clearly unless {@code node --version} answers {@value #NODE_MAJOR} or newer. */
  private void checkNode() throws MojoExecutionException, MojoFailureException {
    String version = run(List.of(node, "--version"), "Node.js").trim();
    int major;
    try {
      major = Integer.parseInt(version.replaceFirst("^v", "").replaceFirst("\\..*", ""));
    } catch (NumberFormatException e) {
      throw new MojoFailureException("cannot read the Node.js version \"" + version + "\"");
    }
    if (major < NODE_MAJOR) {
      throw new MojoFailureException(
          "the Component build needs Node.js "
              + NODE_MAJOR
              + " or newer, but "
              + node
              + " is "
              + version
              + ": install Node.js "
              + NODE_MAJOR
              + "+ or set <component>false</component>");
    }
  }

  /** Copies the plugin's jco files into the work directory; true if any differed. */
  private boolean unpack() throws IOException {
    boolean changed = false;
    for (String name : FILES) {
      byte[] bytes;
      try (InputStream in = ComponentBuild.class.getResourceAsStream(RESOURCES + name)) {
        if (in == null) {
          throw new IOException("the plugin lacks its resource " + name);
        }
        bytes = in.readAllBytes();
      }
      Path file = work.resolve(name);
      if (!Files.isRegularFile(file) || !java.util.Arrays.equals(bytes, Files.readAllBytes(file))) {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "jco", ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Runs {@code command} in the work directory and returns its output, logged line by line.
   *
   * @throws MojoFailureException if the program is missing (saying so) or exits non-zero
   */
  private String run(List<String> command, String what)
      throws MojoExecutionException, MojoFailureException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
    builder.directory(work.toFile());
    builder.redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("NO_COLOR", "1");
    env.put("FORCE_COLOR", "0");
    env.put("npm_config_color", "false");
    env.put("npm_config_update_notifier", "false");
    env.put("npm_config_fund", "false");
    env.put("npm_config_audit", "false");
    Process process;
    try {
      Files.createDirectories(work);
      process = builder.start();
    } catch (IOException e) {
      throw new MojoFailureException(
          "the Component build needs Node.js "
              + NODE_MAJOR
              + "+ and npm on the PATH, but "
              + command.get(0)
              + " could not be run ("
              + e.getMessage()
              + "): install "
              + what
              + ", or set <component>false</component> to build only the core module");
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new MojoExecutionException(String.join(" ", command) + " did not finish");
      }
      for (String line : output.split("\n")) {
        if (!line.isBlank()) {
          log.info(line);
        }
      }
      if (process.exitValue() != 0) {
        throw new MojoFailureException(
            String.join(" ", command)
                + " failed with exit code "
                + process.exitValue()
                + ":\n"
                + output);
      }
      return output;
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read the output of " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new MojoExecutionException(String.join(" ", command) + " was interrupted", e);
    }
  }
}
