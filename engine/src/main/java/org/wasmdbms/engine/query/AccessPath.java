package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.data.TableData;

/**
 * How a select reaches its candidate rows: a B+ tree lookup on the primary key or a unique column,
 * or a full scan. The filter is still applied to every candidate, so a path only has to yield a
 * superset of the matching rows; every path yields rows in primary-key order.
 */
public sealed interface AccessPath {
  /** The candidate rows, read lazily. */
  Iterator<Value[]> rows(TableData data);

  /** A one-line description of the path, for explain output and tests. */
  String describe();

  /**
   * Picks the path for {@code filter} on {@code table}: an {@code Eq} or {@code In} on the primary
   * key (at the top level or inside a top-level {@code And}) wins, then one on a unique column,
   * else a full scan.
   */
  static AccessPath plan(BoundFilter filter, TableDef table) {
    List<BoundFilter> conjuncts =
        filter instanceof BoundFilter.And and ? and.operands() : List.of(filter);
    AccessPath unique = null;
    for (BoundFilter conjunct : conjuncts) {
      int column = pointColumn(conjunct);
      if (column < 0) {
        continue;
      }
      ColumnDef def = table.columns().get(column);
      if (def.primaryKey()) {
        return new KeyLookup(column, true, pointValues(conjunct));
      }
      if (def.unique() && unique == null) {
        unique = new KeyLookup(column, false, pointValues(conjunct));
      }
    }
    return unique != null ? unique : new FullScan();
  }

  private static int pointColumn(BoundFilter filter) {
    if (filter instanceof BoundFilter.Compare c && c.op() == BoundFilter.Op.EQ) {
      return c.column();
    }
    // An In that matches null is no point filter: nulls are not in the trees.
    return filter instanceof BoundFilter.In in && !in.matchesNull() ? in.column() : -1;
  }

  /** The distinct non-null values a point filter names, in ascending order. */
  private static List<Value> pointValues(BoundFilter filter) {
    List<Value> values = new ArrayList<>();
    if (filter instanceof BoundFilter.Compare c) {
      values.add(c.value());
    } else {
      values.addAll(((BoundFilter.In) filter).values());
    }
    values.sort(Values.comparator());
    List<Value> distinct = new ArrayList<>(values.size());
    for (Value value : values) {
      if (distinct.isEmpty() || Values.compare(distinct.get(distinct.size() - 1), value) != 0) {
        distinct.add(value);
      }
    }
    return distinct;
  }

  /** Every row, in primary-key order. */
  record FullScan() implements AccessPath {
    @Override
    public Iterator<Value[]> rows(TableData data) {
      return data.scan();
    }

    @Override
    public String describe() {
      return "full scan";
    }
  }

  /**
   * Point lookups of {@code values} in the B+ tree of {@code column}.
   *
   * @param column the column index
   * @param primaryKey whether {@code column} is the primary key (else a unique column)
   * @param values distinct values in ascending order
   */
  record KeyLookup(int column, boolean primaryKey, List<Value> values) implements AccessPath {
    @Override
    public Iterator<Value[]> rows(TableData data) {
      List<Value[]> rows = new ArrayList<>(values.size());
      for (Value value : values) {
        Value[] row = primaryKey ? data.findByPrimaryKey(value) : data.findByUnique(column, value);
        if (row != null) {
          rows.add(row);
        }
      }
      if (!primaryKey) {
        // Callers rely on primary-key order (a select without ORDER BY, its LIMIT included).
        int pk = data.schema().definition().primaryKeyIndex();
        rows.sort((a, b) -> Values.compare(a[pk], b[pk]));
      }
      return rows.iterator();
    }

    @Override
    public String describe() {
      return (primaryKey ? "primary key" : "unique")
          + " lookup on column "
          + column
          + " of "
          + values.size()
          + " value(s)";
    }
  }
}
