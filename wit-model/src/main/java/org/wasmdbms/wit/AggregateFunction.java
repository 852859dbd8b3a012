package org.wasmdbms.wit;

import java.util.Objects;

/**
 * One WIT {@code aggregate-function}. Immutable.
 *
 * @param kind which function
 * @param column the column it reads; null only for {@link Kind#COUNT} of rows
 */
public record AggregateFunction(Kind kind, String column) {
  /**
   * The aggregate functions, in the case order of the WIT variants {@code aggregate-function} and
   * {@code aggregated-value} (both are built from this enum).
   */
  public enum Kind {
    /** Counts rows, or the non-null values of a column. */
    COUNT("count"),
    /** Sums a column. */
    SUM("sum"),
    /** Averages a column. */
    AVG("avg"),
    /** The smallest value of a column. */
    MIN("min"),
    /** The largest value of a column. */
    MAX("max");

    private final String witName;

    Kind(String witName) {
      this.witName = witName;
    }

    /** The case's name in the WIT file. */
    public String witName() {
      return witName;
    }
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
