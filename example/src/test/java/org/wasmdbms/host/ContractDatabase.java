package org.wasmdbms.host;

import java.util.List;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.wit.WitQuery;

/**
 * The {@code database} interface in the WIT's own terms, implemented over each engine the contract
 * suite ({@link ContractSuite}) checks: table names, rows of named api values, queries as the WIT's
 * {@link WitQuery}, filters as JSON text in the wire format, and transactions as ids (null: outside
 * any transaction). Every failure is the api's {@link org.wasmdbms.api.error.DbmsException}
 * subclass for its {@code dbms-error} case, so the suite can ask both engines for the same
 * exception class.
 */
interface ContractDatabase extends AutoCloseable {
  /** The rows of {@code table} matching {@code query}, as transaction {@code tx} sees them. */
  List<Row> select(String table, WitQuery query, Long tx);

  /** The {@code functions} over the rows of {@code table} matching {@code query}, by group. */
  List<AggregatedRow> aggregate(
      String table, WitQuery query, List<AggregateFunction> functions, Long tx);

  /** Inserts {@code values}; returns the row as stored. */
  Row insert(String table, Row values, Long tx);

  /** Sets {@code values} on the rows matching the JSON {@code filter} (null: all); the count. */
  long update(String table, Row values, String filter, Long tx);

  /**
   * Deletes the rows matching the JSON {@code filter} (null: all); the count, cascades included.
   */
  long delete(String table, DeleteBehavior behavior, String filter, Long tx);

  /** Begins a transaction; its id. */
  long begin();

  /** Commits transaction {@code tx}; it has ended either way. */
  void commit(long tx);

  /** Rolls transaction {@code tx} back. */
  void rollback(long tx);

  /**
   * A filter in its wire form parsed as the guest parses it; null for none.
   *
   * @throws org.wasmdbms.api.error.InvalidQueryException for a malformed filter
   */
  static Filter parseFilter(String json) {
    return json == null ? null : WireFormat.parseFilter(json);
  }

  /** Releases the database and its files. */
  @Override
  void close();
}
