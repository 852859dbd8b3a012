package org.wasmdbms.engine.write;

import org.wasmdbms.api.value.Value;

/**
 * The new values of an update, converted to the column types (and, once {@link RowShaper#checked},
 * sanitized and validated): the value for column {@code columns[i]} is {@code values[i]}.
 *
 * @param columns column indexes, each at most once
 * @param values the new values, parallel to {@code columns}
 */
public record Patch(int[] columns, Value[] values) {
  /** A copy of {@code row} with this patch applied. */
  public Value[] applyTo(Value[] row) {
    Value[] updated = row.clone();
    for (int i = 0; i < columns.length; i++) {
      updated[columns[i]] = values[i];
    }
    return updated;
  }

  /** Whether the patch sets column {@code column}. */
  public boolean sets(int column) {
    for (int c : columns) {
      if (c == column) {
        return true;
      }
    }
    return false;
  }
}
