package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.AggregatedValue;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.Tables;

/**
 * An aggregate request checked against the columns it reads and ready to run over rows: group-by
 * columns, functions, having filter, ordering, limit and offset.
 *
 * <p>It runs in two steps, so that any source of rows can feed it: {@link #bind} checks the request
 * against the columns of the rows it will see (a table's, or later the columns of joined tables
 * under qualified names) before a row is read, and {@link #run} groups the rows that passed the
 * filter. Groups are kept in a tree ordered by their keys ({@link Values#compare}, nulls first), so
 * nulls form one group and, without an ordering, groups come in ascending key order. Without
 * group-by columns there is exactly one group, even over no rows.
 *
 * <p>Immutable once bound; {@link #run} keeps its state on the stack, so one instance may run on
 * several threads at once.
 */
public final class Aggregation {
  private final int[] keyColumns;
  private final List<AggregateFunction> functions;
  private final int[] functionColumns;
  private final boolean[] exact;
  private final BoundFilter having;
  private final Comparator<Value[]> order;
  private final Query query;

  private Aggregation(
      int[] keyColumns,
      List<AggregateFunction> functions,
      int[] functionColumns,
      boolean[] exact,
      BoundFilter having,
      Comparator<Value[]> order,
      Query query) {
    this.keyColumns = keyColumns;
    this.functions = functions;
    this.functionColumns = functionColumns;
    this.exact = exact;
    this.having = having;
    this.order = order;
    this.query = query;
  }

  /**
   * Aggregates the rows of table {@code table} of {@code tables} that pass the query's joins,
   * filter and distinct-by columns. A single table without distinct is streamed; joined or distinct
   * rows are first gathered by the {@link RowSource}, and those rows and the groups together stay
   * within {@code maxBytes}.
   *
   * @param maxBytes how many bytes of rows and groups (see {@link RowSize}) the aggregate may hold
   *     at once
   * @throws org.wasmdbms.api.error.TableNotFoundException for an unknown table, joined or not
   * @throws UnknownColumnException for an unknown column in the filter, the group-by columns or a
   *     function
   * @throws InvalidQueryException for a malformed request (see {@link #bind}), or eager relations
   * @throws MemoryException when the groups would pass {@code maxBytes}
   */
  public static List<AggregatedRow> aggregate(
      Tables tables, String table, Query query, List<AggregateFunction> functions, long maxBytes) {
    if (!query.eagerRelations().isEmpty()) {
      throw new InvalidQueryException(
          "an aggregate cannot load eager relations; join the related tables instead");
    }
    if (query.joins().isEmpty() && query.distinctBy().isEmpty()) {
      TableData data = tables.table(table);
      TableDef definition = data.schema().definition();
      BoundFilter filter = BoundFilter.bind(query.filter(), definition);
      Aggregation aggregation =
          bind(definition.columns(), definition::columnIndex, query, functions);
      return aggregation.run(QueryRunner.passing(data, filter), maxBytes);
    }
    RowSource source = RowSource.bind(tables, table, query);
    ColumnScope scope = source.columns();
    List<ColumnDef> columns = new ArrayList<>(scope.size());
    for (int i = 0; i < scope.size(); i++) {
      columns.add(scope.column(i));
    }
    Aggregation aggregation = bind(columns, scope::indexOf, query, functions);
    SelectMemory memory = new SelectMemory(maxBytes, "aggregate");
    List<Value[]> rows = source.rows(-1, memory);
    // The gathered rows stay in memory while they are grouped, so the groups get what they leave.
    return aggregation.run(rows.iterator(), maxBytes - memory.held());
  }

