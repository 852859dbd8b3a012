package org.wasmdbms.api.row;

import java.util.ArrayList;
import java.util.Arrays;
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
  private final List<String> names;
  private final Value[] values;

  /** The column values, made on first use: most rows are only read by name. */
  private List<ColumnValue> columns;

  private Row(List<String> names, Value[] values) {
    this.names = names;
    this.values = values;
  }

  /** A row of the given column values, in that order. */
  public static Row of(List<ColumnValue> columns) {
    List<String> names = new ArrayList<>(columns.size());
    Value[] values = new Value[columns.size()];
    for (int i = 0; i < values.length; i++) {
      ColumnValue column = Objects.requireNonNull(columns.get(i), "column");
      names.add(column.name());
      values[i] = column.value();
    }
    return new Row(Collections.unmodifiableList(names), values);
  }

  /**
   * A row of {@code values} named by {@code names}, position by position, built without copies:
   * what the engine uses for the many rows a select returns, which all share one list of names. The
   * row takes {@code values} over, and {@code names} must never change afterwards.
   *
   * @throws IllegalArgumentException if the two differ in length
   * @throws NullPointerException if a name or value is null
   */
  public static Row of(List<String> names, Value[] values) {
    if (names.size() != values.length) {
      throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
    }
    for (int i = 0; i < values.length; i++) {
      Objects.requireNonNull(names.get(i), "name");
      Objects.requireNonNull(values[i], "value");
    }
    return new Row(names, values);
  }

  /** Starts a row built column by column. */
  public static Builder builder() {
    return new Builder();
  }

  /** The column values, in order. */
  public List<ColumnValue> columns() {
    List<ColumnValue> made = columns;
    if (made == null) {
      ColumnValue[] all = new ColumnValue[values.length];
      for (int i = 0; i < all.length; i++) {
        all[i] = new ColumnValue(names.get(i), values[i]);
      }
      made = Collections.unmodifiableList(Arrays.asList(all));
      columns = made;
    }
    return made;
  }

  /** The number of columns. */
  public int size() {
    return values.length;
  }

  /**
   * The name of column {@code index}: with {@link #value(int)}, a walk over the columns that makes
   * no {@link ColumnValue}s, for the engine, which reads every row it is given.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
   */
  public String name(int index) {
    return names.get(checkIndex(index));
  }

  /**
   * The value of column {@code index}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
   */
  public Value value(int index) {
    return values[checkIndex(index)];
  }

  // Checked here: an array index out of bounds is malformed under TeaVM.
  private int checkIndex(int index) {
    if (index < 0 || index >= values.length) {
      throw new IndexOutOfBoundsException("no column " + index + " in a row of " + values.length);
    }
    return index;
  }

  /**
   * The value of the first column called {@code name}.
   *
   * @return the value, or null when the row has no such column
   */
  public Value get(String name) {
    for (int i = 0; i < values.length; i++) {
      if (names.get(i).equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Row row && Arrays.equals(row.values, values) && row.names.equals(names);
  }

  @Override
  public int hashCode() {
    return columns().hashCode();
  }

  /** Renders the row as {@code { id: 1, name: "Alice" }}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{ ");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(names.get(i)).append(": ").append(ValueText.display(values[i]));
    }
    return out.append(values.length == 0 ? "}" : " }").toString();
  }

  /** Collects column values in order. Not thread-safe. */
  public static final class Builder {
    // Two growing arrays, not a list of ColumnValue: build() hands them to the row without
    // making a pair object per column (a bulk insert builds a row per insert).
    private String[] names = new String[8];
    private Value[] values = new Value[8];
    private int size;

    private Builder() {}

    /** Appends a column; a Java {@code null} value is stored as {@link NullValue}. */
    public Builder set(String name, Value value) {
      Objects.requireNonNull(name, "name");
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value == null ? NullValue.INSTANCE : value;
      size++;
      return this;
    }

    /** The row built so far. */
    public Row build() {
      return new Row(
          Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(names, size))),
          Arrays.copyOf(values, size));
    }
  }
}
