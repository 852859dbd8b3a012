package org.wasmdbms.host.model;

import java.util.Objects;

/**
 * One WIT {@code aggregate-function}.
 *
 * @param kind which function
 * @param column the column it reads; null only for {@link Kind#COUNT} of rows
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

  /** Checks that only a count may leave out its column. */
  public AggregateFunction {
    Objects.requireNonNull(kind, "kind");
    if (column == null && kind != Kind.COUNT) {
      throw new IllegalArgumentException(kind + " needs a column");
    }
  }

  /** {@code count(none)}: the number of rows. */
  public static AggregateFunction countRows() {
    return new AggregateFunction(Kind.COUNT, null);
  }

  /** {@code kind(column)}. */
  public static AggregateFunction of(Kind kind, String column) {
    return new AggregateFunction(kind, Objects.requireNonNull(column, "column"));
  }
}
