package org.wasmdbms.host;

import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.engine.Database;
import org.wasmdbms.example.ExampleSchemaDispatcher;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.wit.WitQuery;

/**
 * The contract's database over the JVM engine, set up the way the guest sets up its own: the
 * example schema registered through the generated dispatcher, filters parsed from their wire form
 * before they reach the engine.
 */
final class EngineContractDatabase implements ContractDatabase {
  private final Database database;

  /** Opens a database on {@code provider} (owned from here on) with the example schema. */
  EngineContractDatabase(MemoryProvider provider) {
    database = Database.open(provider);
    try {
      ExampleSchemaDispatcher.INSTANCE.registerAll(database);
    } catch (DbmsException e) {
      database.close();
      throw e;
    }
  }

  @Override
  public List<Row> select(String table, WitQuery query, Long tx) {
    Query parsed = query.toQuery();
    return tx == null ? database.select(table, parsed) : database.select(tx, table, parsed);
  }

  @Override
  public List<AggregatedRow> aggregate(
      String table, WitQuery query, List<AggregateFunction> functions, Long tx) {
    Query parsed = query.toQuery();
    return tx == null
        ? database.aggregate(table, parsed, functions)
        : database.aggregate(tx, table, parsed, functions);
  }

  @Override
  public Row insert(String table, Row values, Long tx) {
    return tx == null ? database.insert(table, values) : database.insert(tx, table, values);
  }

  @Override
  public long update(String table, Row values, String filter, Long tx) {
    Filter parsed = ContractDatabase.parseFilter(filter);
    return tx == null
        ? database.update(table, values, parsed)
        : database.update(tx, table, values, parsed);
  }

  @Override
  public long delete(String table, DeleteBehavior behavior, String filter, Long tx) {
    Filter parsed = ContractDatabase.parseFilter(filter);
    return tx == null
        ? database.delete(table, behavior, parsed)
        : database.delete(tx, table, behavior, parsed);
  }

  @Override
  public long begin() {
    return database.begin();
  }

  @Override
  public void commit(long tx) {
    database.commit(tx);
  }

  @Override
  public void rollback(long tx) {
    database.rollback(tx);
  }

  @Override
  public void close() {
    database.close();
  }
}
