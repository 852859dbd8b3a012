package org.wasmdbms.engine.typed;

import java.util.List;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MissingNonNullableFieldException;
import org.wasmdbms.api.row.ColumnValue;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * Checked access to the values of a {@link Row}, used by generated code before it casts a value to
 * the value class of its column type. Every method either returns a value of exactly the column's
 * type (or Java {@code null} for {@code Null}) or throws a typed error; none trusts its input.
 * Stateless, so thread-safe.
 */
public final class RowValues {
  private RowValues() {}

  /**
   * The value of column {@code name}, looked for first at {@code index} (where rows from the engine
   * hold it) and then by name, converted as by {@link #convert}.
   *
   * @throws InvalidQueryException if the row has no such column or its value has another type
   * @throws MissingNonNullableFieldException if the value is {@code Null} and {@code javaNullable}
   *     is false
   */
  public static Value read(Row row, int index, String name, DataType type, boolean javaNullable) {
    List<ColumnValue> columns = row.columns();
    if (index < columns.size() && columns.get(index).name().equals(name)) {
      return convert(columns.get(index), type, javaNullable);
    }
    for (ColumnValue column : columns) {
      if (column.name().equals(name)) {
        return convert(column, type, javaNullable);
      }
    }
    throw new InvalidQueryException("the row has no column " + name);
  }

  /**
   * The value of {@code column} converted to {@code type} as the engine converts it (an integer to
   * any integer type whose range holds it, Float32 to Float64), or Java {@code null} for {@code
   * Null}.
   *
   * @param javaNullable whether the receiving Java field can hold {@code null}
   * @throws InvalidQueryException if the value has another type that does not convert
   * @throws MissingNonNullableFieldException if the value is {@code Null} and {@code javaNullable}
   *     is false
   */
  public static Value convert(ColumnValue column, DataType type, boolean javaNullable) {
    Value value = column.value();
    if (value.isNull()) {
      if (!javaNullable) {
        throw new MissingNonNullableFieldException(column.name());
      }
      return null;
    }
    try {
      return Values.coerce(value, type);
    } catch (InvalidQueryException e) {
      throw new InvalidQueryException("column " + column.name() + ": " + e.detail());
    }
  }

  /**
   * Checks that no column name appears twice in {@code row}.
   *
   * @throws InvalidQueryException naming the first repeated column
   */
  public static void requireDistinctNames(Row row) {
    List<ColumnValue> columns = row.columns();
    for (int i = 1; i < columns.size(); i++) {
      String name = columns.get(i).name();
      for (int j = 0; j < i; j++) {
        if (columns.get(j).name().equals(name)) {
          throw new InvalidQueryException("column " + name + " is given twice");
        }
      }
    }
  }

  /**
   * The row of the slots that were set, in table order: {@code slots[i]} holds the value of the
   * table's column {@code i}, or Java {@code null} when the column was left out.
   *
   * @throws IllegalArgumentException if {@code slots} does not have one entry per column
   */
  public static Row collect(List<ColumnDef> columns, Value[] slots) {
    if (slots.length != columns.size()) {
      throw new IllegalArgumentException(
          slots.length + " slots for " + columns.size() + " columns");
    }
    Row.Builder row = Row.builder();
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != null) {
        row.set(columns.get(i).name(), slots[i]);
      }
    }
    return row.build();
  }
}
