package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.query.Join;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.Tables;
import org.wasmdbms.engine.data.ValueKey;

/**
 * The rows a select works on before ordering and windowing: the select table's rows read through
 * the planned {@link AccessPath}, joined with each joined table in turn ({@link JoinStep}), kept by
 * the filter, and thinned by distinct. They come in the order without ORDER BY: the select table's
 * rows in primary-key order, each followed by its matches in each joined table's primary-key order,
 * unmatched rows of right and full joins after them. Selects, and aggregates, which group these
 * rows, share it.
 *
 * <p>Binding checks every name: an unknown table is {@link
 * org.wasmdbms.api.error.TableNotFoundException}, an unknown column {@link UnknownColumnException},
 * a table joined twice or join columns of incomparable types {@link InvalidQueryException}.
 *
 * <p>When no join is a right or full join, the conjuncts of the filter that only read the select
 * table's columns are also applied while reading it, so that its indexes serve them; the whole
 * filter still runs on the joined rows. Not thread-safe; bound for one select.
 */
public final class RowSource {
  private final TableData base;
  private final ColumnScope columns;
  private final List<JoinStep> joins;
  private final BoundFilter filter;
  private final BoundFilter baseFilter;
  private final int[] distinct;

  private RowSource(
      TableData base,
      ColumnScope columns,
      List<JoinStep> joins,
      BoundFilter filter,
      BoundFilter baseFilter,
      int[] distinct) {
    this.base = base;
    this.columns = columns;
    this.joins = joins;
    this.filter = filter;
    this.baseFilter = baseFilter;
    this.distinct = distinct;
  }

