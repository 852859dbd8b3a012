package org.wasmdbms.engine.typed;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.engine.Database;

/**
 * Typed operations on a {@link Database}, either each atomic on its own ({@link
 * #autoCommit(Database)}) or all inside one transaction ({@link #begin()}).
 *
 * <p>Every method has the semantics and the errors of the {@link Database} method it calls: it
 * either succeeds or throws a {@link org.wasmdbms.api.error.DbmsException} and changes nothing.
 * Records are converted by the table's {@link TableMapping}.
 *
 * <p>Thread-safe: a session is immutable and every call is one call of the thread-safe {@link
 * Database}, so one session, autocommit or in a transaction, may be shared by any number of
 * threads. The generated table code it calls holds no mutable state.
 */
public final class TypedSession {
  private final Database database;
  private final boolean inTransaction;
  private final long transactionId;

  private TypedSession(Database database, boolean inTransaction, long transactionId) {
    this.database = Objects.requireNonNull(database, "database");
    this.inTransaction = inTransaction;
    this.transactionId = transactionId;
  }

  /** A session whose every write is committed on its own. */
  public static TypedSession autoCommit(Database database) {
    return new TypedSession(database, false, 0);
  }

  /** A session inside the already open transaction {@code transactionId} of {@code database}. */
  public static TypedSession inTransaction(Database database, long transactionId) {
    return new TypedSession(database, true, transactionId);
  }

  /** The database this session works on. */
  public Database database() {
    return database;
  }

  /** Whether this session runs inside a transaction. */
  public boolean isTransaction() {
    return inTransaction;
  }

  /**
   * The id of this session's transaction.
   *
   * @throws TransactionNotFoundException if the session is not in a transaction
   */
  public long transactionId() {
    requireTransaction();
    return transactionId;
  }

  /** Starts a new transaction on the same database and returns a session inside it. */
  public TypedSession begin() {
    return inTransaction(database, database.begin());
  }

  /**
   * Commits this session's transaction; see {@link Database#commit(long)}.
   *
   * @throws TransactionNotFoundException if the session is not in an open transaction
   */
  public void commit() {
    database.commit(transactionId());
  }

  /**
   * Rolls this session's transaction back; see {@link Database#rollback(long)}.
   *
   * @throws TransactionNotFoundException if the session is not in an open transaction
   */
  public void rollback() {
    database.rollback(transactionId());
  }

  /**
   * Inserts the row of {@code request}.
   *
   * @return the record as stored: sanitized, with defaults and autoincrement values filled in
   */
  public <R> R insert(InsertRequest<R> request) {
    TableMapping<R> table = request.table();
    Row stored =
        inTransaction
            ? database.insert(transactionId, table.name(), request.row())
            : database.insert(table.name(), request.row());
    return table.fromRow(stored);
  }

  /**
   * The records of {@code table} that {@code query} selects, in its order.
   *
   * @throws InvalidQueryException if the query joins tables (records hold one table's columns: use
   *     {@link Database#select}) or asks for eager relations (use {@link #selectWithRelations})
   */
  public <R> List<R> select(TableMapping<R> table, Query query) {
    refuseJoins(query);
    if (!query.eagerRelations().isEmpty()) {
      throw new InvalidQueryException(
          "a typed select returns records without relations; use selectWithRelations");
    }
    List<Row> rows = selectRows(table.name(), query);
    List<R> records = new ArrayList<>(rows.size());
    for (Row row : rows) {
      records.add(table.fromRow(row));
    }
    return records;
  }

  /**
   * The records of {@code table} that {@code query} selects, in its order, each with the records
   * every foreign key of the table references (null where the key is null), read as eager
   * relations: one batch per relation.
   *
   * @throws InvalidQueryException if the query joins tables or names eager relations itself
   */
  public <W> List<W> selectWithRelations(RelationMapping<?, W> table, Query query) {
    refuseJoins(query);
    if (!query.eagerRelations().isEmpty()) {
      throw new InvalidQueryException(
          "selectWithRelations loads every relation of the table; leave eager relations out");
    }
    List<Row> rows = selectRows(table.name(), query.withEagerRelations(table.relations()));
    List<W> records = new ArrayList<>(rows.size());
    for (Row row : rows) {
      records.add(table.withRelations(row));
    }
    return records;
  }

  private static void refuseJoins(Query query) {
    if (!query.joins().isEmpty()) {
      throw new InvalidQueryException(
          "a typed select cannot join tables; use a raw select (Database.select), whose rows hold"
              + " the joined columns");
    }
  }

  /** The raw rows of {@code table} that {@code query} selects, in its order. */
  List<Row> selectRows(String table, Query query) {
    return inTransaction
        ? database.select(transactionId, table, query)
        : database.select(table, query);
  }

  /**
   * The groups of the rows of {@code table} that {@code query} selects, with one result per
   * function; see {@link Database#aggregate(String, Query, List)}.
   */
  public List<AggregatedRow> aggregate(
      TableMapping<?> table, Query query, List<AggregateFunction> functions) {
    return inTransaction
        ? database.aggregate(transactionId, table.name(), query, functions)
        : database.aggregate(table.name(), query, functions);
  }

  /**
   * Applies {@code request}.
   *
   * @return the number of rows updated
   */
  public long update(UpdateRequest<?> request) {
    String table = request.table().name();
    return inTransaction
        ? database.update(transactionId, table, request.values(), request.filter())
        : database.update(table, request.values(), request.filter());
  }

  /**
   * Deletes the rows of {@code table} matching {@code filter} (null: every row).
   *
   * @return the number of rows deleted, cascaded rows included
   */
  public long delete(TableMapping<?> table, DeleteBehavior behavior, Filter filter) {
    return inTransaction
        ? database.delete(transactionId, table.name(), behavior, filter)
        : database.delete(table.name(), behavior, filter);
  }

  private void requireTransaction() {
    if (!inTransaction) {
      throw new TransactionNotFoundException("the session is not in a transaction");
    }
  }
}
