package org.wasmdbms.api.migration;

import java.util.List;

/**
 * A declared secondary index as a migration sees it (WIT record {@code index-snapshot}): its
 * columns in key order and whether it is unique. Its name is not part of it, so renaming an index
 * is no step.
 *
 * @param columns the indexed column names (unmodifiable copy)
 * @param unique whether keys without nulls are unique
 */
public record IndexSnapshot(List<String> columns, boolean unique) {
  /** Creates the snapshot. */
  public IndexSnapshot {
    columns = List.copyOf(columns);
  }
}
