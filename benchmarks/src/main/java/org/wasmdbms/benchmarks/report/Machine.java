package org.wasmdbms.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured: what the report states so that its figures can be compared with
 * another run's.
 *
 * @param cpu the CPU model
 * @param cores the processors the JVM sees
 * @param memory the installed memory, for example {@code "24 GiB"}, or {@code "unknown"}
 * @param os the operating system, version and architecture
 * @param jdk the Java runtime
 */
public record Machine(String cpu, int cores, String memory, String os, String jdk) {
  /** This machine, from {@code /proc} (Linux) and the JVM's system properties. */
  public static Machine current() {
    String cpu = procField("/proc/cpuinfo", "model name");
    String memTotal = procField("/proc/meminfo", "MemTotal");
    String memory = "unknown";
    if (memTotal != null && memTotal.endsWith(" kB")) {
      long kib = Long.parseLong(memTotal.substring(0, memTotal.length() - 3).trim());
      memory = Math.round(kib / (1024.0 * 1024.0)) + " GiB";
    }
    return new Machine(
        cpu == null ? System.getProperty("os.arch") : cpu,
        Runtime.getRuntime().availableProcessors(),
        memory,
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
  }

  /** The value of the first {@code name: value} line of a {@code /proc} file, or null. */
  private static String procField(String file, String name) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
