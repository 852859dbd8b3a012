package org.wasmdbms.host;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.query.Query;

/**
 * The part of the WIT {@code query} record that both the JVM engine and the guest serve: a filter
 * as JSON text in the wire format (parsed by whoever receives it, so malformed text can be sent),
 * sort keys, and a limit and offset (null for none).
 *
 * @param filter the JSON filter, or null for every row
 * @param orderBy the sort keys, most significant first
 * @param limit the maximum number of rows, or null
 * @param offset how many leading rows to skip, or null
 */
record ContractQuery(String filter, List<OrderKey> orderBy, Long limit, Long offset) {
  /** Every row, in primary-key order. */
  static final ContractQuery ALL = new ContractQuery(null, List.of(), null, null);

  ContractQuery {
    orderBy = List.copyOf(orderBy);
  }

  /** The rows matching the JSON {@code filter}. */
  static ContractQuery where(String filter) {
    return new ContractQuery(filter, List.of(), null, null);
  }

  /** This query with one more sort key after the existing ones. */
  ContractQuery orderBy(String column, OrderDirection direction) {
    List<OrderKey> keys = new ArrayList<>(orderBy);
    keys.add(new OrderKey(column, direction));
    return new ContractQuery(filter, keys, limit, offset);
  }

  /** This query returning at most {@code count} rows. */
  ContractQuery limit(long count) {
    return new ContractQuery(filter, orderBy, count, offset);
  }

  /** This query skipping the first {@code count} rows. */
  ContractQuery offset(long count) {
    return new ContractQuery(filter, orderBy, limit, count);
  }

  /**
   * A filter in its wire form parsed as the guest parses it; null for none.
   *
   * @throws org.wasmdbms.api.error.InvalidQueryException for a malformed filter
   */
  static Filter parseFilter(String json) {
    return json == null ? null : WireFormat.parseFilter(json);
  }

  /**
   * The engine's query, with the filter parsed from its wire form as the guest parses it.
   *
   * @throws org.wasmdbms.api.error.InvalidQueryException for a malformed filter
   */
  Query toEngineQuery() {
    Query.Builder query = Query.builder();
    if (filter != null) {
      query.filter(parseFilter(filter));
    }
    for (OrderKey key : orderBy) {
      query.orderBy(key.column(), key.direction());
    }
    if (limit != null) {
      query.limit(limit);
    }
    if (offset != null) {
      query.offset(offset);
    }
    return query.build();
  }
}
