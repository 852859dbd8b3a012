package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.data.LookaheadIterator;
import org.wasmdbms.engine.data.RowCursor;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.Tables;

/**
 * Runs a {@link Query}: binds and checks the filter and the ordering, reads candidates through the
 * planned {@link AccessPath}, keeps the matches, sorts them, and applies offset and limit. Without
 * an ordering, rows keep primary-key order and the read stops as soon as offset plus limit rows
 * have matched.
 *
 * <p>A select with joins or distinct takes its rows from a {@link RowSource} and sorts them stably,
 * so rows that tie on every key keep the order without ORDER BY; eager relations are attached to
 * the rows it returns ({@link EagerRelations}).
 */
public final class QueryRunner {
  /** The row a filter that reads no column is evaluated on. */
  private static final Value[] NO_COLUMNS = new Value[0];

  private QueryRunner() {}

  /**
   * The rows a select returns, with the name of each of their columns.
   *
   * @param columns the column names, in row order
   * @param rows the rows
   */
  public record Selection(List<String> columns, List<Value[]> rows) {}

  /**
   * Runs {@code query} on table {@code table} of {@code tables}, holding at most {@code maxBytes}
   * of rows at once (see {@link RowSize}).
   *
   * @throws org.wasmdbms.api.error.TableNotFoundException for an unknown table, joined or not
   * @throws org.wasmdbms.api.error.UnknownColumnException for an unknown column or relation
   * @throws org.wasmdbms.api.error.InvalidQueryException for a value or join whose types do not
   *     fit, a table joined twice, or group-by columns or a having filter (those are for {@link
   *     Aggregation})
   * @throws org.wasmdbms.api.error.MemoryException when the rows held would pass {@code maxBytes}
   */
  public static Selection run(Tables tables, String table, Query query, long maxBytes) {
    if (query.hasGroupByOrHaving()) {
      throw new InvalidQueryException(
          "group-by and having belong to aggregate, not to select; call aggregate to group rows");
    }
    TableData data = tables.table(table);
    Shape shape =
        query.joins().isEmpty() && query.distinctBy().isEmpty() ? Shape.ONE_TABLE : Shape.JOINED;
    return shape.select(tables, table, data, query, maxBytes);
  }

  /**
   * How a select reads its rows: from its table alone, or through a {@link RowSource} (joins or
   * distinct). Both bind the eager relations first and attach them last (each calling {@link
   * EagerRelations#attach} itself, so that TeaVM inlines it into neither).
   *
   * <p>A virtual call on purpose: TeaVM inlines a static method called from one place into its
   * caller, and a select written as one chain of such calls became a guest function of over 8,000
   * bytes of JVM bytecode, which the host's JIT never compiles (docs/guest-performance.md). TeaVM
   * does not inline a call with two possible targets, nor a method called from two places.
   */
  private enum Shape {
    ONE_TABLE {
      @Override
      Selection select(Tables tables, String table, TableData data, Query query, long maxBytes) {
        EagerRelations eager = eager(tables, data, query);
        SelectMemory memory = new SelectMemory(maxBytes, "select");
        List<String> columns = ColumnScope.of(data.schema().definition()).names();
        List<Value[]> rows = QueryRunner.select(data, query, memory);
        return eager == null
            ? new Selection(columns, rows)
            : new Selection(eager.columnsAfter(columns), eager.attach(rows, memory));
      }
    },
    JOINED {
      @Override
      Selection select(Tables tables, String table, TableData data, Query query, long maxBytes) {
        EagerRelations eager = eager(tables, data, query);
        SelectMemory memory = new SelectMemory(maxBytes, "select");
        Joined joined = Joined.bind(tables, table, query);
        RowSource source = joined.source();
        List<Value[]> rows = source.rows(joined.order() == null ? wanted(query) : -1, memory);
        if (joined.order() != null) {
          rows = stableSort(rows, joined.order());
        }
        rows = window(rows, query);
        List<String> columns = source.columns().names();
        return eager == null
            ? new Selection(columns, rows)
            : new Selection(eager.columnsAfter(columns), eager.attach(rows, memory));
      }
    };

    /** The rows of {@code query} on {@code data}, table {@code table} of {@code tables}. */
    abstract Selection select(
        Tables tables, String table, TableData data, Query query, long maxBytes);
  }

  /** The eager relations of {@code query} bound to its table, or null if it names none. */
  private static EagerRelations eager(Tables tables, TableData data, Query query) {
    return query.eagerRelations().isEmpty()
        ? null
        : EagerRelations.bind(tables, data.schema().definition(), query.eagerRelations());
  }

  /** Offset plus limit, or -1 when there is no limit or the sum overflows. */
  private static long wanted(Query query) {
    long wanted = query.hasLimit() ? query.offset() + query.limit() : -1;
    return wanted < 0 ? -1 : wanted;
  }

