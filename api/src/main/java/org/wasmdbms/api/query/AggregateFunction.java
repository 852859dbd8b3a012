package org.wasmdbms.api.query;

import java.util.Objects;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * One aggregate function of an aggregate request (the WIT {@code aggregate-function}). Immutable
 * and thread-safe.
 *
 * <p>{@link Kind#COUNT} without a column counts rows, with one the non-null values of it. {@link
 * Kind#SUM} and {@link Kind#AVG} read integer, decimal and float columns; {@link Kind#MIN} and
 * {@link Kind#MAX} any column an ORDER BY can sort. The column may be qualified ({@code
 * "posts.id"}) when the request joins tables.
 *
 * @param kind which function
 * @param column the column it reads; null only for a count of rows
 */
public record AggregateFunction(Kind kind, String column) {
  /** The aggregate functions, in the WIT variant's case order. */
  public enum Kind {
    /** Counts rows, or the non-null values of a column. */
    COUNT,
    /** Sums a column. */
    SUM,
    /** Averages a column. */
    AVG,
    /** The smallest value of a column. */
    MIN,
    /** The largest value of a column. */
    MAX
  }

  /**
   * Checks that only a count may leave out its column.
   *
   * @throws InvalidQueryException if another function has no column
   */
  public AggregateFunction {
    Objects.requireNonNull(kind, "kind");
    if (column == null && kind != Kind.COUNT) {
      throw new InvalidQueryException(kind + " needs a column");
    }
  }

  /** {@code count(none)}: the number of rows. */
  public static AggregateFunction countRows() {
    return new AggregateFunction(Kind.COUNT, null);
  }

  /** {@code count(some(column))}: the number of non-null values of {@code column}. */
  public static AggregateFunction count(String column) {
    return of(Kind.COUNT, column);
  }

  /** {@code sum(column)}. */
  public static AggregateFunction sum(String column) {
    return of(Kind.SUM, column);
  }

  /** {@code avg(column)}. */
  public static AggregateFunction avg(String column) {
    return of(Kind.AVG, column);
  }

  /** {@code min(column)}. */
  public static AggregateFunction min(String column) {
    return of(Kind.MIN, column);
  }

  /** {@code max(column)}. */
  public static AggregateFunction max(String column) {
    return of(Kind.MAX, column);
  }

  /** {@code kind(column)}; the column is required. */
  public static AggregateFunction of(Kind kind, String column) {
    return new AggregateFunction(kind, Objects.requireNonNull(column, "column"));
  }
}
