package org.wasmdbms.api.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * A select request: an optional filter, an ordering on several keys, and an optional limit and
 * offset. Immutable; built with {@link #builder()}.
 *
 * <p>Without an ordering, rows come back in primary-key order. Limit and offset count rows after
 * filtering and ordering.
 *
 * @param filter the filter, or null for every row
 * @param orderBy the sort keys, most significant first
 * @param limit the maximum number of rows, or -1 for no limit
 * @param offset how many leading rows to skip, zero or more
 */
public record Query(Filter filter, List<OrderKey> orderBy, long limit, long offset) {
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
    if (limit < -1) {
      throw new InvalidQueryException("limit must not be negative: " + limit);
    }
    if (offset < 0) {
      throw new InvalidQueryException("offset must not be negative: " + offset);
    }
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

    /**
     * The query.
     *
     * @throws InvalidQueryException if limit or offset is negative
     */
    public Query build() {
      return new Query(filter, orderBy, limit, offset);
    }
  }
}
