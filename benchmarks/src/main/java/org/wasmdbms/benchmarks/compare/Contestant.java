package org.wasmdbms.benchmarks.compare;

import java.nio.file.Path;
import java.util.List;
import org.wasmdbms.memory.journal.Durability;
import org.wasmdbms.memory.journal.JournalOptions;

/**
 * The databases measured side by side, each with the durability it offers as configured here. Every
 * contestant is compared with SQLite (xerial) on the same kind of {@link Storage}.
 */
public enum Contestant {
  /** This engine on the JVM, pages on the heap. */
  ENGINE_HEAP(
      "engine-heap",
      "this engine, heap",
      Storage.MEMORY,
      "none: pages live on the Java heap and are gone when the process ends") {
    @Override
    UsersDatabase open(Path directory, boolean durableCommits) {
      return EngineUsersDatabase.onHeap();
    }
  },
  /** This engine on the JVM, a journaled data file. */
  ENGINE_FILE(
      "engine-file",
      "this engine, file",
      Storage.FILE,
      "every write outside a transaction and every commit is synced (one journal fsync) before it"
          + " returns") {
    @Override
    UsersDatabase open(Path directory, boolean durableCommits) {
      return EngineUsersDatabase.onFile(directory, JournalOptions.DEFAULT);
    }
  },
  /** The example guest run by the Java host, compiled ahead of time. */
  GUEST(
      "guest",
      "the guest (wasm, Java host)",
      Storage.FILE,
      "as engine-file (same journal, same file format): each commit ends with WASI fd_sync,"
          + " which Chicory's WASI runs as FileChannel.force") {
    @Override
    UsersDatabase open(Path directory, boolean durableCommits) {
      return new GuestUsersDatabase(directory);
    }
  },
  /** This engine on the JVM, a journaled data file in relaxed durability. */
  ENGINE_FILE_RELAXED(
      "engine-file-relaxed",
      "this engine, file, relaxed",
      Storage.FILE,
      "relaxed durability (like SQLite's synchronous=NORMAL): a commit is written to the journal"
          + " at once and synced within 100 ms by a background thread, at checkpoints and at"
          + " close; a power loss keeps a prefix of the commits") {
    @Override
    UsersDatabase open(Path directory, boolean durableCommits) {
      return EngineUsersDatabase.onFile(
          directory, JournalOptions.DEFAULT.withDurability(Durability.RELAXED));
    }
  },
  /** H2 in memory. */
  H2_MEMORY(
      "h2-memory",
      "H2, memory",
      Storage.MEMORY,
      "none: a private in-memory database" + H2Settings.NO_REUSE) {
    @Override
    UsersDatabase open(Path directory, boolean durableCommits) {
      return new JdbcUsersDatabase("jdbc:h2:mem:" + H2Settings.URL, "org.h2", List.of());
    }
  },
  /** H2 on a file. */
  H2_FILE(
      "h2-file",
      "H2, file",
      Storage.FILE,
      "H2 defaults (MVStore): a commit is written to the file by a background writer and never"
          + " fsynced on its own, so the last commits can be lost on a power failure"
          + H2Settings.NO_REUSE) {
    @Override
    UsersDatabase open(Path directory, boolean durableCommits) {
      String file = directory.resolve("bench").toAbsolutePath().toString();
      return new JdbcUsersDatabase("jdbc:h2:file:" + file + H2Settings.URL, "org.h2", List.of());
    }
  },
  /** SQLite through the xerial driver (native SQLite), in memory. */
  SQLITE_MEMORY(
      "sqlite-memory", "SQLite (xerial), memory", Storage.MEMORY, "none: a :memory: database") {
    @Override
    UsersDatabase open(Path directory, boolean durableCommits) {
      return new JdbcUsersDatabase("jdbc:sqlite::memory:", XERIAL, List.of());
    }
  },
  /** SQLite through the xerial driver, a file in WAL mode. */
  SQLITE_FILE(
      "sqlite-file",
      "SQLite (xerial), file",
      Storage.FILE,
      "WAL journal; synchronous=NORMAL (a commit is not fsynced, the WAL is synced at"
          + " checkpoints: consistent after a crash, the last commits may be lost), except in the"
          + " durable-commit workload: synchronous=FULL (the WAL is fsynced at every commit)") {
    @Override
    UsersDatabase open(Path directory, boolean durableCommits) {
      String synchronous = durableCommits ? "FULL" : "NORMAL";
      JdbcUsersDatabase db =
          new JdbcUsersDatabase(
              "jdbc:sqlite:" + directory.resolve("bench.sqlite").toAbsolutePath(),
              XERIAL,
              List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=" + synchronous));
      requireSetting(db, "PRAGMA journal_mode", "wal");
      requireSetting(db, "PRAGMA synchronous", durableCommits ? "2" : "1");
      return db;
    }
  },
  /**
   * sqlite4j: SQLite compiled to WebAssembly and run by Chicory (compiled to JVM bytecode ahead of
   * time). Its Chicory is older than the host's, so it runs from the {@code benchmarks-sqlite4j}
   * module's class path, where {@code jdbc:sqlite:} is served by sqlite4j instead of xerial.
   */
  SQLITE4J(
      "sqlite4j",
      "sqlite4j (SQLite in wasm, Chicory)",
      Storage.MEMORY,
      "none: a :memory: database (sqlite4j keeps even its files in an in-memory file system)") {
    @Override
    UsersDatabase open(Path directory, boolean durableCommits) {
      return new JdbcUsersDatabase("jdbc:sqlite::memory:", "io.roastedroot.sqlite4j", List.of());
    }
  };

  /** Where a contestant keeps its data. */
  public enum Storage {
    /** In the process's memory: nothing survives it. */
    MEMORY,
    /** In files on the disk. */
    FILE
  }

  private static final String XERIAL = "org.sqlite";

  /**
   * H2 by default hands back the cached result of a query repeated with identical SQL and
   * parameters while no table changed ({@code OPTIMIZE_REUSE_RESULTS}); a benchmark repeats its
   * query, so H2 would measure a cache lookup. Every H2 contestant runs with it off. (A holder
   * class, since enum constants cannot read the enum's own static fields.)
   */
  private static final class H2Settings {
    static final String URL = ";OPTIMIZE_REUSE_RESULTS=FALSE";
    static final String NO_REUSE =
        "; run with OPTIMIZE_REUSE_RESULTS=FALSE, so a repeated query is executed again instead"
            + " of answered from H2's result cache";
  }

  private final String id;
  private final String label;
  private final Storage storage;
  private final String durability;

  Contestant(String id, String label, Storage storage, String durability) {
    this.id = id;
    this.label = label;
    this.storage = storage;
    this.durability = durability;
  }

  /**
   * Opens a fresh, empty database with the workloads' tables.
   *
   * @param directory an empty directory for its files (unused in memory)
   * @param durableCommits whether the durable-commit workload runs, for contestants whose
   *     durability is a setting
   */
  abstract UsersDatabase open(Path directory, boolean durableCommits);

  private static void requireSetting(JdbcUsersDatabase db, String pragma, String expected) {
    String actual = db.queryOne(pragma);
    if (!expected.equalsIgnoreCase(actual)) {
      db.close();
      throw new IllegalStateException(pragma + " is " + actual + ", expected " + expected);
    }
  }

  /** The short name used in parameters and result files, for example {@code engine-heap}. */
  public String id() {
    return id;
  }

  /** The name shown in tables. */
  public String label() {
    return label;
  }

  /** Where it keeps its data. */
  public Storage storage() {
    return storage;
  }

  /** What a commit guarantees, as configured here. */
  public String durability() {
    return durability;
  }

  /** The reference of the same storage kind: SQLite through xerial. */
  public Contestant reference() {
    return storage == Storage.MEMORY ? SQLITE_MEMORY : SQLITE_FILE;
  }

  /**
   * The contestant called {@code id}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static Contestant byId(String id) {
    for (Contestant contestant : values()) {
      if (contestant.id.equals(id)) {
        return contestant;
      }
    }
    throw new IllegalArgumentException("no contestant " + id);
  }
}
