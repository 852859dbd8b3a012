package org.wasmdbms.engine.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wasmdbms.api.error.MigrationException;
import org.wasmdbms.api.migration.AddColumnOp;
import org.wasmdbms.api.migration.AlterColumnOp;
import org.wasmdbms.api.migration.ColumnChanges;
import org.wasmdbms.api.migration.ColumnSnapshot;
import org.wasmdbms.api.migration.CreateTableOp;
import org.wasmdbms.api.migration.DefaultChange;
import org.wasmdbms.api.migration.DropColumnOp;
import org.wasmdbms.api.migration.ForeignKeyChange;
import org.wasmdbms.api.migration.ForeignKeySnapshot;
import org.wasmdbms.api.migration.IndexOp;
import org.wasmdbms.api.migration.IndexSnapshot;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.RenameColumnOp;
import org.wasmdbms.api.migration.TableSchemaSnapshot;
import org.wasmdbms.api.migration.TransformOp;
import org.wasmdbms.api.migration.TypeChangeOp;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.engine.TableSchema;

/**
 * Works out the steps from a stored table to the table in code, and which stored column each column
 * in code takes its values from. Pure: it reads definitions only.
 */
final class MigrationPlanner {
  private MigrationPlanner() {}

  /**
   * How one registered table that the file holds maps onto its stored form.
   *
   * @param sources per column in code, the position of the stored column it takes its values from,
   *     or -1 for a new column
   * @param steps the steps of this table, unordered
   */
  record TableMapping(int[] sources, List<MigrationOp> steps) {}

