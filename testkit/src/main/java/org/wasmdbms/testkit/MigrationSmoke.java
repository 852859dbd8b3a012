package org.wasmdbms.testkit;

import java.io.PrintStream;
import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.ColumnValue;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.api.value.ValueText;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * A schema migration on the heap provider: a database written with version 1 of a table is opened
 * with version 2 (a rename, an added, a widened, a transformed and a dropped column, a new index, a
 * dropped table). Prints the drift, the plan, the refusals (policy, a tightening the data breaks)
 * and the migrated rows, so the engine's migration code runs, and is compared, in WebAssembly too.
 */
public final class MigrationSmoke {
  private MigrationSmoke() {}

  /** Runs the scenario. */
  public static void run(PrintStream out) {
    HeapMemoryProvider memory = new HeapMemoryProvider();
    Database first = Database.open(memory, Long.MAX_VALUE);
    first.register(version1());
    first.register(
        TableSchema.of(
            TableDef.builder("old")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .build()));
    for (int i = 1; i <= 30; i++) {
      first.insert(
          "users",
          Row.builder()
              .set("id", new Uint32Value(i))
              .set("mail", new TextValue("User" + i + "@Example.com"))
              .set("age", new Uint8Value(i % 7 * 10))
              .set("note", i % 3 == 0 ? NullValue.INSTANCE : new TextValue("n" + i))
              .build());
    }
    // The heap provider outlives a database object: a second one opens the same bytes, as a
    // program restarted with a new schema opens its file.
    Database second = Database.open(memory, Long.MAX_VALUE);
    second.register(version2(false));
    out.println("drift " + second.hasDrift());
    for (MigrationOp step : second.pendingMigrations()) {
      out.println("step " + step.describe());
    }
    attempt(out, "select", () -> second.select("users", Query.ALL));
    attempt(out, "safe migrate", () -> second.migrate(MigrationPolicy.SAFE));
    Database tightened = Database.open(memory, Long.MAX_VALUE);
    tightened.register(version2(true));
    attempt(out, "unique age", () -> tightened.migrate(MigrationPolicy.DESTRUCTIVE));
    second.migrate(MigrationPolicy.DESTRUCTIVE);
    out.println("drift after " + second.hasDrift() + ", tables " + second.tables());
    List<Row> rows = second.select("users", Query.ALL);
    out.println("rows " + rows.size());
    for (Row row : rows.subList(0, 4)) {
      StringBuilder line = new StringBuilder("row");
      for (ColumnValue column : row.columns()) {
        line.append(' ')
            .append(column.name())
            .append('=')
            .append(ValueText.display(column.value()));
      }
      out.println(line);
    }
    Database third = Database.open(memory, Long.MAX_VALUE);
    third.register(version2(false));
    out.println("reopened drift " + third.hasDrift());
  }

  private static TableSchema version1() {
    return TableSchema.of(
        TableDef.builder("users")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("mail", DataType.TEXT))
            .column(ColumnDef.builder("age", DataType.UINT8))
            .column(ColumnDef.builder("note", DataType.TEXT).nullable())
            .build());
  }

  private static TableSchema version2(boolean uniqueAge) {
    ColumnDef.Builder age = ColumnDef.builder("age", DataType.INT32);
    TableDef def =
        new TableDef(
            "users",
            List.of(
                ColumnDef.builder("id", DataType.UINT32).primaryKey().build(),
                ColumnDef.builder("email", DataType.TEXT).build(),
                (uniqueAge ? age.unique() : age).build(),
                ColumnDef.builder("score", DataType.INT32).defaultValue(new Int32Value(5)).build()),
            List.of(new IndexDef("by_age", List.of("age"), false)));
    return TableSchema.builder(def)
        .renamedFrom("email", "mail")
        .transform("email", "tag-mails", v -> new TextValue("<" + ((TextValue) v).value() + ">"))
        .build();
  }

  private static void attempt(PrintStream out, String what, Runnable action) {
    try {
      action.run();
      out.println(what + " ok");
    } catch (DbmsException e) {
      out.println(what + " " + e.kind().witName() + ": " + e.detail());
    }
  }
}
