package org.wasmdbms.api.query;

import java.util.Objects;

/**
 * A join of the queried table with another: rows pair up where {@code leftColumn} (of the rows
 * joined so far) equals {@code rightColumn} (of {@code table}). Column names may be qualified as
 * {@code table.column}; resolving them is the engine's job.
 *
 * @param type how unmatched rows are kept
 * @param table the table joined in
 * @param leftColumn the column on the left side
 * @param rightColumn the column of {@code table}
 */
public record Join(JoinType type, String table, String leftColumn, String rightColumn) {
  /** Creates the join; every part is required. */
  public Join {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(leftColumn, "leftColumn");
    Objects.requireNonNull(rightColumn, "rightColumn");
  }
}
