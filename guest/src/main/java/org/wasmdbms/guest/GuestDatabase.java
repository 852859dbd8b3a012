package org.wasmdbms.guest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.engine.Database;
import org.wasmdbms.example.ExampleSchemaDispatcher;
import org.wasmdbms.guest.abi.WitQuery;
import org.wasmdbms.guest.wasi.WasiFileMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/**
 * The guest's one database: opened on the first call on {@value #DATA_FILE} in the WASI preopened
 * directory, with the example schema registered (generated from the annotated records of {@code
 * org.wasmdbms.example} by the annotation processor). A failed open (a foreign file, a schema
 * mismatch) is reported to that call and retried on the next one.
 *
 * <p>Each operation takes the WIT arguments as lifted and returns engine results; errors are the
 * engine's {@link DbmsException}s. Writes outside a transaction and commits are synced to the file
 * before they return. At most {@link GuestMemory#MAX_OPEN_TRANSACTIONS} transactions may be open.
 */
final class GuestDatabase {
  /** The data file's name in the preopened directory. */
  static final String DATA_FILE = "wasm-dbms.db";

  private final Set<Long> openTransactions = new HashSet<>();
  private Database database;

  private Database database() {
    if (database == null) {
      database = open();
    }
    return database;
  }

  /** Opens the database files; the commit journal's provider joins the data provider here. */
  private static Database open() {
    MemoryProvider data = WasiFileMemoryProvider.open(DATA_FILE);
    Database opened;
    try {
      opened = Database.open(data);
    } catch (DbmsException e) {
      data.close();
      throw e;
    }
    try {
      ExampleSchemaDispatcher.INSTANCE.registerAll(opened);
    } catch (DbmsException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  List<Row> select(String table, WitQuery query, Long tx) {
    Database db = database();
    return tx == null ? db.select(table, query.toQuery()) : db.select(tx, table, query.toQuery());
  }

  /**
   * Refuses an aggregate, which the engine cannot compute yet, after checking the table and the
   * query's filter so that those errors come first.
   */
  void aggregate(String table, WitQuery query, Long tx) {
    Database db = database();
    if (!db.tables().contains(table)) {
      throw new TableNotFoundException(table);
    }
    if (query.filter() != null) {
      WireFormat.parseFilter(query.filter());
    }
    if (tx != null && !openTransactions.contains(tx)) {
      throw new TransactionNotFoundException("transaction " + tx + " is not open");
    }
    throw new InvalidQueryException("aggregate is not supported by the engine yet");
  }

  Row insert(String table, Row values, Long tx) {
    Database db = database();
    if (tx != null) {
      return db.insert(tx, table, values);
    }
    Row stored = db.insert(table, values);
    db.sync();
    return stored;
  }

  long update(String table, Row values, String filter, Long tx) {
    Database db = database();
    Filter parsed = filter == null ? null : WireFormat.parseFilter(filter);
    if (tx != null) {
      return db.update(tx, table, values, parsed);
    }
    long count = db.update(table, values, parsed);
    db.sync();
    return count;
  }

  long delete(String table, DeleteBehavior behavior, String filter, Long tx) {
    Database db = database();
    Filter parsed = filter == null ? null : WireFormat.parseFilter(filter);
    if (tx != null) {
      return db.delete(tx, table, behavior, parsed);
    }
    long count = db.delete(table, behavior, parsed);
    db.sync();
    return count;
  }

  long begin() {
    Database db = database();
    if (openTransactions.size() >= GuestMemory.MAX_OPEN_TRANSACTIONS) {
      throw new ConstraintViolationException(
          "more than " + GuestMemory.MAX_OPEN_TRANSACTIONS + " transactions open at once");
    }
    long id = db.begin();
    openTransactions.add(id);
    return id;
  }

  void commit(long tx) {
    Database db = database();
    openTransactions.remove(tx);
    db.commit(tx);
    db.sync();
  }

  void rollback(long tx) {
    Database db = database();
    openTransactions.remove(tx);
    db.rollback(tx);
  }
}
