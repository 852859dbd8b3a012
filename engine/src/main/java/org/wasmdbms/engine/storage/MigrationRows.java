package org.wasmdbms.engine.storage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.MigrationException;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.ForeignKeyDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueText;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.TableSchema;

/**
 * The first, read-only half of a migration: builds every row of a rebuilt table in its new shape
 * and checks the new rules against them (not null, primary key, unique columns and indexes, foreign
 * keys), so that a migration that cannot succeed fails before it writes a byte.
 */
final class MigrationRows {
  private MigrationRows() {}

  /**
   * The rows of {@code schema}'s table in the new shape: values taken from the stored column that
   * {@code mapping} names (widened if need be) or the default or {@code Null}, then every pending
   * transform, in the order of its id.
   *
   * @param unique the column positions of every unique index the rebuilt table will have
   * @throws MigrationException naming the step whose rule a row breaks, and the row's key
   */
  static List<Value[]> build(
      TableSchema schema,
      CatalogEntry stored,
      MigrationPlanner.TableMapping mapping,
      Iterator<Value[]> oldRows,
      List<List<Integer>> unique) {
    TableDef def = schema.definition();
    int columns = def.columns().size();
    List<Value[]> rows = new ArrayList<>();
    while (oldRows.hasNext()) {
      Value[] old = oldRows.next();
      Value[] row = new Value[columns];
      for (int i = 0; i < columns; i++) {
        ColumnDef column = def.columns().get(i);
        int source = mapping.sources()[i];
        row[i] =
            source < 0
                ? column.defaultValue().orElse(NullValue.INSTANCE)
                : Values.coerce(old[source], column.type());
      }
      rows.add(row);
    }
    for (int i = 0; i < columns; i++) {
      transform(schema, stored, i, rows);
    }
    int primaryKey = def.primaryKeyIndex();
    for (int i = 0; i < columns; i++) {
      ColumnDef column = def.columns().get(i);
      if (!column.nullable()) {
        for (Value[] row : rows) {
          if (row[i].isNull()) {
            throw refused(def, column, mapping.steps(), row, primaryKey, "it would be Null");
          }
        }
      }
      if (column.primaryKey() || column.unique()) {
        checkUnique(def, List.of(i), rows, mapping.steps());
      }
    }
    for (List<Integer> index : unique) {
      checkUnique(def, index, rows, mapping.steps());
    }
    return rows;
  }

  private static void transform(
      TableSchema schema, CatalogEntry stored, int i, List<Value[]> rows) {
    TableDef def = schema.definition();
    ColumnDef column = def.columns().get(i);
    TreeMap<String, TableSchema.NamedTransform> pending = new TreeMap<>();
    for (TableSchema.NamedTransform transform : schema.transforms(i)) {
      if (!stored.transforms().contains(transform.id())) {
        pending.put(transform.id(), transform);
      }
    }
    for (TableSchema.NamedTransform transform : pending.values()) {
      String step =
          "transform-column " + def.name() + "." + column.name() + " with " + transform.id();
      for (Value[] row : rows) {
        if (row[i].isNull()) {
          continue;
        }
        Value result = apply(transform, row[i], step);
        if (result == null || (!result.isNull() && result.type() != column.type())) {
          throw new MigrationException(
              step
                  + " returned "
                  + (result == null ? "nothing" : "a " + result.type().wireName())
                  + " for "
                  + ValueText.display(row[i])
                  + ", not a "
                  + column.type().wireName());
        }
        row[i] = result;
      }
    }
  }

  private static Value apply(TableSchema.NamedTransform transform, Value value, String step) {
    try {
      return transform.function().apply(value);
    } catch (DbmsException e) {
      throw new MigrationException(
          step + " failed on " + ValueText.display(value) + ": " + e.detail());
    } catch (RuntimeException e) {
      // Not described: an exception thrown inside the TeaVM guest may be malformed.
      throw new MigrationException(
          step + " threw an unexpected exception on " + ValueText.display(value));
    }
  }

