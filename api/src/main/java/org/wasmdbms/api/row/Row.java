package org.wasmdbms.api.row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueText;

/**
 * An ordered list of named values: what callers insert and what selects return (the WIT {@code
 * row}). Immutable. Rows returned by the engine hold every column of the table, in the table's
 * column order; rows given to the engine may hold any subset.
 *
 * <p>Names are not checked here: a name that appears twice or that the table does not know is
 * rejected by the engine with a typed error.
 */
public final class Row {
  private final List<ColumnValue> columns;

  private Row(List<ColumnValue> columns) {
    this.columns = columns;
  }

  /** A row of the given column values, in that order. */
  public static Row of(List<ColumnValue> columns) {
    for (ColumnValue column : columns) {
      Objects.requireNonNull(column, "column");
    }
    return new Row(Collections.unmodifiableList(new ArrayList<>(columns)));
  }

  /**
   * A row of {@code values} named by {@code names}, position by position, built without the copies
   * {@link #builder()} makes: what the engine uses for the many rows a select returns.
   *
   * @throws IllegalArgumentException if the two differ in length
   * @throws NullPointerException if a name or value is null
   */
  public static Row of(List<String> names, Value[] values) {
    if (names.size() != values.length) {
      throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
    }
    List<ColumnValue> columns = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      columns.add(new ColumnValue(names.get(i), values[i]));
    }
    return new Row(Collections.unmodifiableList(columns));
  }

  /** Starts a row built column by column. */
  public static Builder builder() {
    return new Builder();
  }

  /** The column values, in order. */
  public List<ColumnValue> columns() {
    return columns;
  }

  /** The number of columns. */
  public int size() {
    return columns.size();
  }

  /**
   * The value of the first column called {@code name}.
   *
   * @return the value, or null when the row has no such column
   */
  public Value get(String name) {
    for (ColumnValue column : columns) {
      if (column.name().equals(name)) {
        return column.value();
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Row row && row.columns.equals(columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  /** Renders the row as {@code { id: 1, name: "Alice" }}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{ ");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(columns.get(i).name())
          .append(": ")
          .append(ValueText.display(columns.get(i).value()));
    }
    return out.append(columns.isEmpty() ? "}" : " }").toString();
  }

  /** Collects column values in order. Not thread-safe. */
  public static final class Builder {
    private final List<ColumnValue> columns = new ArrayList<>();

    private Builder() {}

    /** Appends a column; a Java {@code null} value is stored as {@link NullValue}. */
    public Builder set(String name, Value value) {
      columns.add(new ColumnValue(name, value == null ? NullValue.INSTANCE : value));
      return this;
    }

    /** The row built so far. */
    public Row build() {
      return Row.of(columns);
    }
  }
}
