package org.wasmdbms.engine.concurrency;

import java.util.List;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;

/** The table of the concurrency tests: accounts with a balance and a note of any size. */
final class Accounts {
  static final String TABLE = "accounts";

  private Accounts() {}

  static TableSchema schema() {
    return TableSchema.of(
        TableDef.builder(TABLE)
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("balance", DataType.INT64))
            .column(ColumnDef.builder("note", DataType.TEXT))
            .build());
  }

  static Database registered(Database db) {
    db.register(schema());
    return db;
  }

  static Row row(long id, long balance) {
    return row(id, balance, "");
  }

  static Row row(long id, long balance, String note) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("balance", new Int64Value(balance))
        .set("note", new TextValue(note))
        .build();
  }

  static Row balance(long balance) {
    return Row.builder().set("balance", new Int64Value(balance)).build();
  }

  static Filter id(long id) {
    return new Filter.Eq("id", new Uint32Value(id));
  }

  /** The balance of account {@code id} outside any transaction, or null if there is none. */
  static Long balanceOf(Database db, long id) {
    return only(db.select(TABLE, Query.builder().filter(id(id)).build()));
  }

  /** The balance of account {@code id} as transaction {@code tx} sees it, or null. */
  static Long balanceOf(Database db, long tx, long id) {
    return only(db.select(tx, TABLE, Query.builder().filter(id(id)).build()));
  }

  private static Long only(List<Row> rows) {
    return rows.isEmpty() ? null : ((Int64Value) rows.get(0).get("balance")).value();
  }

  /** The sum of every balance and the number of accounts, outside any transaction. */
  static long[] sumAndCount(Database db) {
    long sum = 0;
    List<Row> rows = db.select(TABLE, Query.builder().build());
    for (Row row : rows) {
      sum += ((Int64Value) row.get("balance")).value();
    }
    return new long[] {sum, rows.size()};
  }
}