  /** The ids of every transform {@code schema} declares, in declaration order. */
  static List<String> declaredTransforms(TableSchema schema) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < schema.definition().columns().size(); i++) {
      for (TableSchema.NamedTransform transform : schema.transforms(i)) {
        ids.add(transform.id());
      }
    }
    return ids;
  }

  /** Whether the file records every transform {@code schema} declares as run. */
  static boolean transformsRan(TableSchema schema, CatalogEntry stored) {
    return stored.transforms().containsAll(declaredTransforms(schema));
  }

  /** The step that creates {@code schema}. */
  static MigrationOp create(TableSchema schema) {
    return new MigrationOp.CreateTable(
        new CreateTableOp(schema.name(), TableSchemaSnapshot.of(schema.definition())));
  }

  /**
   * Maps {@code schema} onto the stored table {@code stored}.
   *
   * @throws MigrationException if no step leads there: a new column that is neither nullable nor
   *     has a default, a type change that is not a widening, or a moved primary key
   */
  static TableMapping map(TableSchema schema, CatalogEntry stored) {
    TableDef now = schema.definition();
    TableDef old = stored.definition();
    String table = now.name();
    List<MigrationOp> steps = new ArrayList<>();
    int[] sources = new int[now.columns().size()];
    boolean[] kept = new boolean[old.columns().size()];
    for (int i = 0; i < sources.length; i++) {
      ColumnDef column = now.columns().get(i);
      int source = sourceOf(schema, i, old, steps);
      sources[i] = source;
      if (source < 0) {
        if (!column.nullable() && column.defaultValue().isEmpty()) {
          throw new MigrationException(
              "new column "
                  + table
                  + "."
                  + column.name()
                  + " is not nullable and has no default, so the rows already stored cannot get a"
                  + " value; declare a default or make it nullable");
        }
        steps.add(new MigrationOp.AddColumn(new AddColumnOp(table, ColumnSnapshot.of(column))));
      } else {
        kept[source] = true;
        compare(table, old.columns().get(source), column, steps);
      }
      for (TableSchema.NamedTransform transform : schema.transforms(i)) {
        if (!stored.transforms().contains(transform.id())) {
          steps.add(
              new MigrationOp.TransformColumn(
                  new TransformOp(table, column.name(), transform.id())));
        }
      }
    }
    for (int c = 0; c < kept.length; c++) {
      if (!kept[c]) {
        steps.add(new MigrationOp.DropColumn(new DropColumnOp(table, old.columns().get(c).name())));
      }
    }
    compareIndexes(now, old, sources, steps);
    return new TableMapping(sources, steps);
  }

  private static int sourceOf(TableSchema schema, int i, TableDef old, List<MigrationOp> steps) {
    TableDef now = schema.definition();
    String name = now.columns().get(i).name();
    int same = old.columnIndex(name);
    if (same >= 0) {
      return same;
    }
    for (String earlier : schema.renamedFrom(i)) {
      int renamed = old.columnIndex(earlier);
      if (renamed >= 0 && now.columnIndex(earlier) < 0) {
        steps.add(new MigrationOp.RenameColumn(new RenameColumnOp(now.name(), earlier, name)));
        return renamed;
      }
    }
    return -1;
  }

  private static void compare(
      String table, ColumnDef before, ColumnDef after, List<MigrationOp> steps) {
    String where = table + "." + after.name();
    if (before.primaryKey() != after.primaryKey()) {
      throw new MigrationException(
          "column " + where + " gains or loses the primary key; moving a primary key is no step");
    }
    if (before.type() != after.type()) {
      if (!widens(before.type(), after.type())) {
        throw new MigrationException(
            "column "
                + where
                + " changes type from "
                + before.type().wireName()
                + " to "
                + after.type().wireName()
                + ", which is not a widening; add a new column and a transform instead");
      }
      steps.add(
          new MigrationOp.WidenColumn(
              new TypeChangeOp(table, after.name(), before.type(), after.type())));
    }
    ColumnChanges changes =
        new ColumnChanges(
            changed(before.nullable(), after.nullable()),
            changed(before.unique(), after.unique()),
            changed(before.autoIncrement(), after.autoIncrement()),
            before.defaultValue().equals(after.defaultValue())
                ? Optional.empty()
                : Optional.of(
                    after.defaultValue().isEmpty()
                        ? new DefaultChange.Drop()
                        : new DefaultChange.Set(after.defaultValue().get())),
            before.foreignKey().equals(after.foreignKey())
                ? Optional.empty()
                : Optional.of(
                    after.foreignKey().isEmpty()
                        ? new ForeignKeyChange.Drop()
                        : new ForeignKeyChange.Set(
                            new ForeignKeySnapshot(
                                after.foreignKey().get().table(),
                                after.foreignKey().get().column()))));
    if (!changes.equals(ColumnChanges.NONE)) {
      steps.add(new MigrationOp.AlterColumn(new AlterColumnOp(table, after.name(), changes)));
    }
  }

  private static Optional<Boolean> changed(boolean before, boolean after) {
    return before == after ? Optional.empty() : Optional.of(after);
  }

  /**
   * Whether every value of {@code from} keeps its number in {@code to}: a wider integer of the same
   * signedness, an unsigned integer to a wider signed one, or Float32 to Float64.
   */
  static boolean widens(DataType from, DataType to) {
    if (from == DataType.FLOAT32) {
      return to == DataType.FLOAT64;
    }
    if (!from.isInteger() || !to.isInteger()) {
      return false;
    }
    boolean fromSigned = from.code() <= DataType.INT64.code();
    boolean toSigned = to.code() <= DataType.INT64.code();
    return (fromSigned == toSigned || (!fromSigned && toSigned)) && width(to) > width(from);
  }

  private static int width(DataType integer) {
    return (integer.code() - 1) % 4;
  }

  /** Index steps: stored indexes are compared under the new column names. */
  private static void compareIndexes(
      TableDef now, TableDef old, int[] sources, List<MigrationOp> steps) {
    List<IndexSnapshot> wanted = new ArrayList<>(TableSchemaSnapshot.of(now).indexes());
    List<IndexSnapshot> dropped = new ArrayList<>();
    for (IndexSnapshot index : TableSchemaSnapshot.of(old).indexes()) {
      IndexSnapshot renamed = underNewNames(index, now, old, sources);
      if (renamed != null && wanted.remove(renamed)) {
        continue;
      }
      dropped.add(index);
    }
    for (IndexSnapshot index : dropped) {
      steps.add(new MigrationOp.DropIndex(new IndexOp(now.name(), index)));
    }
    for (IndexSnapshot index : wanted) {
      steps.add(new MigrationOp.AddIndex(new IndexOp(now.name(), index)));
    }
  }

  private static IndexSnapshot underNewNames(
      IndexSnapshot index, TableDef now, TableDef old, int[] sources) {
    List<String> columns = new ArrayList<>();
    for (String column : index.columns()) {
      int stored = old.columnIndex(column);
      int target = -1;
      for (int i = 0; i < sources.length; i++) {
        if (sources[i] == stored) {
          target = i;
        }
      }
      if (target < 0) {
        return null;
      }
      columns.add(now.columns().get(target).name());
    }
    return new IndexSnapshot(columns, index.unique());
  }

  /**
   * Puts steps in plan order: by kind, then table name, then column name, then their description;
   * create-table steps in the order of {@code registration}.
   */
  static void sort(List<MigrationOp> steps, List<String> registration) {
    steps.sort(
        Comparator.comparingInt((MigrationOp op) -> op.kind().ordinal())
            .thenComparingInt(
                op ->
                    op.kind() == MigrationOp.Kind.CREATE_TABLE
                        ? registration.indexOf(op.table())
                        : 0)
            .thenComparing(MigrationOp::table)
            .thenComparing(MigrationOp::column)
            .thenComparing(MigrationOp::describe));
  }
}
