package org.wasmdbms.memory.journal;

import java.util.function.LongSupplier;
import org.wasmdbms.api.error.MemoryException;

/**
 * How a {@link JournaledMemoryProvider} syncs and checkpoints. Immutable and thread-safe.
 *
 * @param durability when commits are synced
 * @param syncIntervalMillis in {@link Durability#RELAXED relaxed} mode, the longest time a commit
 *     stays unsynced (given a commit or a background {@link JournaledMemoryProvider#syncCommits()}
 *     after it); at least 1
 * @param clock milliseconds of a clock, read in relaxed mode only; {@link
 *     JournaledMemoryProvider#open(org.wasmdbms.memory.MemoryProvider,
 *     org.wasmdbms.memory.MemoryProvider, JournalOptions) open} refuses relaxed mode without one
 * @param checkpointBytes the most the journal's log may hold (commit records plus the pages a
 *     checkpoint will copy) before a commit is followed by a checkpoint; the actual threshold
 *     scales with the data file: see {@link JournaledMemoryProvider#checkpointThreshold(long,
 *     long)}
 */
public record JournalOptions(
    Durability durability, long syncIntervalMillis, LongSupplier clock, long checkpointBytes) {
  /** The default sync interval of relaxed mode: 100 ms. */
  public static final long DEFAULT_SYNC_INTERVAL_MILLIS = 100;

  /** Full durability, the default checkpoint threshold. */
  public static final JournalOptions DEFAULT =
      new JournalOptions(
          Durability.FULL,
          DEFAULT_SYNC_INTERVAL_MILLIS,
          null,
          JournaledMemoryProvider.DEFAULT_CHECKPOINT_BYTES);

  /**
   * @throws MemoryException if a value is out of range
   */
  public JournalOptions {
    if (durability == null) {
      throw new MemoryException("journal options need a durability mode");
    }
    if (syncIntervalMillis < 1) {
      throw new MemoryException("sync interval must be at least 1 ms: " + syncIntervalMillis);
    }
    if (checkpointBytes < 0) {
      throw new MemoryException("negative checkpoint threshold: " + checkpointBytes);
    }
  }

  /** These options with durability {@code mode}. */
  public JournalOptions withDurability(Durability mode) {
    return new JournalOptions(mode, syncIntervalMillis, clock, checkpointBytes);
  }

  /** These options with the given sync interval (relaxed mode). */
  public JournalOptions withSyncIntervalMillis(long millis) {
    return new JournalOptions(durability, millis, clock, checkpointBytes);
  }

  /** These options with the given clock (milliseconds). */
  public JournalOptions withClock(LongSupplier millis) {
    return new JournalOptions(durability, syncIntervalMillis, millis, checkpointBytes);
  }

  /** These options with the given checkpoint threshold. */
  public JournalOptions withCheckpointBytes(long bytes) {
    return new JournalOptions(durability, syncIntervalMillis, clock, bytes);
  }
}
