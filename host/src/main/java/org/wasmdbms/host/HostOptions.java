package org.wasmdbms.host;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link DbmsHost} runs its guest.
 *
 * @param directory the host directory the guest sees as {@code /} (where its database file lives),
 *     or null for none; it must exist, and the guest can reach nothing outside it and follow no
 *     symbolic link in it ({@link org.wasmdbms.host.sandbox.SandboxedWasi})
 * @param stdout where the guest's standard output goes
 * @param stderr where the guest's standard error goes
 */
public record HostOptions(Path directory, OutputStream stdout, OutputStream stderr) {
  /** Checks that both streams are given. */
  public HostOptions {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** The guest sees {@code directory} as {@code /}; its output goes to this process's streams. */
  public static HostOptions withDirectory(Path directory) {
    return new HostOptions(Objects.requireNonNull(directory, "directory"), System.out, System.err);
  }
}
