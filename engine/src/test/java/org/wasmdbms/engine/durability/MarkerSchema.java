package org.wasmdbms.engine.durability;

import java.util.List;
import java.util.TreeMap;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;

/**
 * The schema of the durability tests. Commit {@code n} inserts {@link #parts(long)} rows into
 * {@code marks}, each with batch {@code n}; a commit of one row is a plain insert, a commit of
 * several is a transaction that also sets the single {@code counter} row to {@code n}. So a reader
 * can tell whole commits from partial ones.
 */
final class MarkerSchema {
  private MarkerSchema() {}

  static void register(Database db) {
    db.register(
        TableSchema.of(
            TableDef.builder("marks")
                .column(ColumnDef.builder("id", DataType.UINT64).primaryKey())
                .column(ColumnDef.builder("batch", DataType.UINT64))
                .column(ColumnDef.builder("note", DataType.TEXT))
                .build()));
    db.register(
        TableSchema.of(
            TableDef.builder("counter")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("value", DataType.UINT64))
                .build()));
  }

  /** How many rows commit {@code batch} inserts: 1 to 4, a fixed function of the batch. */
  static int parts(long batch) {
    return 1 + (int) (batch * 7 % 4);
  }

  /**
   * Writes commit {@code batch}: one row alone, or several rows and the counter in a transaction.
   */
  static void commit(Database db, long batch) {
    int parts = parts(batch);
    Row counter = Row.builder().set("value", new Uint64Value(batch)).build();
    if (parts == 1) {
      db.insert("marks", mark(batch, 0));
      return;
    }
    long tx = db.begin();
    for (int part = 0; part < parts; part++) {
      db.insert(tx, "marks", mark(batch, part));
    }
    if (db.select(tx, "counter", Query.ALL).isEmpty()) {
      db.insert(
          tx,
          "counter",
          Row.builder().set("id", new Uint32Value(1)).set("value", new Uint64Value(batch)).build());
    } else {
      db.update(tx, "counter", counter, null);
    }
    db.commit(tx);
  }

  private static Row mark(long batch, int part) {
    return Row.builder()
        .set("id", new Uint64Value(batch * 10 + part))
        .set("batch", new Uint64Value(batch))
        .set(
            "note",
            new TextValue("batch " + batch + " part " + part + " " + "x".repeat(part * 300)))
        .build();
  }

  /** Batch number to the number of its rows found, with the counter value under key -1. */
  static TreeMap<Long, Integer> read(Database db) {
    TreeMap<Long, Integer> found = new TreeMap<>();
    for (Row row : db.select("marks", Query.ALL)) {
      long batch = ((Uint64Value) row.get("batch")).value();
      long id = ((Uint64Value) row.get("id")).value();
      if (id / 10 != batch
          || !row.get("note").equals(new TextValue(noteOf(batch, (int) (id % 10))))) {
        throw new AssertionError("row " + id + " holds wrong content: " + row);
      }
      found.merge(batch, 1, (a, b) -> a + b);
    }
    List<Row> counter = db.select("counter", Query.ALL);
    if (!counter.isEmpty()) {
      found.put(-1L, (int) ((Uint64Value) counter.get(0).get("value")).value());
    }
    return found;
  }

  private static String noteOf(long batch, int part) {
    return "batch " + batch + " part " + part + " " + "x".repeat(part * 300);
  }
}
