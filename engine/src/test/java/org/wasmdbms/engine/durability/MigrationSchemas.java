package org.wasmdbms.engine.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;

/**
 * The two versions of the table {@link MigrationKillTest} migrates. Version 1: {@code rows(id
 * Uint32 pk, name Text, n Uint8)}. Version 2 renames {@code name} to {@code label} and upper-cases
 * it with a transform, widens {@code n} to Int64 and adds {@code extra Text default "x"}.
 */
final class MigrationSchemas {
  static final int ROWS = 100_000;

  private MigrationSchemas() {}

  static TableSchema version1() {
    return TableSchema.of(
        TableDef.builder("rows")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("name", DataType.TEXT))
            .column(ColumnDef.builder("n", DataType.UINT8))
            .build());
  }

  static TableSchema version2() {
    return TableSchema.builder(
            TableDef.builder("rows")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("label", DataType.TEXT))
                .column(ColumnDef.builder("n", DataType.INT64))
                .column(ColumnDef.builder("extra", DataType.TEXT).defaultValue(new TextValue("x")))
                .build())
        .renamedFrom("label", "name")
        .transform("label", "upper", v -> new TextValue(((TextValue) v).value().toUpperCase()))
        .build();
  }

  /** Fills a new database with the version 1 rows, in one commit. */
  static void fill(Database db) {
    db.register(version1());
    long tx = db.begin();
    for (int i = 1; i <= ROWS; i++) {
      db.insert(
          tx,
          "rows",
          Row.builder()
              .set("id", new Uint32Value(i))
              .set("name", new TextValue("row" + i))
              .set("n", new Uint8Value(i % 200))
              .build());
    }
    db.commit(tx);
  }

  /** Checks that {@code db} holds every row, in the shape of {@code version} (1 or 2). */
  static void check(Database db, int version, String where) {
    List<Row> rows = db.select("rows", Query.ALL);
    assertEquals(ROWS, rows.size(), where + ": row count");
    for (int i = 1; i <= ROWS; i++) {
      Row row = rows.get(i - 1);
      assertEquals(new Uint32Value(i), row.get("id"), where);
      if (version == 1) {
        assertEquals(new TextValue("row" + i), row.get("name"), where);
        assertEquals(new Uint8Value(i % 200), row.get("n"), where);
      } else {
        assertEquals(new TextValue("ROW" + i), row.get("label"), where);
        assertEquals(new Int64Value(i % 200), row.get("n"), where);
        assertEquals(new TextValue("x"), row.get("extra"), where);
      }
    }
  }
}
