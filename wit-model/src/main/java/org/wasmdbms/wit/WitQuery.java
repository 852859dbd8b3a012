package org.wasmdbms.wit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Join;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.query.Query;

/**
 * The WIT {@code query} record, field for field in declaration order (a test checks the components
 * against {@link DbmsTypes#QUERY}). Filters, having and joins are JSON text in the wire format;
 * {@code limit} and {@code offset} are u64 bit patterns, null for none. Immutable.
 *
 * @param filter the JSON filter, or null for every row
 * @param distinctBy columns whose distinct combinations are kept
 * @param eagerRelations relations loaded with each row
 * @param joins JSON joins
 * @param groupBy group-by columns (for aggregates)
 * @param having a JSON filter on the groups, or null
 * @param orderBy the sort keys, most significant first
 * @param limit the maximum number of rows, or null
 * @param offset how many leading rows to skip, or null
 */
public record WitQuery(
    String filter,
    List<String> distinctBy,
    List<String> eagerRelations,
    List<String> joins,
    List<String> groupBy,
    String having,
    List<OrderKey> orderBy,
    Long limit,
    Long offset) {
  /**
   * The empty list of every query part that has none: the constructor keeps it instead of copying
   * it, because TeaVM's {@code List.copyOf} copies even an empty list, and most queries have four
   * or five empty lists.
   */
  private static final List<?> NONE = List.of();

  /** A query for every row, in primary-key order. */
  public static final WitQuery ALL =
      new WitQuery(null, none(), none(), none(), none(), null, none(), null, null);

  /** A query for the rows that match {@code filter}, a JSON filter, in primary-key order. */
  public static WitQuery filtered(String filter) {
    return new WitQuery(
        Objects.requireNonNull(filter, "filter"),
        none(),
        none(),
        none(),
        none(),
        null,
        none(),
        null,
        null);
  }

  /** This query with one more sort key after the existing ones. */
  public WitQuery thenOrderBy(String column, OrderDirection direction) {
    List<OrderKey> keys = new ArrayList<>(orderBy);
    keys.add(new OrderKey(column, direction));
    return new WitQuery(
        filter, distinctBy, eagerRelations, joins, groupBy, having, keys, limit, offset);
  }

  /** This query returning at most {@code count} rows. */
  public WitQuery withLimit(long count) {
    return new WitQuery(
        filter, distinctBy, eagerRelations, joins, groupBy, having, orderBy, count, offset);
  }

  /** This query skipping the first {@code count} rows. */
  public WitQuery withOffset(long count) {
    return new WitQuery(
        filter, distinctBy, eagerRelations, joins, groupBy, having, orderBy, limit, count);
  }

  /** Copies the lists; they are required (possibly empty). */
  public WitQuery {
    distinctBy = copy(distinctBy);
    eagerRelations = copy(eagerRelations);
    joins = copy(joins);
    groupBy = copy(groupBy);
    orderBy = copy(orderBy);
  }

  /** An empty list that the constructor keeps as it is (a reader of the WIT form passes it). */
  @SuppressWarnings("unchecked")
  static <T> List<T> none() {
    return (List<T>) NONE;
  }

  private static <T> List<T> copy(List<T> list) {
    return list == NONE ? list : List.copyOf(list);
  }

  /** The WIT form of an api {@link Query}: filters and joins as JSON, the rest as they are. */
  public static WitQuery of(Query query) {
    return of(query, WireFormat::printFilter);
  }

  /**
   * The WIT form of an api {@link Query}, its filters printed by {@code printFilter} (a host that
   * remembers what it printed passes its own).
   */
  public static WitQuery of(Query query, Function<Filter, String> printFilter) {
    Objects.requireNonNull(query, "query");
    List<String> joins = new ArrayList<>();
    for (Join join : query.joins()) {
      joins.add(WireFormat.printJoin(join));
    }
    return new WitQuery(
        query.filter() == null ? null : printFilter.apply(query.filter()),
        query.distinctBy(),
        query.eagerRelations(),
        joins,
        query.groupBy(),
        query.having() == null ? null : printFilter.apply(query.having()),
        query.orderBy(),
        query.hasLimit() ? query.limit() : null,
        query.offset() == 0 ? null : query.offset());
  }

  /**
   * The engine query: filters and joins parsed from the wire format.
   *
   * @throws InvalidQueryException if a limit or offset is 2^63 or more, a filter or join is
   *     malformed, or joins and eager relations are both given
   * @throws org.wasmdbms.api.error.DbmsException as {@link WireFormat#parseFilter} does
   */
  public Query toQuery() {
    Query.Builder query = Query.builder();
    if (filter != null) {
      query.filter(WireFormat.parseFilter(filter));
    }
    for (int i = 0; i < joins.size(); i++) {
      query.join(WireFormat.parseJoin(joins.get(i)));
    }
    // Most queries have none of these: no array for them.
    if (!distinctBy.isEmpty()) {
      query.distinctBy(distinctBy.toArray(new String[0]));
    }
    if (!eagerRelations.isEmpty()) {
      query.eager(eagerRelations.toArray(new String[0]));
    }
    if (!groupBy.isEmpty()) {
      query.groupBy(groupBy.toArray(new String[0]));
    }
    if (having != null) {
      query.having(WireFormat.parseFilter(having));
    }
    for (OrderKey key : orderBy) {
      query.orderBy(key.column(), key.direction());
    }
    if (limit != null) {
      query.limit(signed("limit", limit));
    }
    if (offset != null) {
      query.offset(signed("offset", offset));
    }
    return query.build();
  }

  private static long signed(String what, long u64) {
    if (u64 < 0) {
      throw new InvalidQueryException(what + " must be below 2^63");
    }
    return u64;
  }
}
