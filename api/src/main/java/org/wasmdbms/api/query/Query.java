package org.wasmdbms.api.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * A select or aggregate request: an optional filter, an ordering on several keys, an optional limit
 * and offset, and for aggregates the group-by columns and a having filter. Immutable and
 * thread-safe; built with {@link #builder()}.
 *
 * <p>Without an ordering, rows come back in primary-key order. Limit and offset count rows after
 * filtering and ordering. In an aggregate they count groups, the ordering and the having filter
 * name group-by columns and the results {@code agg0}, {@code agg1}, and so on, and without an
 * ordering groups come in ascending order of their keys. A select with group-by columns or a having
 * filter is refused.
 *
 * @param filter the filter, or null for every row
 * @param orderBy the sort keys, most significant first
 * @param limit the maximum number of rows, or -1 for no limit
 * @param offset how many leading rows to skip, zero or more
 * @param groupBy the columns an aggregate groups by, possibly none (unmodifiable copy)
 * @param having the filter on an aggregate's groups, or null for every group
 */
public record Query(
    Filter filter,
    List<OrderKey> orderBy,
    long limit,
    long offset,
    List<String> groupBy,
    Filter having) {
  /** A query for every row in primary-key order. */
  public static final Query ALL = new Query(null, List.of(), -1, 0);

  /**
   * Checks the parts.
   *
   * @throws InvalidQueryException if the limit is below -1 or the offset is negative
   */
  public Query {
    Objects.requireNonNull(orderBy, "orderBy");
    orderBy = Collections.unmodifiableList(new ArrayList<>(orderBy));
    groupBy = Collections.unmodifiableList(new ArrayList<>(groupBy));
    for (String column : groupBy) {
      Objects.requireNonNull(column, "group-by column");
    }
    if (limit < -1) {
      throw new InvalidQueryException("limit must not be negative: " + limit);
    }
    if (offset < 0) {
      throw new InvalidQueryException("offset must not be negative: " + offset);
    }
  }

  /**
   * A query without group-by columns or a having filter.
   *
   * @throws InvalidQueryException if the limit is below -1 or the offset is negative
   */
  public Query(Filter filter, List<OrderKey> orderBy, long limit, long offset) {
    this(filter, orderBy, limit, offset, List.of(), null);
  }

  /** Whether the query has group-by columns or a having filter, which only aggregates take. */
  public boolean hasGroupByOrHaving() {
    return !groupBy.isEmpty() || having != null;
  }

  /** Whether a limit is set. */
  public boolean hasLimit() {
    return limit >= 0;
  }

  /** Starts a query that selects every row. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Query}. Not thread-safe. */
  public static final class Builder {
    private Filter filter;
    private final List<OrderKey> orderBy = new ArrayList<>();
    private long limit = -1;
    private long offset;
    private final List<String> groupBy = new ArrayList<>();
    private Filter having;

    private Builder() {}

    /** Keeps only rows that match {@code filter}. */
    public Builder filter(Filter filter) {
      this.filter = filter;
      return this;
    }

    /** Adds a sort key after the ones already given. */
    public Builder orderBy(String column, OrderDirection direction) {
      orderBy.add(new OrderKey(column, direction));
      return this;
    }

    /** Returns at most {@code limit} rows. */
    public Builder limit(long limit) {
      this.limit = limit;
      return this;
    }

    /** Skips the first {@code offset} rows. */
    public Builder offset(long offset) {
      this.offset = offset;
      return this;
    }

    /** Adds group-by columns after the ones already given (for aggregates). */
    public Builder groupBy(String... columns) {
      for (String column : columns) {
        groupBy.add(column);
      }
      return this;
    }

    /** Keeps only the groups that match {@code having} (for aggregates). */
    public Builder having(Filter having) {
      this.having = having;
      return this;
    }

    /**
     * The query.
     *
     * @throws InvalidQueryException if limit or offset is negative
     */
    public Query build() {
      return new Query(filter, orderBy, limit, offset, groupBy, having);
    }
  }
}
