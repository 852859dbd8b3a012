package org.wasmdbms.host.abi;

import static org.wasmdbms.wit.DbmsFunction.AGGREGATE;
import static org.wasmdbms.wit.DbmsFunction.BEGIN_TRANSACTION;
import static org.wasmdbms.wit.DbmsFunction.BEGIN_TRANSACTION_ISOLATED;
import static org.wasmdbms.wit.DbmsFunction.COMMIT;
import static org.wasmdbms.wit.DbmsFunction.DELETE;
import static org.wasmdbms.wit.DbmsFunction.HAS_DRIFT;
import static org.wasmdbms.wit.DbmsFunction.INSERT;
import static org.wasmdbms.wit.DbmsFunction.MIGRATE;
import static org.wasmdbms.wit.DbmsFunction.PENDING_MIGRATIONS;
import static org.wasmdbms.wit.DbmsFunction.ROLLBACK;
import static org.wasmdbms.wit.DbmsFunction.SELECT;
import static org.wasmdbms.wit.DbmsFunction.UPDATE;

import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.wit.DbmsFunction;
import org.wasmdbms.wit.DbmsTypes;
import org.wasmdbms.wit.Lift;
import org.wasmdbms.wit.Lower;
import org.wasmdbms.wit.MigrationAbi;
import org.wasmdbms.wit.WitQuery;

/**
 * The {@code database} interface called through the canonical ABI on one guest instance: each
 * method lowers its arguments with {@link Lower}, calls the core export, lifts the {@code result}
 * with {@link Lift}, then calls the export's {@code cabi_post_} function so the guest frees what it
 * returned.
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
    Lowering args = new Lowering(guest, SELECT);
    Lower.string(args, args.param(0), table);
    Lower.query(args, args.param(1), query);
    Lower.optionU64(args, args.param(2), tx);
    return call(SELECT, args.arguments(), at -> Lift.rows(lifting, at, "rows"));
  }

  /** {@code aggregate}. */
  public List<AggregatedRow> aggregate(
      String table, WitQuery query, List<AggregateFunction> aggregates, Long tx) {
    Lowering args = new Lowering(guest, AGGREGATE);
    Lower.string(args, args.param(0), table);
    Lower.query(args, args.param(1), query);
    Lower.aggregateFunctions(args, args.param(2), aggregates);
    Lower.optionU64(args, args.param(3), tx);
    return call(AGGREGATE, args.arguments(), at -> Lift.aggregatedRows(lifting, at));
  }

  /** {@code insert}: returns the row as stored. */
  public Row insert(String table, Row values, Long tx) {
    Lowering args = new Lowering(guest, INSERT);
    Lower.string(args, args.param(0), table);
    Lower.row(args, args.param(1), values);
    Lower.optionU64(args, args.param(2), tx);
    return call(INSERT, args.arguments(), at -> Lift.row(lifting, at, "row"));
  }

  /** {@code update}: returns how many rows changed. */
  public long update(String table, Row values, String filter, Long tx) {
    Lowering args = new Lowering(guest, UPDATE);
    Lower.string(args, args.param(0), table);
    Lower.row(args, args.param(1), values);
    Lower.optionString(args, args.param(2), filter);
    Lower.optionU64(args, args.param(3), tx);
    return call(UPDATE, args.arguments(), lifting::i64);
  }

  /** {@code delete}: returns how many rows were deleted, cascaded ones included. */
  public long delete(String table, DeleteBehavior behavior, String filter, Long tx) {
    Lowering args = new Lowering(guest, DELETE);
    Lower.string(args, args.param(0), table);
    Lower.enumCase(args, args.param(1), DbmsTypes.DELETE_BEHAVIORS, behavior);
    Lower.optionString(args, args.param(2), filter);
    Lower.optionU64(args, args.param(3), tx);
    return call(DELETE, args.arguments(), lifting::i64);
  }

  /** {@code begin-transaction}: returns the new transaction's id. */
  public long beginTransaction() {
    return call(BEGIN_TRANSACTION, new long[0], lifting::i64);
  }

  /** {@code begin-transaction-isolated}: returns the new transaction's id. */
  public long beginTransactionIsolated(Isolation isolation) {
    long level = DbmsTypes.ISOLATIONS.indexOf(Objects.requireNonNull(isolation, "isolation"));
    return call(BEGIN_TRANSACTION_ISOLATED, new long[] {level}, lifting::i64);
  }

  /** {@code commit}. */
  public void commit(long tx) {
    call(COMMIT, new long[] {tx}, null);
  }

  /** {@code rollback}. */
  public void rollback(long tx) {
    call(ROLLBACK, new long[] {tx}, null);
  }

  /** {@code has-drift}: whether the stored schema differs from the guest's. */
  public boolean hasDrift() {
    return call(HAS_DRIFT, new long[0], at -> lifting.u8(at) != 0);
  }

  /** {@code pending-migrations}: the steps in the order {@code migrate} runs them. */
  public List<MigrationOp> pendingMigrations() {
    return call(PENDING_MIGRATIONS, new long[0], at -> MigrationAbi.liftOps(lifting, at));
  }

  /** {@code migrate}. */
  public void migrate(MigrationPolicy policy) {
    Lowering args = new Lowering(guest, MIGRATE);
    MigrationAbi.lowerPolicy(args, args.param(0), policy);
    call(MIGRATE, args.arguments(), null);
  }

  /**
   * Calls {@code function} with core arguments built by hand, for tests of how a guest answers
   * arguments no well-behaved host sends; the ok payload is not lifted.
   *
   * @throws DbmsException the guest's error
   */
  public void callWithCoreArguments(DbmsFunction function, long... arguments) {
    call(function, arguments, null);
  }

  private <T> T call(DbmsFunction function, long[] arguments, Lifting.Reader<T> ok) {
    long[] results = guest.call(function.exportName(), arguments);
    int at = (int) results[0];
    Lifting.Outcome<T> outcome = lifting.result(function, at, ok);
    guest.call(function.postReturnName(), at);
    if (outcome.error() != null) {
      throw outcome.error();
    }
    return outcome.value();
  }
}
