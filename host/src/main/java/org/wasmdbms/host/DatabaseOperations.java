package org.wasmdbms.host;

import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.host.abi.DatabaseAbi;
import org.wasmdbms.wit.WitQuery;

/**
 * The reads and writes of the {@code database} interface, either on their own ({@link
 * DatabaseClient}, each write committed when it returns) or inside a {@link Transaction}.
 *
 * <p>Values, rows, filters and queries are the api module's types; they are converted at the
 * boundary (filters to their JSON wire form, printed once per filter object). Every failure is the
 * api's {@link DbmsException} subclass for the guest's {@code dbms-error} case, carrying the case's
 * detail.
 */
public abstract sealed class DatabaseOperations permits DatabaseClient, Transaction {
  /** One use of the guest with this object's transaction id (null outside a transaction). */
  interface Operation<T> {
    T run(DatabaseAbi abi, Long tx);
  }

  final DbmsHost host;

  DatabaseOperations(DbmsHost host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  /** Runs {@code operation} on the host with this object's transaction. */
  abstract <T> T run(Operation<T> operation);

  /**
   * The rows of {@code table} that match {@code query}: filter, joins, distinct, eager relations,
   * order, limit and offset.
   */
  public List<Row> select(String table, Query query) {
    return select(table, WitQuery.of(query, host.filterTexts()::text));
  }

  /** Every row of {@code table} in primary-key order. */
  public List<Row> selectAll(String table) {
    return select(table, WitQuery.ALL);
  }

  /**
   * The rows of {@code table} that match the full WIT {@code query} (distinct, joins and eager
   * relations included, for guests that have them).
   */
  public List<Row> select(String table, WitQuery query) {
    Objects.requireNonNull(query, "query");
    return run((abi, tx) -> abi.select(table, query, tx));
  }

  /**
   * The {@code aggregates} over the rows of {@code table} (joined, if the query joins) that match
   * {@code query}, one row per group of its group-by columns that passes its having filter.
   */
  public List<AggregatedRow> aggregate(
      String table, Query query, List<AggregateFunction> aggregates) {
    return aggregate(table, WitQuery.of(query, host.filterTexts()::text), aggregates);
  }

  /** {@link #aggregate(String, Query, List)} with the query in its WIT form. */
  public List<AggregatedRow> aggregate(
      String table, WitQuery query, List<AggregateFunction> aggregates) {
    Objects.requireNonNull(query, "query");
    List<AggregateFunction> copy = List.copyOf(aggregates);
    return run((abi, tx) -> abi.aggregate(table, query, copy, tx));
  }

  /** Inserts {@code values} into {@code table}; returns the row as stored. */
  public Row insert(String table, Row values) {
    Objects.requireNonNull(values, "values");
    return run((abi, tx) -> abi.insert(table, values, tx));
  }

  /**
   * Sets {@code values} on every row of {@code table} that matches {@code filter} (null: every
   * row); returns how many rows changed.
   */
  public long update(String table, Row values, Filter filter) {
    Objects.requireNonNull(values, "values");
    String json = filter == null ? null : host.filterTexts().text(filter);
    return run((abi, tx) -> abi.update(table, values, json, tx));
  }

  /**
   * Deletes every row of {@code table} that matches {@code filter} (null: every row); returns how
   * many rows were deleted, cascaded ones included.
   */
  public long delete(String table, DeleteBehavior behavior, Filter filter) {
    Objects.requireNonNull(behavior, "behavior");
    String json = filter == null ? null : host.filterTexts().text(filter);
    return run((abi, tx) -> abi.delete(table, behavior, json, tx));
  }
}
