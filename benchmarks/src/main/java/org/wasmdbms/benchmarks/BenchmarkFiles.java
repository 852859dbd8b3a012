package org.wasmdbms.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directories for benchmark files, under {@code -Dbench.dir} (default {@code
 * target/bench-files}), so they land on the disk being measured rather than on a memory-backed
 * temporary directory.
 */
public final class BenchmarkFiles {
  private BenchmarkFiles() {}

  /** Creates a fresh directory whose name starts with {@code prefix}. */
  public static Path newDirectory(String prefix) {
    try {
      Path base = Path.of(System.getProperty("bench.dir", "target/bench-files"));
      Files.createDirectories(base);
      return Files.createTempDirectory(base, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes {@code directory} and everything in it. */
  public static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
