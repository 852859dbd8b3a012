package org.wasmdbms.memory.journal;

/** When a {@link JournaledMemoryProvider} syncs its journal, chosen when the database is opened. */
public enum Durability {
  /**
   * Every commit syncs the journal once before it returns: a commit that returned survives a crash
   * and a power loss. The default.
   */
  FULL,

  /**
   * Commits are written to the journal at once but synced only once the sync interval has passed
   * since the last sync (by the first commit after it, or by a background thread that calls {@link
   * JournaledMemoryProvider#syncCommits()}), at checkpoints, at {@link
   * JournaledMemoryProvider#sync()} and at close. A power loss or a crash of the machine then loses
   * at most the commits of the last interval, never part of a commit: what survives is a prefix of
   * the commits. Like SQLite's {@code synchronous=NORMAL}.
   */
  RELAXED;

  /**
   * The mode named {@code name} ({@code full} or {@code relaxed}, any case), or null for anything
   * else.
   */
  public static Durability named(String name) {
    if (name == null) {
      return null;
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.equals("full") ? FULL : lower.equals("relaxed") ? RELAXED : null;
  }
}
