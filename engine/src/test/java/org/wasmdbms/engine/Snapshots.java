package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;

/** Whole-database snapshots, to prove that a failed operation changed nothing. */
final class Snapshots {
  private Snapshots() {}

  /** Every row of every table, committed state, by table name in registration order. */
  static Map<String, List<Row>> of(Database db) {
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    for (String table : db.tables()) {
      tables.put(table, db.select(table, Query.ALL));
    }
    return tables;
  }

  /** Every row of every table as transaction {@code tx} sees it. */
  static Map<String, List<Row>> of(Database db, long tx) {
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    for (String table : db.tables()) {
      tables.put(table, db.select(tx, table, Query.ALL));
    }
    return tables;
  }

  /**
   * Runs {@code action}, expects it to throw {@code type}, and checks that the committed state is
   * the same before and after.
   */
  static <T extends DbmsException> T assertFailsUnchanged(
      Database db, Class<T> type, Executable action) {
    Map<String, List<Row>> before = of(db);
    T error = assertThrows(type, action);
    assertEquals(before, of(db), "a failed operation changed the database");
    return error;
  }

  /**
   * As {@link #assertFailsUnchanged(Database, Class, Executable)}, and also checks that the view of
   * transaction {@code tx} is unchanged.
   */
  static <T extends DbmsException> T assertFailsUnchanged(
      Database db, long tx, Class<T> type, Executable action) {
    Map<String, List<Row>> view = of(db, tx);
    T error = assertFailsUnchanged(db, type, action);
    assertEquals(view, of(db, tx), "a failed operation changed the transaction's view");
    return error;
  }
}