  /**
   * Checks an aggregate request against the columns of the rows it will read.
   *
   * @param columns the columns of the rows, in row order
   * @param resolve the position in {@code columns} of a column name, or -1 if there is none
   * @param query the group-by columns, having filter, ordering, limit and offset (the row filter is
   *     the row source's business)
   * @param functions the aggregate functions, in result order
   * @throws UnknownColumnException for an unknown group-by or function column
   * @throws InvalidQueryException for a sum or average of a column that is not numeric; a having
   *     filter or an ordering naming something that is neither a group-by column nor an {@code
   *     aggN}; or a having value that cannot be compared with what it is compared with
   */
  public static Aggregation bind(
      List<ColumnDef> columns,
      ToIntFunction<String> resolve,
      Query query,
      List<AggregateFunction> functions) {
    functions = new ArrayList<>(functions);
    int keys = query.groupBy().size();
    int slots = keys + functions.size();
    DataType[] types = new DataType[slots];
    boolean[] numeric = new boolean[slots];
    int[] keyColumns = new int[keys];
    for (int k = 0; k < keys; k++) {
      keyColumns[k] = column(resolve, query.groupBy().get(k));
      types[k] = columns.get(keyColumns[k]).type();
    }
    int[] functionColumns = new int[functions.size()];
    boolean[] exact = new boolean[functions.size()];
    for (int f = 0; f < functions.size(); f++) {
      AggregateFunction function = functions.get(f);
      int column = function.column() == null ? -1 : column(resolve, function.column());
      functionColumns[f] = column;
      DataType type = column < 0 ? null : columns.get(column).type();
      DataType result =
          switch (function.kind()) {
            case COUNT -> DataType.UINT64;
            case MIN, MAX -> type;
            case SUM, AVG -> sumType(function, type);
          };
      exact[f] = result == DataType.DECIMAL;
      types[keys + f] = result;
      numeric[keys + f] =
          function.kind() == AggregateFunction.Kind.SUM
              || function.kind() == AggregateFunction.Kind.AVG;
    }
    GroupLayout layout = new GroupLayout(query.groupBy(), types, numeric);
    BoundFilter having = HavingFilter.bind(query.having(), layout);
    return new Aggregation(
        keyColumns,
        functions,
        functionColumns,
        exact,
        having,
        order(query.orderBy(), layout),
        query);
  }

  private static int column(ToIntFunction<String> resolve, String name) {
    int column = resolve.applyAsInt(name);
    if (column < 0) {
      throw new UnknownColumnException(name);
    }
    return column;
  }

  /** Decimal for integer and decimal columns, Float64 for float columns. */
  private static DataType sumType(AggregateFunction function, DataType column) {
    if (column.isInteger() || column == DataType.DECIMAL) {
      return DataType.DECIMAL;
    }
    if (column.isFloat()) {
      return DataType.FLOAT64;
    }
    throw new InvalidQueryException(
        (function.kind() == AggregateFunction.Kind.SUM ? "sum" : "avg")
            + " needs an integer, decimal or float column; "
            + function.column()
            + " is "
            + column.wireName());
  }

  /**
   * The comparator of group rows for {@code keys}, ties broken by the group keys ascending; null
   * when there are no keys, since groups are made in key order.
   */
  private static Comparator<Value[]> order(List<OrderKey> keys, GroupLayout layout) {
    if (keys.isEmpty()) {
      return null;
    }
    Comparator<Value[]> order = null;
    for (OrderKey key : keys) {
      int slot = layout.slot(key.column());
      Comparator<Value[]> bySlot = (a, b) -> Values.compare(a[slot], b[slot]);
      if (key.direction() == OrderDirection.DESCENDING) {
        bySlot = bySlot.reversed();
      }
      order = order == null ? bySlot : order.thenComparing(bySlot);
    }
    int groupKeys = layout.groupBy().size();
    return order.thenComparing((a, b) -> compareKeys(a, b, groupKeys));
  }

