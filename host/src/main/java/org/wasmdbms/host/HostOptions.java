package org.wasmdbms.host;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link DbmsHost} runs its guest. Immutable and thread-safe.
 *
 * @param directory the host directory the guest sees as {@code /} (where its database file lives),
 *     or null for none; it must exist, and the guest can reach nothing outside it and follow no
 *     symbolic link in it ({@link org.wasmdbms.host.sandbox.SandboxedWasi})
 * @param stdout where the guest's standard output goes
 * @param stderr where the guest's standard error goes
 * @param durability the guest's durability mode, {@value #FULL} or {@value #RELAXED}, passed to it
 *     as the WASI environment variable {@value #DURABILITY_VARIABLE} (see {@code
 *     docs/durability.md}): full syncs every commit, relaxed syncs at the first commit after 100 ms
 *     and at checkpoints, losing at most that interval's commits (a prefix) in a power loss
 */
public record HostOptions(
    Path directory, OutputStream stdout, OutputStream stderr, String durability) {
  /** The WASI environment variable the guest reads its durability mode from. */
  public static final String DURABILITY_VARIABLE = "WASM_DBMS_DURABILITY";

  /** Full durability: every commit is synced before it returns. The default. */
  public static final String FULL = "full";

  /** Relaxed durability, like SQLite's {@code synchronous=NORMAL}. */
  public static final String RELAXED = "relaxed";

  /**
   * Checks that both streams are given and the durability mode is known.
   *
   * @throws IllegalArgumentException if {@code durability} is neither {@value #FULL} nor {@value
   *     #RELAXED}
   */
  public HostOptions {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    if (!FULL.equals(durability) && !RELAXED.equals(durability)) {
      throw new IllegalArgumentException(
          "durability must be \"full\" or \"relaxed\", not " + durability);
    }
  }

  /** Options of full durability. */
  public HostOptions(Path directory, OutputStream stdout, OutputStream stderr) {
    this(directory, stdout, stderr, FULL);
  }

  /** The guest sees {@code directory} as {@code /}; its output goes to this process's streams. */
  public static HostOptions withDirectory(Path directory) {
    return new HostOptions(Objects.requireNonNull(directory, "directory"), System.out, System.err);
  }

  /**
   * These options with durability mode {@code mode} ({@value #FULL} or {@value #RELAXED}).
   *
   * @throws IllegalArgumentException if the mode is unknown
   */
  public HostOptions withDurability(String mode) {
    return new HostOptions(directory, stdout, stderr, mode);
  }
}
