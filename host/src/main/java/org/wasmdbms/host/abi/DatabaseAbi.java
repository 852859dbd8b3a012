package org.wasmdbms.host.abi;

import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.host.model.AggregateFunction;
import org.wasmdbms.host.model.AggregatedRow;
import org.wasmdbms.host.model.WitQuery;

/**
 * The {@code database} interface called through the canonical ABI on one guest instance: each
 * method lowers its arguments, calls the core export, lifts the {@code result}, then calls the
 * export's {@code cabi_post_} function so the guest frees what it returned.
 *
 * <p>An {@code err} result is thrown as the api's {@link DbmsException} subclass for its case, with
 * the case's string as detail ("" for cases without one). A broken result is a {@link GuestFault};
 * a trap is whatever Chicory throws. Not thread-safe: the caller serialises calls.
 */
public final class DatabaseAbi {
  private final GuestExports guest;
  private final Lifting lifting;

  /** Binds to {@code guest}. */
  public DatabaseAbi(GuestExports guest) {
    this.guest = guest;
    this.lifting = new Lifting(guest.memory());
  }

  /** {@code select}. */
  public List<Row> select(String table, WitQuery query, Long tx) {
    Lowering args = new Lowering(guest, DatabaseFunction.SELECT);
    args.string(0, table);
    args.query(1, query);
    args.optionU64(2, tx);
    return call(DatabaseFunction.SELECT, args, lifting::rows);
  }

  /** {@code aggregate}. */
  public List<AggregatedRow> aggregate(
      String table, WitQuery query, List<AggregateFunction> aggregates, Long tx) {
    Lowering args = new Lowering(guest, DatabaseFunction.AGGREGATE);
    args.string(0, table);
    args.query(1, query);
    args.aggregates(2, aggregates);
    args.optionU64(3, tx);
    return call(DatabaseFunction.AGGREGATE, args, lifting::aggregatedRows);
  }

  /** {@code insert}: returns the row as stored. */
  public Row insert(String table, Row values, Long tx) {
    Lowering args = new Lowering(guest, DatabaseFunction.INSERT);
    args.string(0, table);
    args.row(1, values);
    args.optionU64(2, tx);
    return call(DatabaseFunction.INSERT, args, lifting::row);
  }

  /** {@code update}: returns how many rows changed. */
  public long update(String table, Row values, String filter, Long tx) {
    Lowering args = new Lowering(guest, DatabaseFunction.UPDATE);
    args.string(0, table);
    args.row(1, values);
    args.optionString(2, filter);
    args.optionU64(3, tx);
    return call(DatabaseFunction.UPDATE, args, lifting::u64);
  }

  /** {@code delete}: returns how many rows were deleted, cascaded ones included. */
  public long delete(String table, DeleteBehavior behavior, String filter, Long tx) {
    Lowering args = new Lowering(guest, DatabaseFunction.DELETE);
    args.string(0, table);
    args.deleteBehavior(1, behavior);
    args.optionString(2, filter);
    args.optionU64(3, tx);
    return call(DatabaseFunction.DELETE, args, lifting::u64);
  }

  /** {@code begin-transaction}: returns the new transaction's id. */
  public long beginTransaction() {
    Lowering args = new Lowering(guest, DatabaseFunction.BEGIN_TRANSACTION);
    return call(DatabaseFunction.BEGIN_TRANSACTION, args, lifting::u64);
  }

  /** {@code commit}. */
  public void commit(long tx) {
    Lowering args = new Lowering(guest, DatabaseFunction.COMMIT);
    args.u64(0, tx);
    call(DatabaseFunction.COMMIT, args, null);
  }

  /** {@code rollback}. */
  public void rollback(long tx) {
    Lowering args = new Lowering(guest, DatabaseFunction.ROLLBACK);
    args.u64(0, tx);
    call(DatabaseFunction.ROLLBACK, args, null);
  }

  private <T> T call(DatabaseFunction function, Lowering args, Lifting.Reader<T> ok) {
    long[] results = guest.call(function.exportName(), args.arguments());
    int at = (int) results[0];
    Lifting.Outcome<T> outcome = lifting.result(function, at, ok);
    guest.call(function.postReturnName(), at);
    if (outcome.error() != null) {
      throw outcome.error();
    }
    return outcome.value();
  }
}
