package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.data.LookaheadIterator;
import org.wasmdbms.engine.data.TableData;

/**
 * Runs a {@link Query} against one table's {@link TableData}: binds and checks the filter and the
 * ordering, reads candidates through the planned {@link AccessPath}, keeps the matches, sorts them,
 * and applies offset and limit. Without an ordering, rows keep primary-key order and the read stops
 * as soon as offset plus limit rows have matched.
 */
public final class QueryRunner {
  private QueryRunner() {}

  /**
   * The rows of {@code data} that {@code query} selects.
   *
   * @throws org.wasmdbms.api.error.UnknownColumnException for an unknown column in the filter or
   *     the ordering
   * @throws org.wasmdbms.api.error.InvalidQueryException for a value type that does not fit its
   *     column, or group-by columns or a having filter (those are for {@link Aggregation})
   */
  public static List<Value[]> select(TableData data, Query query) {
    return select(data, query, Long.MAX_VALUE);
  }

  /**
   * Like {@link #select(TableData, Query)}, but refuses to hold more than {@code maxBytes} of rows
   * in memory at once (see {@link RowSize}): the matches a sort must see, or the rows returned.
   *
   * @throws MemoryException when the rows held would pass {@code maxBytes}
   */
  public static List<Value[]> select(TableData data, Query query, long maxBytes) {
    if (query.hasGroupByOrHaving()) {
      throw new InvalidQueryException(
          "group-by and having belong to aggregate, not to select; call aggregate to group rows");
    }
    TableDef table = data.schema().definition();
    BoundFilter filter = BoundFilter.bind(query.filter(), table);
    Comparator<Value[]> order = RowOrder.of(query.orderBy(), table);
    AccessPath path = Planner.plan(filter, query.orderBy(), query.hasLimit(), data);
    long wanted = query.hasLimit() ? query.offset() + query.limit() : Long.MAX_VALUE;
    if (wanted < 0) {
      wanted = Long.MAX_VALUE; // offset + limit overflowed: no effective bound
    }
    boolean presorted = isPresorted(path, query);
    long[] held = {0};
    List<Value[]> matches =
        collect(
            path.rows(data),
            filter,
            presorted ? wanted : Long.MAX_VALUE,
            row -> {
              held[0] += RowSize.approximate(row);
              if (held[0] > maxBytes) {
                throw new MemoryException(
                    "the select would hold more than "
                        + maxBytes
                        + " bytes of rows; narrow it with a filter, a LIMIT served by an index, or"
                        + " fewer large columns");
              }
            });
    if (!presorted) {
      matches.sort(order);
    }
    return window(matches, query);
  }

  /** The path a select would take, for explain. */
  public static AccessPath explain(TableData data, Query query) {
    TableDef table = data.schema().definition();
    BoundFilter filter = BoundFilter.bind(query.filter(), table);
    RowOrder.of(query.orderBy(), table); // checks the order keys like a select does
    return Planner.plan(filter, query.orderBy(), query.hasLimit(), data);
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
    List<Value[]> matches = collect(path.rows(data), filter, Long.MAX_VALUE, hold);
    if (path instanceof AccessPath.IndexScan) {
      matches.sort(RowOrder.of(List.of(), data.schema().definition()));
    }
    return matches;
  }

  /**
   * The rows of {@code data} that pass {@code filter}, read lazily through the planned access path
   * in no promised order: what an aggregate groups.
   */
  public static Iterator<Value[]> passing(TableData data, BoundFilter filter) {
    Iterator<Value[]> candidates = Planner.plan(filter, List.of(), false, data).rows(data);
    return new LookaheadIterator<>() {
      @Override
      protected Value[] computeNext() {
        while (candidates.hasNext()) {
          Value[] row = candidates.next();
          if (filter.matches(row)) {
            return row;
          }
        }
        return null;
      }
    };
  }

  private static List<Value[]> collect(
      Iterator<Value[]> candidates, BoundFilter filter, long atMost, Consumer<Value[]> hold) {
    List<Value[]> matches = new ArrayList<>();
    while (candidates.hasNext() && matches.size() < atMost) {
      Value[] row = candidates.next();
      if (filter.matches(row)) {
        hold.accept(row);
        matches.add(row);
      }
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
}
