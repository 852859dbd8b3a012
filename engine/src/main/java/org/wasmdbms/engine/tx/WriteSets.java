package org.wasmdbms.engine.tx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.data.ValueKey;

/**
 * The rows each commit changed, kept while a snapshot transaction older than the commit is open:
 * what first-committer-wins checks a snapshot transaction's own changes against. A row is named by
 * its table and primary key ({@link RowKey}); an insert, an update (old and new key) and a delete
 * all name the rows they touch. Not thread-safe: the database's writer gate guards it.
 */
public final class WriteSets {
  /** A row: its table and primary key. */
  public record RowKey(String table, ValueKey key) {
    /** The key of the row of {@code table} whose primary key is {@code primaryKey}. */
    public static RowKey of(String table, Value primaryKey) {
      return new RowKey(table, ValueKey.of(primaryKey));
    }
  }

  private record Entry(long version, Set<RowKey> rows) {}

  private final ArrayList<Entry> entries = new ArrayList<>();

  /** A fresh set to record the rows of one commit or transaction in. */
  public static Set<RowKey> newSet() {
    return new HashSet<>();
  }

  /** Keeps the rows commit {@code version} changed. */
  public void add(long version, Set<RowKey> rows) {
    if (!rows.isEmpty()) {
      entries.add(new Entry(version, rows));
    }
  }

  /** The first row of {@code own} that a commit after {@code version} changed as well, or null. */
  public RowKey conflict(long version, Set<RowKey> own) {
    for (Entry entry : entries) {
      if (entry.version() <= version) {
        continue;
      }
      Set<RowKey> smaller = entry.rows().size() < own.size() ? entry.rows() : own;
      Set<RowKey> larger = smaller == own ? entry.rows() : own;
      for (RowKey row : smaller) {
        if (larger.contains(row)) {
          return row;
        }
      }
    }
    return null;
  }

  /** Forgets the commits up to {@code version}: no open snapshot is older. */
  public void forgetThrough(long version) {
    entries.removeIf(entry -> entry.version() <= version);
  }
}
