package org.wasmdbms.engine.typed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.engine.Database;

/**
 * The tables of one database schema and the routing of raw operations by table name to their
 * generated code. The generated {@code <Schema>Dispatcher} subclasses pass the tables in dependency
 * order (every table after the tables its foreign keys reference).
 *
 * <p>Raw operations go through the table's typed code: an inserted row becomes an insert request
 * and the stored record comes back as a row, so raw callers (the WebAssembly exports) get exactly
 * the checks and conversions of typed callers.
 *
 * <p>Immutable once constructed, so one dispatcher may serve any number of threads; every operation
 * is a call of the thread-safe {@link TypedSession} it is given.
 */
public abstract class SchemaDispatcher {
  private final List<TableMapping<?>> tables;
  private final Map<String, TableMapping<?>> byName = new HashMap<>();

  /**
   * Creates the dispatcher.
   *
   * @param tables the tables in dependency order, with distinct names
   * @throws IllegalArgumentException if two tables share a name
   */
  protected SchemaDispatcher(List<TableMapping<?>> tables) {
    this.tables = Collections.unmodifiableList(new ArrayList<>(tables));
    for (TableMapping<?> table : tables) {
      if (byName.put(table.name(), table) != null) {
        throw new IllegalArgumentException("two tables named " + table.name());
      }
    }
  }

  /** The tables in dependency order. */
  public final List<TableMapping<?>> tables() {
    return tables;
  }

  /**
   * The table called {@code name}.
   *
   * @throws TableNotFoundException if the schema has no such table
   */
  public final TableMapping<?> table(String name) {
    TableMapping<?> table = byName.get(name);
    if (table == null) {
      throw new TableNotFoundException(name);
    }
    return table;
  }

  /** Registers every table with {@code database}, in dependency order. */
  public final void registerAll(Database database) {
    for (TableMapping<?> table : tables) {
      database.register(table.schema());
    }
  }

  /**
   * Inserts a raw row into {@code table}.
   *
   * @return the row as stored
   */
  public final Row insert(TypedSession session, String table, Row row) {
    return insert(session, table(table), row);
  }

  private static <R> Row insert(TypedSession session, TableMapping<R> table, Row row) {
    return table.toRow(session.insert(table.insertRequest(row)));
  }

  /** The rows of {@code table} that {@code query} selects. */
  public final List<Row> select(TypedSession session, String table, Query query) {
    return select(session, table(table), query);
  }

  private static <R> List<Row> select(TypedSession session, TableMapping<R> table, Query query) {
    List<Row> rows = new ArrayList<>();
    for (R record : session.select(table, query)) {
      rows.add(table.toRow(record));
    }
    return rows;
  }

  /**
   * Sets the columns of {@code values} in the rows of {@code table} matching {@code filter} (null:
   * every row).
   *
   * @return the number of rows updated
   */
  public final long update(TypedSession session, String table, Row values, Filter filter) {
    return session.update(table(table).updateRequest(values, filter));
  }

  /**
   * Deletes the rows of {@code table} matching {@code filter} (null: every row).
   *
   * @return the number of rows deleted, cascaded rows included
   */
  public final long delete(
      TypedSession session, String table, DeleteBehavior behavior, Filter filter) {
    return session.delete(table(table), behavior, filter);
  }
}
