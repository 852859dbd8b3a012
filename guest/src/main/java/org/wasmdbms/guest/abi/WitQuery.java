package org.wasmdbms.guest.abi;

import java.util.List;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.query.Query;

/**
 * The WIT {@code query} record as lifted, before it is checked against what the engine can do.
 *
 * @param filter the JSON filter, or null
 * @param distinctBy the distinct-by columns
 * @param eagerRelations the relations to load eagerly
 * @param joins the JSON joins
 * @param groupBy the group-by columns
 * @param having the JSON having filter, or null
 * @param orderBy the sort keys
 * @param limit the limit as a u64 bit pattern, or null
 * @param offset the offset as a u64 bit pattern, or null
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
   * The engine query for a {@code select}.
   *
   * @throws InvalidQueryException if the query uses a feature the engine does not have yet
   *     (distinct-by, eager relations, joins, group-by, having), a limit or offset of 2^63 or more,
   *     or a malformed filter
   * @throws org.wasmdbms.api.error.DbmsException as {@link WireFormat#parseFilter} does
   */
  public Query toQuery() {
    refuseMissing("distinct-by", !distinctBy.isEmpty());
    refuseMissing("eager-relations", !eagerRelations.isEmpty());
    refuseMissing("joins", !joins.isEmpty());
    refuseMissing("group-by", !groupBy.isEmpty());
    refuseMissing("having", having != null);
    Query.Builder query = Query.builder();
    if (filter != null) {
      query.filter(WireFormat.parseFilter(filter));
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

  private static void refuseMissing(String feature, boolean used) {
    if (used) {
      throw new InvalidQueryException(feature + " is not supported by the engine yet");
    }
  }

  private static long signed(String what, long u64) {
    if (u64 < 0) {
      throw new InvalidQueryException(what + " must be below 2^63");
    }
    return u64;
  }
}
