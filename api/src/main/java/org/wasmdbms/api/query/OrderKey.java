package org.wasmdbms.api.query;

import java.util.Objects;

/**
 * One key of an ORDER BY: a column and a direction, compared with {@link
 * org.wasmdbms.api.value.Values#compare}.
 *
 * @param column the column name
 * @param direction the sort direction
 */
public record OrderKey(String column, OrderDirection direction) {
  /** Creates the key; both parts are required. */
  public OrderKey {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(direction, "direction");
  }
}