  private static void checkUnique(
      TableDef def, List<Integer> columns, List<Value[]> rows, List<MigrationOp> steps) {
    TreeSet<byte[]> seen = new TreeSet<>(KeyEncoding::compareUnsigned);
    int primaryKey = def.primaryKeyIndex();
    for (Value[] row : rows) {
      List<Value> key = new ArrayList<>(columns.size());
      boolean hasNull = false;
      for (int c : columns) {
        key.add(row[c]);
        hasNull |= row[c].isNull();
      }
      if (!hasNull && !seen.add(KeyEncoding.encode(key))) {
        ColumnDef column = def.columns().get(columns.get(0));
        throw refused(
            def,
            column,
            steps,
            row,
            primaryKey,
            "another row has the same " + describe(def, columns));
      }
    }
  }

  private static String describe(TableDef def, List<Integer> columns) {
    StringBuilder names = new StringBuilder();
    for (int c : columns) {
      names.append(names.length() == 0 ? "" : ", ").append(def.columns().get(c).name());
    }
    return names.toString();
  }

  /**
   * Checks every foreign key of the new schema whose child or parent table is rebuilt: each
   * non-null value must exist in the parent column.
   *
   * @param rebuilt the new rows of the rebuilt and created tables
   * @param current the rows of any other registered table
   */
  static void checkForeignKeys(
      List<MigrationOp> steps,
      Map<String, TableSchema> registered,
      Map<String, List<Value[]>> rebuilt,
      Function<String, Iterator<Value[]>> current) {
    for (TableSchema schema : registered.values()) {
      TableDef def = schema.definition();
      for (int c = 0; c < def.columns().size(); c++) {
        ColumnDef column = def.columns().get(c);
        if (column.foreignKey().isEmpty()) {
          continue;
        }
        ForeignKeyDef fk = column.foreignKey().get();
        if (!rebuilt.containsKey(def.name()) && !rebuilt.containsKey(fk.table())) {
          continue;
        }
        TableDef parent = registered.get(fk.table()).definition();
        int parentColumn = parent.columnIndex(fk.column());
        TreeSet<byte[]> keys = new TreeSet<>(KeyEncoding::compareUnsigned);
        Iterator<Value[]> parents = rowsOf(fk.table(), rebuilt, current);
        while (parents.hasNext()) {
          Value value = parents.next()[parentColumn];
          if (!value.isNull()) {
            keys.add(KeyEncoding.encode(value));
          }
        }
        Iterator<Value[]> children = rowsOf(def.name(), rebuilt, current);
        while (children.hasNext()) {
          Value[] row = children.next();
          if (!row[c].isNull() && !keys.contains(KeyEncoding.encode(row[c]))) {
            throw refused(
                def,
                column,
                steps,
                row,
                def.primaryKeyIndex(),
                "it references "
                    + fk.table()
                    + "."
                    + fk.column()
                    + " = "
                    + ValueText.display(row[c])
                    + ", which does not exist");
          }
        }
      }
    }
  }

  private static Iterator<Value[]> rowsOf(
      String table,
      Map<String, List<Value[]>> rebuilt,
      Function<String, Iterator<Value[]>> current) {
    List<Value[]> rows = rebuilt.get(table);
    return rows != null ? rows.iterator() : current.apply(table);
  }

  private static MigrationException refused(
      TableDef def,
      ColumnDef column,
      List<MigrationOp> steps,
      Value[] row,
      int primaryKey,
      String why) {
    String step = "the migration of table " + def.name();
    for (MigrationOp op : steps) {
      boolean same = op.table().equals(def.name()) && op.column().equals(column.name());
      if (same && (op.kind() == MigrationOp.Kind.ALTER_COLUMN || step.startsWith("the "))) {
        step = op.describe();
      }
    }
    return new MigrationException(
        step
            + " is refused: in the row with key "
            + ValueText.display(row[primaryKey])
            + " of "
            + def.name()
            + ", column "
            + column.name()
            + " breaks its rule: "
            + why);
  }
}
