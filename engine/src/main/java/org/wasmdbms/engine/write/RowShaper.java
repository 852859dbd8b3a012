package org.wasmdbms.engine.write;

import java.util.List;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MissingNonNullableFieldException;
import org.wasmdbms.api.error.SanitizationException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.rules.Sanitizer;
import org.wasmdbms.api.rules.Validator;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.TableSchema;

/**
 * Turns the named values a caller gives into a stored row (insert) or a {@link Patch} (update):
 * resolves names, converts values to the column types, fills defaults and autoincrement values,
 * runs sanitizers then validators, and checks nullability. Constraints that need other rows (keys,
 * uniqueness, foreign keys) are the {@link Writer}'s job.
 */
public final class RowShaper {
  private RowShaper() {}

  /**
   * The full row to insert for {@code input}.
   *
   * @throws UnknownColumnException for a name the table lacks
   * @throws InvalidQueryException for a column given twice or a value of the wrong type
   * @throws MissingNonNullableFieldException for a non-nullable column left out without a default
   *     or set to null
   * @throws org.wasmdbms.api.error.SanitizationException if a sanitizer refuses a value
   * @throws org.wasmdbms.api.error.ValidationException if a validator refuses a value
   */
  public static Value[] forInsert(TableSchema schema, Row input, AutoIncrementSource counters) {
    TableDef table = schema.definition();
    List<ColumnDef> columns = table.columns();
    Value[] row = new Value[columns.size()];
    for (int i = 0; i < input.size(); i++) {
      int index = resolve(table, input.name(i), i, row);
      row[index] = convert(columns.get(index), input.value(i));
    }
    for (int i = 0; i < row.length; i++) {
      ColumnDef column = columns.get(i);
      if (row[i] == null || (row[i].isNull() && column.autoIncrement())) {
        row[i] = column.autoIncrement() ? null : column.defaultValue().orElse(NullValue.INSTANCE);
      }
    }
    for (int i = 0; i < row.length; i++) {
      if (row[i] != null) {
        row[i] = sanitizeAndValidate(schema, i, row[i]);
      }
    }
    // Autoincrement values are taken last, so that input refused above does not consume one.
    // Explicit values are reported with AutoIncrementSource.observe once the insert succeeded.
    for (int i = 0; i < row.length; i++) {
      if (columns.get(i).autoIncrement() && row[i] == null) {
        row[i] = counters.next(table.name(), i);
      }
    }
    return row;
  }

  /**
   * The patch for an update that sets the columns of {@code input}, its values converted to the
   * column types. Sanitizers, nullability and validators are left to {@link #checked}, which runs
   * only when the update has a row to change: an update that matches nothing succeeds whatever it
   * would have set, as in SQL.
   *
   * @throws UnknownColumnException for a name the table lacks
   * @throws InvalidQueryException for a column given twice, a value of the wrong type, or no column
   *     at all
   */
  public static Patch forUpdate(TableSchema schema, Row input) {
    TableDef table = schema.definition();
    if (input.size() == 0) {
      throw new InvalidQueryException("an update must set at least one column");
    }
    Value[] seen = new Value[table.columns().size()];
    int[] columns = new int[input.size()];
    Value[] values = new Value[input.size()];
    for (int i = 0; i < input.size(); i++) {
      int index = resolve(table, input.name(i), -1, seen);
      Value value = convert(table.columns().get(index), input.value(i));
      seen[index] = value;
      columns[i] = index;
      values[i] = value;
    }
    return new Patch(columns, values);
  }

  /**
   * {@code patch} (from {@link #forUpdate}) with its values sanitized and validated.
   *
   * @throws MissingNonNullableFieldException for null in a non-nullable column
   * @throws SanitizationException if a sanitizer refuses a value
   * @throws ValidationException if a validator refuses a value
   */
  public static Patch checked(TableSchema schema, Patch patch) {
    Value[] values = new Value[patch.values().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = sanitizeAndValidate(schema, patch.columns()[i], patch.values()[i]);
    }
    return new Patch(patch.columns(), values);
  }

  /**
   * The position of column {@code name}, tried first at {@code likely} (-1: nowhere): rows are
   * mostly given in the table's column order, and a search by name of every column of every row was
   * a tenth of a bulk insert.
   */
  private static int resolve(TableDef table, String name, int likely, Value[] alreadyGiven) {
    List<ColumnDef> columns = table.columns();
    int index =
        likely >= 0 && likely < columns.size() && columns.get(likely).name().equals(name)
            ? likely
            : table.columnIndex(name);
    if (index < 0) {
      throw new UnknownColumnException(name);
    }
    if (alreadyGiven[index] != null) {
      throw new InvalidQueryException("column " + name + " is given twice");
    }
    return index;
  }

  private static Value convert(ColumnDef column, Value value) {
    try {
      return Values.coerce(value, column.type());
    } catch (InvalidQueryException e) {
      throw new InvalidQueryException("column " + column.name() + ": " + e.detail());
    }
  }

  /** Rule failures name the column, which the rules themselves do not know. */
  private static Value sanitizeAndValidate(TableSchema schema, int index, Value value) {
    ColumnDef column = schema.definition().columns().get(index);
    Value result = value;
    // Indexed loops: most columns have no rule, and an iterator per column per row is waste.
    List<Sanitizer<Value>> sanitizers = schema.sanitizers(index);
    try {
      for (int i = 0; i < sanitizers.size(); i++) {
        result = sanitizers.get(i).sanitize(result);
      }
    } catch (SanitizationException e) {
      throw new SanitizationException("column " + column.name() + ": " + e.detail());
    }
    boolean isNull = result == NullValue.INSTANCE;
    if (isNull && !column.nullable()) {
      throw new MissingNonNullableFieldException(column.name());
    }
    // Values reach here converted already (forInsert, forUpdate; defaults have the column's type):
    // only what a sanitizer returned may need converting.
    if (!isNull && !sanitizers.isEmpty()) {
      result = convert(column, result);
    }
    try {
      List<Validator<Value>> validators = schema.validators(index);
      for (int i = 0; i < validators.size(); i++) {
        validators.get(i).validate(result);
      }
    } catch (ValidationException e) {
      throw new ValidationException("column " + column.name() + ": " + e.detail());
    }
    return result;
  }
}
