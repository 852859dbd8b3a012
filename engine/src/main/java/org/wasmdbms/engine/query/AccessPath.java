package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueText;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.data.IndexInfo;
import org.wasmdbms.engine.data.KeyRange;
import org.wasmdbms.engine.data.RowCursor;
import org.wasmdbms.engine.data.TableData;

/**
 * How a select reaches its candidate rows: a B+ tree lookup on the primary key or a unique column,
 * or a full scan. The filter is still applied to every candidate, so a path only has to yield a
 * superset of the matching rows; every path yields rows in primary-key order.
 */
public sealed interface AccessPath {
  /** The candidate rows, read lazily. */
  default Iterator<Value[]> rows(TableData data) {
    return RowCursor.rows(cursor(data));
  }

  /** The candidate rows, read lazily and decoded only as far as asked (see {@link RowCursor}). */
  RowCursor cursor(TableData data);

  /** A one-line description of the path, for explain output and tests. */
  String describe();

  /**
   * Whether the rows come in the order the query asked for (ties in ascending primary-key order),
   * so that no sort is needed and the read may stop after offset plus limit matches.
   */
  default boolean ordered() {
    return false;
  }

  /** The distinct non-null values a point filter names, in ascending order. */
  static List<Value> pointValues(BoundFilter filter) {
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
    public RowCursor cursor(TableData data) {
      return data.cursor(data.indexes().get(0), KeyRange.ALL, false);
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
    public RowCursor cursor(TableData data) {
      return RowCursor.of(rows(data));
    }

    @Override
    public Iterator<Value[]> rows(TableData data) {
      List<Value[]> rows = new ArrayList<>(values.size());
      for (Value value : values) {
        if (!primaryKey) {
          rows.addAll(data.findAllByUnique(column, value));
          continue;
        }
        Value[] row = data.findByPrimaryKey(value);
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

  /**
   * One filter condition that bounds an index read.
   *
   * @param column the column name
   * @param op {@code =}, {@code >}, {@code >=}, {@code <}, {@code <=} with one value, or {@link
   *     #IN} with the list's values
   * @param values the compared values
   */
  record Condition(String column, String op, List<Value> values) {
    /** The operator of an {@code In} list. */
    static final String IN = "in";
  }

  /**
   * A read of one index over one or more key ranges (several for an {@code In}), ranges in key
   * order, reversed when descending.
   *
   * @param index the index read
   * @param ranges disjoint key ranges in ascending key order
   * @param descending whether the index is read backwards
   * @param ordered whether this order is the one the query asked for
   * @param conditions the filter conditions the ranges come from, for explain; kept as values so
   *     that their text is only built when asked for
   */
  record IndexScan(
      IndexInfo index,
      List<KeyRange> ranges,
      boolean descending,
      boolean ordered,
      List<Condition> conditions)
      implements AccessPath {
    /** The conditions as text, {@code "f >= 1.5 and f < Infinity"}; empty when unbounded. */
    public String bounds() {
      StringBuilder text = new StringBuilder();
      for (Condition condition : conditions) {
        if (text.length() > 0) {
          text.append(" and ");
        }
        text.append(condition.column()).append(' ').append(condition.op()).append(' ');
        if (condition.op().equals(Condition.IN)) {
          text.append(condition.values().size()).append(" value(s)");
        } else {
          text.append(ValueText.display(condition.values().get(0)));
        }
      }
      return text.toString();
    }

    @Override
    public RowCursor cursor(TableData data) {
      List<KeyRange> inOrder = new ArrayList<>(ranges);
      if (descending) {
        Collections.reverse(inOrder);
      }
      if (inOrder.size() == 1) {
        return data.cursor(index, inOrder.get(0), descending);
      }
      Iterator<KeyRange> next = inOrder.iterator();
      return new RowCursor() {
        private RowCursor current;

        @Override
        public boolean next() {
          while (current == null || !current.next()) {
            if (!next.hasNext()) {
              return false;
            }
            current = data.cursor(index, next.next(), descending);
          }
          return true;
        }

        @Override
        public Value[] row() {
          return current.row();
        }

        @Override
        public Value[] columns(boolean[] needed) {
          return current.columns(needed);
        }
      };
    }

    @Override
    public String describe() {
      String bounds = bounds();
      return "index scan of "
          + index.name()
          + (bounds.isEmpty() ? "" : " where " + bounds)
          + (descending ? ", descending" : ", ascending")
          + (ordered ? ", in the requested order" : "");
    }
  }
}
