package org.wasmdbms.file;

import java.nio.file.Path;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.CachedMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.journal.Durability;
import org.wasmdbms.memory.journal.JournalOptions;
import org.wasmdbms.memory.journal.JournaledMemoryProvider;

/**
 * Opens a crash-safe database on the JVM from one path: the data file {@code <name>} and its
 * journal {@code <name>-journal} in the same directory, combined into a {@link
 * JournaledMemoryProvider}. Pass the result to {@code Database.open}.
 *
 * <p>Both files are locked exclusively while open, so a second opener, in this JVM or in another
 * process, fails with {@link MemoryException} "database is locked". The data file is locked first;
 * the journal's lock therefore never belongs to anyone but the data file's holder. Opening runs
 * recovery: commits the journal holds are written to the data file. The journal must stay beside
 * its data file; deleting it after a crash loses the commits it held.
 *
 * <p>Reads of the data file come from a read-only memory mapping of its first {@code mapBytes}
 * bytes ({@link MappedFileMemoryProvider}; {@link #DEFAULT_MAP_BYTES} by default), so once the
 * operating system holds the file in its page cache a read costs what a read from the heap costs.
 * Past that size, and for the journal, reads go through a bounded page cache ({@link
 * #DATA_CACHE_PAGES}, {@link #JOURNAL_CACHE_PAGES}). Writes go straight to the files, and the
 * journal above keeps every uncommitted byte out of the data file, so the mapping only ever shows
 * committed, checkpointed pages (each checked against its checksum on its first read).
 *
 * <p>Thread-safe: it holds no state, and the provider it returns (journal, caches and files) is
 * thread-safe and survives interrupts of the threads that call it (see {@link FileMemoryProvider}).
 */
public final class DatabaseFiles {
  /** What is appended to the data file's name to name its journal. */
  public static final String JOURNAL_SUFFIX = "-journal";

  /**
   * How much of the data file is mapped by default: 64 GiB of address space, which a 64-bit JVM has
   * plenty of (128 TiB on x86-64 Linux); only the pages read become resident, and they belong to
   * the operating system's page cache. See {@link MappedFileMemoryProvider} for what mapping costs.
   */
  public static final long DEFAULT_MAP_BYTES = 64L << 30;

  /**
   * Pages of the data file past the mapped part kept in memory for reads (16 MiB); see {@link
   * CachedMemoryProvider}.
   */
  public static final int DATA_CACHE_PAGES = 256;

  /**
   * Pages of the journal kept in memory for reads (8 MiB). Since journal format 2 the journal is
   * read only by recovery when opening (committed pages wait in memory for the checkpoint), so this
   * cache mostly serves that one pass.
   */
  public static final int JOURNAL_CACHE_PAGES = 128;

  private DatabaseFiles() {}

  /** The journal path of the database whose data file is {@code dataFile}. */
  public static Path journalPath(Path dataFile) {
    return dataFile.resolveSibling(dataFile.getFileName() + JOURNAL_SUFFIX);
  }

  /**
   * Opens (creating if needed) the database at {@code dataFile} with the default checkpoint
   * threshold.
   *
   * @throws MemoryException if a file cannot be opened or is locked, or recovery finds damage
   */
  public static MemoryProvider open(Path dataFile) {
    return open(dataFile, JournaledMemoryProvider.DEFAULT_CHECKPOINT_BYTES);
  }

  /**
   * Opens (creating if needed) the database at {@code dataFile}; a commit that leaves more than
   * {@code checkpointBytes} in the journal log is followed by a checkpoint.
   *
   * @throws MemoryException if a file cannot be opened or is locked, or recovery finds damage
   */
  public static MemoryProvider open(Path dataFile, long checkpointBytes) {
    return open(dataFile, checkpointBytes, DEFAULT_MAP_BYTES);
  }

  /**
   * Opens (creating if needed) the database at {@code dataFile} like {@link #open(Path, long)},
   * mapping at most {@code mapBytes} bytes of the data file for reads (rounded down to whole pages;
   * 0 reads all of it through the {@link #DATA_CACHE_PAGES} page cache instead).
   *
   * @throws MemoryException if {@code mapBytes} or {@code checkpointBytes} is negative, a file
   *     cannot be opened or is locked, or recovery finds damage
   */
  public static MemoryProvider open(Path dataFile, long checkpointBytes, long mapBytes) {
    return open(dataFile, JournalOptions.DEFAULT.withCheckpointBytes(checkpointBytes), mapBytes);
  }

  /**
   * Opens (creating if needed) the database at {@code dataFile} with {@code options}, the data file
   * mapped up to {@link #DEFAULT_MAP_BYTES}. In {@link Durability#RELAXED relaxed} durability a
   * daemon thread syncs the journal whenever a commit has waited the sync interval, so a commit
   * stays unsynced at most about that long even when no further commit comes; the thread ends when
   * the provider is closed. A relaxed {@code options} without a clock gets {@link
   * System#currentTimeMillis()}.
   *
   * @throws MemoryException if a file cannot be opened or is locked, or recovery finds damage
   */
  public static MemoryProvider open(Path dataFile, JournalOptions options) {
    return open(dataFile, options, DEFAULT_MAP_BYTES);
  }

  /**
   * Opens (creating if needed) the database at {@code dataFile} with {@code options} (see {@link
   * #open(Path, JournalOptions)}), mapping at most {@code mapBytes} bytes of the data file (see
   * {@link #open(Path, long, long)}).
   *
   * @throws MemoryException if {@code mapBytes} is negative, a file cannot be opened or is locked,
   *     or recovery finds damage
   */
  public static MemoryProvider open(Path dataFile, JournalOptions options, long mapBytes) {
    if (mapBytes < 0) {
      throw new MemoryException("negative mapping size: " + mapBytes);
    }
    JournalOptions effective = options;
    if (options.durability() == Durability.RELAXED && options.clock() == null) {
      effective = options.withClock(System::currentTimeMillis);
    }
    FileMemoryProvider data = FileMemoryProvider.openCuttingTornTail(dataFile);
    FileMemoryProvider journal;
    try {
      journal = FileMemoryProvider.openCuttingTornTail(journalPath(dataFile));
    } catch (MemoryException e) {
      data.close();
      throw e;
    }
    JournaledMemoryProvider provider =
        JournaledMemoryProvider.open(
            new MappedFileMemoryProvider(data, mapBytes, DATA_CACHE_PAGES),
            new CachedMemoryProvider(journal, JOURNAL_CACHE_PAGES),
            effective);
    if (effective.durability() == Durability.RELAXED) {
      startSyncer(provider, effective.syncIntervalMillis(), dataFile);
    }
    return provider;
  }

  /** Starts the daemon thread that syncs the relaxed commits of {@code provider} in time. */
  private static void startSyncer(
      JournaledMemoryProvider provider, long intervalMillis, Path file) {
    Thread syncer =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(Math.max(1, intervalMillis / 2));
                  if (provider.syncDue()) {
                    provider.syncCommits();
                  }
                } catch (InterruptedException | MemoryException e) {
                  // Closed (or failed, which every later call reports): nothing left to sync.
                  return;
                }
              }
            },
            "wasm-dbms relaxed sync " + file.getFileName());
    syncer.setDaemon(true);
    syncer.start();
  }
}
