package org.wasmdbms.api.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * A select or aggregate request: an optional filter, an ordering on several keys, an optional limit
 * and offset, joins with other tables, the columns whose value combinations are kept once ({@code
 * distinctBy}), the foreign-key relations loaded eagerly, and for aggregates the group-by columns
 * and a having filter. Immutable and thread-safe; built with {@link #builder()}.
 *
 * <p>Without an ordering, rows come back in primary-key order (for joins: the select table's rows
 * in primary-key order, each followed by its matches in the joined table's primary-key order).
 * Distinct runs after the filter and before ordering; limit and offset count rows after filtering,
 * distinct and ordering, joined rows included. Joins and eager relations cannot be combined.
 *
 * <p>In an aggregate, limit and offset count groups, the ordering and the having filter name
 * group-by columns and the results {@code agg0}, {@code agg1}, and so on, and without an ordering
 * groups come in ascending order of their keys. A select with group-by columns or a having filter
 * is refused.
 *
 * @param filter the filter, or null for every row
 * @param orderBy the sort keys, most significant first
 * @param limit the maximum number of rows, or -1 for no limit
 * @param offset how many leading rows to skip, zero or more
 * @param joins the joins, applied left to right
 * @param distinctBy the columns of which each combination of values is kept once (empty: all rows)
 * @param eagerRelations the foreign-key columns, or referenced table names, whose referenced rows
 *     are returned with each row
 * @param groupBy the columns an aggregate groups by, possibly none
 * @param having the filter on an aggregate's groups, or null for every group
 */
public record Query(
    Filter filter,
    List<OrderKey> orderBy,
    long limit,
    long offset,
    List<Join> joins,
    List<String> distinctBy,
    List<String> eagerRelations,
    List<String> groupBy,
    Filter having) {
  /** A query for every row in primary-key order. */
  public static final Query ALL = new Query(null, List.of(), -1, 0);

  /**
   * Checks the parts.
   *
   * @throws InvalidQueryException if the limit is below -1, the offset is negative, or both joins
   *     and eager relations are given
   */
  public Query {
    orderBy = copy(orderBy, "orderBy");
    joins = copy(joins, "joins");
    distinctBy = copy(distinctBy, "distinctBy");
    eagerRelations = copy(eagerRelations, "eagerRelations");
    groupBy = copy(groupBy, "groupBy");
    if (limit < -1) {
      throw new InvalidQueryException("limit must not be negative: " + limit);
    }
    if (offset < 0) {
      throw new InvalidQueryException("offset must not be negative: " + offset);
    }
    if (!joins.isEmpty() && !eagerRelations.isEmpty()) {
      throw new InvalidQueryException(
          "a select cannot have both joins and eager relations; join the related tables instead");
    }
  }

  /** A query without joins, distinct, eager relations, group-by columns or a having filter. */
  public Query(Filter filter, List<OrderKey> orderBy, long limit, long offset) {
    this(filter, orderBy, limit, offset, List.of(), List.of(), List.of(), List.of(), null);
  }

  /** Whether the query has group-by columns or a having filter, which only aggregates take. */
  public boolean hasGroupByOrHaving() {
    return !groupBy.isEmpty() || having != null;
  }

  private static <T> List<T> copy(List<T> list, String what) {
    Objects.requireNonNull(list, what);
    if (list.isEmpty()) {
      // Most of a query's lists are empty; on the guest path each copy costs several objects.
      return List.of();
    }
    for (T element : list) {
      Objects.requireNonNull(element, what);
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** This query with {@code relations} as its eager relations instead of its own. */
  public Query withEagerRelations(List<String> relations) {
    return new Query(filter, orderBy, limit, offset, joins, distinctBy, relations, groupBy, having);
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
    private final List<Join> joins = new ArrayList<>();
    private final List<String> distinctBy = new ArrayList<>();
    private final List<String> eagerRelations = new ArrayList<>();
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

    /** Adds a join after the ones already given. */
    public Builder join(Join join) {
      joins.add(Objects.requireNonNull(join, "join"));
      return this;
    }

    /**
     * Adds a join after the ones already given: rows of {@code table} whose {@code rightColumn}
     * equals {@code leftColumn} of the rows so far.
     */
    public Builder join(JoinType type, String table, String leftColumn, String rightColumn) {
      return join(new Join(type, table, leftColumn, rightColumn));
    }

    /** Keeps only the first row of each combination of these columns' values. */
    public Builder distinctBy(String... columns) {
      for (String column : columns) {
        distinctBy.add(Objects.requireNonNull(column, "column"));
      }
      return this;
    }

    /**
     * Returns with each row the rows these relations reference: each a foreign-key column of the
     * table or the name of a table that exactly one of its foreign keys references.
     */
    public Builder eager(String... relations) {
      for (String relation : relations) {
        eagerRelations.add(Objects.requireNonNull(relation, "relation"));
      }
      return this;
    }

    /** Adds group-by columns after the ones already given (for aggregates). */
    public Builder groupBy(String... columns) {
      for (String column : columns) {
        groupBy.add(Objects.requireNonNull(column, "column"));
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
     * @throws InvalidQueryException if limit or offset is negative, or joins and eager relations
     *     are both given
     */
    public Query build() {
      return new Query(
          filter, orderBy, limit, offset, joins, distinctBy, eagerRelations, groupBy, having);
    }
  }
}
