package org.wasmdbms.engine.data;

import java.util.List;

/**
 * An index the planner may read: the primary-key tree, the tree of a unique column, or a secondary
 * (declared or created) index over one or more columns.
 *
 * <p>Every index orders rows by the {@code KeyEncoding} of its column values, rows with equal keys
 * in ascending primary-key order. Primary-key and secondary indexes hold every row; a unique
 * column's tree holds only rows whose value is not null ({@link #holdsNulls()} is false), so it can
 * serve a filter, which never matches null, but not an ordering.
 *
 * @param name the index name as explain shows it
 * @param columns the indexed column positions, most significant first
 * @param unique whether two rows may not share a key (keys with a null part are exempt)
 * @param kind which structure holds the index
 */
public record IndexInfo(String name, List<Integer> columns, boolean unique, Kind kind) {
  /** The structures an index can live in. */
  public enum Kind {
    /** The primary-key tree. */
    PRIMARY_KEY,
    /** The tree of a column declared unique. */
    UNIQUE_COLUMN,
    /** A secondary index, declared in the table definition or created later. */
    SECONDARY
  }

  /** Copies the column list. */
  public IndexInfo {
    columns = List.copyOf(columns);
  }

  /** Whether rows whose indexed value is null are in the index. */
  public boolean holdsNulls() {
    return kind != Kind.UNIQUE_COLUMN;
  }
}