  /** {@code rows} sorted by {@code order}, ties in their current order on any runtime. */
  private static List<Value[]> stableSort(List<Value[]> rows, Comparator<Value[]> order) {
    List<Ranked> ranked = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      ranked.add(new Ranked(rows.get(i), i));
    }
    ranked.sort(
        (a, b) -> {
          int c = order.compare(a.row, b.row);
          return c != 0 ? c : Integer.compare(a.rank, b.rank);
        });
    List<Value[]> sorted = new ArrayList<>(rows.size());
    for (Ranked r : ranked) {
      sorted.add(r.row);
    }
    return sorted;
  }

  /** A row and its position before sorting. */
  private record Ranked(Value[] row, int rank) {}

  /**
   * The rows of {@code data} that {@code query} (without joins, distinct or eager relations)
   * selects, each counted in {@code memory}.
   */
  private static List<Value[]> select(TableData data, Query query, SelectMemory memory) {
    Plan plan = Plan.of(data, query);
    TableDef table = data.schema().definition();
    AccessPath path = plan.path();
    if (isPresorted(path, query)) {
      // The read is the answer's order: skip the offset and stop after the limit.
      long limit = query.hasLimit() ? query.limit() : Long.MAX_VALUE;
      return collect(path.cursor(data), plan.filter(), table, query.offset(), limit, memory::hold);
    }
    List<Value[]> matches =
        collect(path.cursor(data), plan.filter(), table, 0, Long.MAX_VALUE, memory::hold);
    matches.sort(plan.order());
    return window(matches, query);
  }

  /** A select's bound filter, its ordering and the path it reads its table through. */
  private record Plan(BoundFilter filter, Comparator<Value[]> order, AccessPath path) {
    /** Binds and checks the filter and the ordering of {@code query} and plans its read. */
    static Plan of(TableData data, Query query) {
      TableDef table = data.schema().definition();
      BoundFilter filter = BoundFilter.bind(query.filter(), table);
      Comparator<Value[]> order = RowOrder.of(query.orderBy(), table);
      return new Plan(filter, order, Planner.plan(filter, query.orderBy(), query.hasLimit(), data));
    }
  }

  /** The rows of a select with joins or distinct, and its ordering (null: none). */
  private record Joined(RowSource source, Comparator<Value[]> order) {
    /** Binds the tables, joins, filter and distinct columns of {@code query}, and its ordering. */
    static Joined bind(Tables tables, String table, Query query) {
      RowSource source = RowSource.bind(tables, table, query);
      return new Joined(source, RowOrder.keys(query.orderBy(), source.columns()));
    }
  }

  /**
   * The path a select would read its table through, for explain; with joins or distinct, the path
   * of the select table before them.
   */
  public static AccessPath explain(Tables tables, String name, Query query) {
    if (!query.joins().isEmpty() || !query.distinctBy().isEmpty()) {
      return Joined.bind(tables, name, query).source().basePath();
    }
    return Plan.of(tables.table(name), query).path();
  }

  /**
   * Whether the path already yields the query's order: an index read in that order, or a path in
   * primary-key order when no order was asked.
   */
  private static boolean isPresorted(AccessPath path, Query query) {
    return path.ordered() || (query.orderBy().isEmpty() && !(path instanceof AccessPath.IndexScan));
  }

  /**
   * The rows of a select with only a filter, in primary-key order: what updates and deletes use.
   * Each match is shown to {@code hold} before it is kept, which may refuse it by throwing.
   */
  public static List<Value[]> matching(TableData data, BoundFilter filter, Consumer<Value[]> hold) {
    AccessPath path = Planner.plan(filter, List.of(), false, data);
    TableDef table = data.schema().definition();
    List<Value[]> matches = collect(path.cursor(data), filter, table, 0, Long.MAX_VALUE, hold);
    if (path instanceof AccessPath.IndexScan) {
      matches.sort(RowOrder.of(List.of(), table));
    }
    return matches;
  }

  /**
   * The rows of {@code candidates} that {@code filter} keeps, after the first {@code skip} of them,
   * until {@code atMost} are kept. The filter runs on just the columns it reads, so a row is
   * decoded in full only when it is kept.
   */
  private static List<Value[]> collect(
      RowCursor candidates,
      BoundFilter filter,
      TableDef table,
      long skip,
      long atMost,
      Consumer<Value[]> hold) {
    boolean[] read = BoundFilter.columnsRead(filter, table.columns().size());
    List<Value[]> matches = new ArrayList<>();
    long skipped = 0;
    while (matches.size() < atMost && candidates.next()) {
      if (!filter.matches(read == null ? NO_COLUMNS : candidates.columns(read))) {
        continue;
      }
      if (skipped < skip) {
        skipped++;
        continue;
      }
      Value[] row = candidates.row();
      hold.accept(row);
      matches.add(row);
    }
    return matches;
  }

  private static List<Value[]> window(List<Value[]> rows, Query query) {
    if (query.offset() >= rows.size()) {
      return new ArrayList<>();
    }
    int from = (int) query.offset();
    int to = rows.size();
    if (query.hasLimit() && query.limit() < to - from) {
      to = from + (int) query.limit();
    }
    return new ArrayList<>(rows.subList(from, to));
  }

  /**
   * The rows of {@code data} that pass {@code filter}, read lazily through the planned access path
   * in primary-key order (or the index's), for consumers that stream instead of holding the rows.
   */
  public static Iterator<Value[]> passing(TableData data, BoundFilter filter) {
    RowCursor candidates = Planner.plan(filter, List.of(), false, data).cursor(data);
    boolean[] read = BoundFilter.columnsRead(filter, data.schema().definition().columns().size());
    return new LookaheadIterator<>() {
      @Override
      protected Value[] computeNext() {
        while (candidates.next()) {
          if (filter.matches(read == null ? NO_COLUMNS : candidates.columns(read))) {
            return candidates.row();
          }
        }
        return null;
      }
    };
  }
}