  private static int compareKeys(Value[] a, Value[] b, int keys) {
    for (int k = 0; k < keys; k++) {
      int c = Values.compare(a[k], b[k]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * Groups {@code rows} and returns the groups that pass the having filter, ordered and windowed.
   *
   * @param rows the rows that passed the filter, in any order, each with the columns given to
   *     {@link #bind}
   * @param maxBytes how many bytes of group keys and running minimums and maximums (see {@link
   *     RowSize}) the groups may hold at once; each function counts {@value
   *     RowSize#FIXED_VALUE_BYTES} bytes more per group
   * @throws MemoryException when the groups would pass {@code maxBytes}
   */
  public List<AggregatedRow> run(Iterator<Value[]> rows, long maxBytes) {
    int keys = keyColumns.length;
    TreeMap<Value[], Accumulator[]> groups = new TreeMap<>((a, b) -> compareKeys(a, b, keys));
    long held = 0;
    if (keys == 0) {
      newGroup(groups, new Value[0]);
      held = hold(0, groupBytes(), maxBytes);
    }
    while (rows.hasNext()) {
      Value[] row = rows.next();
      Value[] key = new Value[keys];
      for (int k = 0; k < keys; k++) {
        key[k] = row[keyColumns[k]];
      }
      Accumulator[] accumulators = groups.get(key);
      if (accumulators == null) {
        accumulators = newGroup(groups, key);
        held = hold(held, RowSize.approximate(key) + groupBytes(), maxBytes);
      }
      for (int f = 0; f < accumulators.length; f++) {
        int column = functionColumns[f];
        long more = accumulators[f].add(column < 0 ? NullValue.INSTANCE : row[column]);
        if (more != 0) {
          held = hold(held, more, maxBytes);
        }
      }
    }
    List<Value[]> results = new ArrayList<>();
    for (Map.Entry<Value[], Accumulator[]> group : groups.entrySet()) {
      Value[] result = new Value[keys + functions.size()];
      System.arraycopy(group.getKey(), 0, result, 0, keys);
      Accumulator[] accumulators = group.getValue();
      for (int f = 0; f < accumulators.length; f++) {
        result[keys + f] = accumulators[f].result();
      }
      if (having.matches(result)) {
        results.add(result);
      }
    }
    if (order != null) {
      results.sort(order);
    }
    return window(results);
  }

  private Accumulator[] newGroup(TreeMap<Value[], Accumulator[]> groups, Value[] key) {
    Accumulator[] accumulators = new Accumulator[functions.size()];
    for (int f = 0; f < accumulators.length; f++) {
      AggregateFunction function = functions.get(f);
      accumulators[f] = Accumulator.of(function.kind(), function.column() == null, exact[f]);
    }
    groups.put(key, accumulators);
    return accumulators;
  }

  /** What a group holds besides its key: a fixed amount per function and one for the group. */
  private long groupBytes() {
    return (long) RowSize.FIXED_VALUE_BYTES * (functions.size() + 1);
  }

  private static long hold(long held, long more, long maxBytes) {
    long total = held + more;
    if (total > maxBytes) {
      throw new MemoryException(
          "the aggregate would hold more than "
              + maxBytes
              + " bytes of groups; narrow it with a filter or group by fewer or smaller columns");
    }
    return total;
  }

  private List<AggregatedRow> window(List<Value[]> results) {
    List<AggregatedRow> rows = new ArrayList<>();
    long skip = query.offset();
    long left = query.hasLimit() ? query.limit() : Long.MAX_VALUE;
    int keys = keyColumns.length;
    for (Value[] result : results) {
      if (left == 0) {
        break;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      left--;
      List<Value> groupKeys = new ArrayList<>(keys);
      for (int k = 0; k < keys; k++) {
        groupKeys.add(result[k]);
      }
      List<AggregatedValue> values = new ArrayList<>(functions.size());
      for (int f = 0; f < functions.size(); f++) {
        values.add(new AggregatedValue(functions.get(f).kind(), result[keys + f]));
      }
      rows.add(new AggregatedRow(groupKeys, values));
    }
    return rows;
  }
}
