package org.wasmdbms.engine.query;

import java.util.Comparator;
import java.util.List;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * Builds the row comparator of an ORDER BY: keys in order of significance, each compared with
 * {@link Values#compare} (nulls first), reversed for descending keys (so nulls come last there),
 * then the primary key ascending.
 */
public final class RowOrder {
  private RowOrder() {}

  /**
   * The comparator for {@code keys} on {@code table}, with ascending primary key as the last key,
   * so rows that tie on every key come in the same order whichever way they were read.
   *
   * @throws UnknownColumnException for a key naming a column the table lacks
   */
  public static Comparator<Value[]> of(List<OrderKey> keys, TableDef table) {
    int pk = table.primaryKeyIndex();
    Comparator<Value[]> byPrimaryKey = (a, b) -> Values.compare(a[pk], b[pk]);
    Comparator<Value[]> order = keys(keys, ColumnScope.of(table));
    return order == null ? byPrimaryKey : order.thenComparing(byPrimaryKey);
  }

  /**
   * The comparator of {@code keys} alone on the columns of {@code scope}, or null for no keys.
   *
   * @throws UnknownColumnException for a key naming no column of the scope
   */
  public static Comparator<Value[]> keys(List<OrderKey> keys, ColumnScope scope) {
    Comparator<Value[]> order = null;
    for (OrderKey key : keys) {
      int column = scope.require(key.column());
      Comparator<Value[]> byColumn = (a, b) -> Values.compare(a[column], b[column]);
      if (key.direction() == OrderDirection.DESCENDING) {
        byColumn = byColumn.reversed();
      }
      order = order == null ? byColumn : order.thenComparing(byColumn);
    }
    return order;
  }
}