  /**
   * Binds the table, joins, filter and distinct columns of {@code query} (its ordering, window and
   * eager relations are not this class's concern).
   *
   * @throws org.wasmdbms.api.error.DbmsException as described on the class
   */
  public static RowSource bind(Tables tables, String table, Query query) {
    TableData base = tables.table(table);
    ColumnScope columns = ColumnScope.of(base.schema().definition());
    List<JoinStep> joins = new ArrayList<>(query.joins().size());
    boolean pushDown = true;
    for (Join join : query.joins()) {
      TableData right = tables.table(join.table());
      if (columns.hasTable(join.table())) {
        throw new InvalidQueryException(
            "table " + join.table() + " is already in the select; a table may appear only once");
      }
      TableDef rightTable = right.schema().definition();
      int leftColumn = leftColumn(columns, join.leftColumn());
      int rightColumn = rightColumn(rightTable, join.rightColumn());
      ColumnDef leftDef = columns.column(leftColumn);
      ColumnDef rightDef = rightTable.columns().get(rightColumn);
      if (!Values.comparable(leftDef.type(), rightDef.type())) {
        throw new InvalidQueryException(
            "cannot join "
                + join.leftColumn()
                + " ("
                + leftDef.type().wireName()
                + ") with "
                + join.rightColumn()
                + " ("
                + rightDef.type().wireName()
                + ")");
      }
      joins.add(new JoinStep(join.type(), right, leftColumn, rightColumn, columns.size()));
      pushDown &= join.type() == JoinType.INNER || join.type() == JoinType.LEFT;
      columns = columns.join(rightTable);
    }
    BoundFilter filter = BoundFilter.bind(query.filter(), columns);
    int[] distinct = new int[query.distinctBy().size()];
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = columns.require(query.distinctBy().get(i));
    }
    BoundFilter baseFilter = filter;
    if (!joins.isEmpty()) {
      int baseWidth = columns.offset(1);
      baseFilter =
          pushDown
              ? baseConjuncts(filter, baseWidth, columns.size())
              : new BoundFilter.Constant(true);
    }
    return new RowSource(base, columns, joins, filter, baseFilter, distinct);
  }

  /** A join's left column: qualified by a table of the select so far, or bare on its table. */
  private static int leftColumn(ColumnScope columns, String name) {
    int column = columns.qualifiedIndex(name);
    if (column < 0) {
      column = columns.tables().get(0).columnIndex(name);
    }
    if (column < 0) {
      throw new UnknownColumnException(name);
    }
    return column;
  }

  /** A join's right column: a column of the joined table, bare or qualified by its name. */
  private static int rightColumn(TableDef table, String name) {
    int column = table.columnIndex(name);
    String prefix = table.name() + ".";
    if (column < 0 && name.startsWith(prefix)) {
      column = table.columnIndex(name.substring(prefix.length()));
    }
    if (column < 0) {
      throw new UnknownColumnException(name);
    }
    return column;
  }

  /**
   * The conjuncts of {@code filter} (over {@code all} columns) that read only columns below {@code
   * width}.
   */
  private static BoundFilter baseConjuncts(BoundFilter filter, int width, int all) {
    List<BoundFilter> conjuncts =
        filter instanceof BoundFilter.And and ? and.operands() : List.of(filter);
    List<BoundFilter> kept = new ArrayList<>();
    for (BoundFilter conjunct : conjuncts) {
      if (readsOnlyBelow(BoundFilter.columnsRead(conjunct, all), width)) {
        kept.add(conjunct);
      }
    }
    if (kept.isEmpty()) {
      return new BoundFilter.Constant(true);
    }
    return kept.size() == 1 ? kept.get(0) : new BoundFilter.And(kept);
  }

  private static boolean readsOnlyBelow(boolean[] read, int width) {
    for (int column = width; read != null && column < read.length; column++) {
      if (read[column]) {
        return false;
      }
    }
    return true;
  }

  /** The columns of the rows, in order, with their result names. */
  public ColumnScope columns() {
    return columns;
  }

  /** The path the select table is read through. */
  public AccessPath basePath() {
    return Planner.plan(baseFilter, List.of(), false, base);
  }

  /**
   * The rows, in the order described on the class, at most {@code atMost} of them (-1: all), each
   * counted in {@code memory}.
   *
   * @throws org.wasmdbms.api.error.MemoryException when they pass the select memory limit
   */
  public List<Value[]> rows(long atMost, SelectMemory memory) {
    AccessPath path = basePath();
    // Primary-key order without a sort: no index scan, or one of the primary key.
    boolean inKeyOrder = !(path instanceof AccessPath.IndexScan) || path.ordered();
    if (joins.isEmpty() && inKeyOrder) {
      return keep(path.rows(base), filter, distinct, atMost, memory);
    }
    long baseline = memory.held();
    List<Value[]> rows = keep(path.rows(base), baseFilter, new int[0], -1, memory);
    if (!inKeyOrder) {
      rows.sort(RowOrder.of(List.of(), base.schema().definition()));
    }
    for (JoinStep join : joins) {
      long input = memory.held() - baseline;
      rows = join.apply(rows, memory);
      memory.release(input);
    }
    return keep(rows.iterator(), filter, distinct, atMost, null);
  }

  /**
   * The rows of {@code candidates} that {@code filter} keeps, the first of each combination of the
   * {@code distinct} columns (none: every row), until {@code atMost} (-1: no bound) are kept; each
   * is counted in {@code memory} unless it is null.
   */
  private static List<Value[]> keep(
      Iterator<Value[]> candidates,
      BoundFilter filter,
      int[] distinct,
      long atMost,
      SelectMemory memory) {
    Set<ValueKey> seen = distinct.length == 0 ? null : new HashSet<>();
    List<Value[]> kept = new ArrayList<>();
    while (candidates.hasNext() && (atMost < 0 || kept.size() < atMost)) {
      Value[] row = candidates.next();
      if (!filter.matches(row) || (seen != null && !seen.add(distinctKey(row, distinct)))) {
        continue;
      }
      if (memory != null) {
        memory.hold(row);
      }
      kept.add(row);
    }
    return kept;
  }

  private static ValueKey distinctKey(Value[] row, int[] columns) {
    List<Value> values = new ArrayList<>(columns.length);
    for (int column : columns) {
      values.add(row[column]);
    }
    return ValueKey.of(values);
  }
}
