package org.wasmdbms.api.row;

import java.util.Objects;
import org.wasmdbms.api.value.Value;

/**
 * One named value of a row: the WIT {@code column-value} record.
 *
 * @param name the column name, never null
 * @param value the value, never null ({@link org.wasmdbms.api.value.NullValue} for SQL null)
 */
public record ColumnValue(String name, Value value) {
  /** Checks that neither part is null. */
  public ColumnValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
