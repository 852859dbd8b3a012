package org.wasmdbms.host.model;

import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.query.Query;

/**
 * The WIT {@code query} record, field for field. Filters, having and joins are JSON text in the
 * wire format; {@code limit} and {@code offset} are u64 bit patterns, null for none.
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
  /** A query for every row, in primary-key order. */
  public static final WitQuery ALL =
      new WitQuery(null, List.of(), List.of(), List.of(), List.of(), null, List.of(), null, null);

  /** Copies the lists; they are required (possibly empty). */
  public WitQuery {
    distinctBy = List.copyOf(distinctBy);
    eagerRelations = List.copyOf(eagerRelations);
    joins = List.copyOf(joins);
    groupBy = List.copyOf(groupBy);
    orderBy = List.copyOf(orderBy);
  }

  /** The WIT form of an api {@link Query}: filter as JSON, order keys, limit and offset. */
  public static WitQuery of(Query query) {
    Objects.requireNonNull(query, "query");
    return new WitQuery(
        query.filter() == null ? null : WireFormat.printFilter(query.filter()),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        query.orderBy(),
        query.hasLimit() ? query.limit() : null,
        query.offset() == 0 ? null : query.offset());
  }
}
