package org.wasmdbms.guest;

import java.util.List;
import java.util.function.Consumer;
import org.teavm.interop.Address;
import org.teavm.interop.Export;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InternalDbmsException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.guest.abi.ArgumentReader;
import org.wasmdbms.guest.abi.NativeHeap;
import org.wasmdbms.guest.abi.ResultWriter;
import org.wasmdbms.teavm.StaticRootTable;
import org.wasmdbms.wit.DbmsFunction;
import org.wasmdbms.wit.DbmsTypes;
import org.wasmdbms.wit.Lift;
import org.wasmdbms.wit.Lower;
import org.wasmdbms.wit.MigrationAbi;
import org.wasmdbms.wit.WitQuery;
import org.wasmdbms.wit.WitType;

/**
 * The guest's exports: the functions of the WIT interface {@code wasm-dbms:dbms/database@0.1.0}
 * under their canonical-ABI names, their {@code cabi_post_*} functions, and {@code cabi_realloc}.
 * This is the main class TeaVM compiles for every guest; {@link #main} does nothing, the host calls
 * the exports. The tables served are those of the {@link GuestSchema} on the build's class path.
 *
 * <p>Arguments are lifted and results lowered with the model of {@code wit/dbms.wit} ({@link Lift},
 * {@link Lower}, layouts from {@link DbmsFunction}). Parameters arrive flattened when they fit in
 * 16 core values; {@code select} (24 flat values) and {@code aggregate} (26) receive one pointer to
 * their parameter tuple in memory instead. Every result is returned through a pointer to a return
 * area ({@link Lower#result}), one block of the {@link NativeHeap} that the matching {@code
 * cabi_post_*} frees. Should a host skip {@code cabi_post_*}, the next call frees the previous
 * result, so memory stays flat either way.
 *
 * <p>No export traps on bad input: every failure, a defect included, becomes a {@code dbms-error}.
 * The one exception is {@code cabi_realloc} running out of memory, which must trap by the canonical
 * ABI's rules.
 */
public final class GuestExports {
  /** The prefix of the export names; a constant here because annotations need one. */
  private static final String INTERFACE = "wasm-dbms:dbms/database@0.1.0#";

  private static final String POST = "cabi_post_" + INTERFACE;

  static {
    // First, before anything is allocated: until repaired, TeaVM's collector misses a static root.
    StaticRootTable.repair();
  }

  // Offsets in the spilled parameter tuples; the table, the first field, is at 0.
  private static final WitType SELECT_PARAMS = DbmsFunction.SELECT.params();
  private static final int SELECT_QUERY = SELECT_PARAMS.fieldOffset(1);
  private static final int SELECT_TX = SELECT_PARAMS.fieldOffset(2);
  private static final WitType AGGREGATE_PARAMS = DbmsFunction.AGGREGATE.params();
  private static final int AGGREGATE_QUERY = AGGREGATE_PARAMS.fieldOffset(1);
  private static final int AGGREGATE_FUNCTIONS = AGGREGATE_PARAMS.fieldOffset(2);
  private static final int AGGREGATE_TX = AGGREGATE_PARAMS.fieldOffset(3);

  /** Far above the largest memory the guest declares, so a load from it always traps. */
  private static final int UNMAPPED = -16;

  private static final GuestDatabase DATABASE = new GuestDatabase(GuestSchema.load());
  private static int pendingResult;

  private GuestExports() {}

  /**
   * Does nothing: the guest is driven through its exports.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    // A reactor-style guest: all work happens in the exports.
  }

  /** The canonical ABI's allocator; traps when memory is exhausted, as the ABI requires. */
  @Export(name = "cabi_realloc")
  public static int cabiRealloc(int oldAddress, int oldSize, int align, int newSize) {
    int address = NativeHeap.reallocate(oldAddress, oldSize, align, newSize);
    return address != 0 ? address : Address.fromInt(UNMAPPED).getInt();
  }

  /** {@code select(table, query, tx) -> result<list<row>, dbms-error>}. */
  @Export(name = INTERFACE + "select")
  public static int select(int params) {
    return respond(
        DbmsFunction.SELECT,
        out -> {
          ArgumentReader in = new ArgumentReader();
          String table = null;
          WitQuery query = null;
          Long tx = null;
          if (in.block(params, SELECT_PARAMS, "select parameters")) {
            table = Lift.string(in, params, "table");
            query = Lift.query(in, params + SELECT_QUERY);
            tx = Lift.optionU64(in, params + SELECT_TX, "tx");
            in.release(params);
          }
          in.finish();
          List<Row> rows = DATABASE.select(table, query, tx);
          Lower.rows(out, ok(out, DbmsFunction.SELECT), rows);
        });
  }

  /**
   * {@code aggregate(table, query, aggregates, tx) -> result<list<aggregated-row>, dbms-error>}.
   */
  @Export(name = INTERFACE + "aggregate")
  public static int aggregate(int params) {
    return respond(
        DbmsFunction.AGGREGATE,
        out -> {
          ArgumentReader in = new ArgumentReader();
          String table = null;
          WitQuery query = null;
          List<AggregateFunction> functions = null;
          Long tx = null;
          if (in.block(params, AGGREGATE_PARAMS, "aggregate parameters")) {
            table = Lift.string(in, params, "table");
            query = Lift.query(in, params + AGGREGATE_QUERY);
            functions = Lift.aggregateFunctions(in, params + AGGREGATE_FUNCTIONS);
            tx = Lift.optionU64(in, params + AGGREGATE_TX, "tx");
            in.release(params);
          }
          in.finish();
          List<AggregatedRow> rows = DATABASE.aggregate(table, query, functions, tx);
          Lower.aggregatedRows(out, ok(out, DbmsFunction.AGGREGATE), rows);
        });
  }

  /** {@code insert(table, values, tx) -> result<row, dbms-error>}. */
  @Export(name = INTERFACE + "insert")
  public static int insert(
      int tableAddress, int tableLength, int rowAddress, int rowLength, int hasTx, long tx) {
    return respond(
        DbmsFunction.INSERT,
        out -> {
          ArgumentReader in = new ArgumentReader();
          String table = Lift.string(in, tableAddress, tableLength, "table");
          Row values = Lift.row(in, rowAddress, rowLength, "values");
          Long id = Lift.optionU64(in, hasTx, tx, "tx");
          in.finish();
          Row stored = DATABASE.insert(table, values, id);
          Lower.row(out, ok(out, DbmsFunction.INSERT), stored);
        });
  }

  /** {@code update(table, values, filter, tx) -> result<u64, dbms-error>}. */
  @Export(name = INTERFACE + "update")
  public static int update(
      int tableAddress,
      int tableLength,
      int rowAddress,
      int rowLength,
      int hasFilter,
      int filterAddress,
      int filterLength,
      int hasTx,
      long tx) {
    return respond(
        DbmsFunction.UPDATE,
        out -> {
          ArgumentReader in = new ArgumentReader();
          String table = Lift.string(in, tableAddress, tableLength, "table");
          Row values = Lift.row(in, rowAddress, rowLength, "values");
          String filter = Lift.optionString(in, hasFilter, filterAddress, filterLength, "filter");
          Long id = Lift.optionU64(in, hasTx, tx, "tx");
          in.finish();
          long updated = DATABASE.update(table, values, filter, id);
          out.u64(ok(out, DbmsFunction.UPDATE), updated);
        });
  }

  /** {@code delete(table, behavior, filter, tx) -> result<u64, dbms-error>}. */
  @Export(name = INTERFACE + "delete")
  public static int delete(
      int tableAddress,
      int tableLength,
      int behavior,
      int hasFilter,
      int filterAddress,
      int filterLength,
      int hasTx,
      long tx) {
    return respond(
        DbmsFunction.DELETE,
        out -> {
          ArgumentReader in = new ArgumentReader();
          String table = Lift.string(in, tableAddress, tableLength, "table");
          DeleteBehavior onDelete =
              Lift.enumCase(
                  in, behavior, DbmsTypes.DELETE_BEHAVIOR, DbmsTypes.DELETE_BEHAVIORS, "behavior");
          String filter = Lift.optionString(in, hasFilter, filterAddress, filterLength, "filter");
          Long id = Lift.optionU64(in, hasTx, tx, "tx");
          in.finish();
          long deleted = DATABASE.delete(table, onDelete, filter, id);
          out.u64(ok(out, DbmsFunction.DELETE), deleted);
        });
  }

  /** {@code begin-transaction() -> result<transaction-id, dbms-error>}. */
  @Export(name = INTERFACE + "begin-transaction")
  public static int beginTransaction() {
    return respond(
        DbmsFunction.BEGIN_TRANSACTION,
        out -> {
          long id = DATABASE.begin(Isolation.READ_COMMITTED);
          out.u64(ok(out, DbmsFunction.BEGIN_TRANSACTION), id);
        });
  }

  /**
   * {@code begin-transaction-isolated(isolation) -> result<transaction-id, dbms-error>}; an
   * isolation case the enum does not have is {@code invalid-query}.
   */
  @Export(name = INTERFACE + "begin-transaction-isolated")
  public static int beginTransactionIsolated(int isolation) {
    return respond(
        DbmsFunction.BEGIN_TRANSACTION_ISOLATED,
        out -> {
          ArgumentReader in = new ArgumentReader();
          Isolation level =
              Lift.enumCase(in, isolation, DbmsTypes.ISOLATION, DbmsTypes.ISOLATIONS, "isolation");
          in.finish();
          long id = DATABASE.begin(level);
          out.u64(ok(out, DbmsFunction.BEGIN_TRANSACTION_ISOLATED), id);
        });
  }

  /** {@code commit(tx) -> result<_, dbms-error>}. */
  @Export(name = INTERFACE + "commit")
  public static int commit(long tx) {
    return respond(
        DbmsFunction.COMMIT,
        out -> {
          DATABASE.commit(tx);
          ok(out, DbmsFunction.COMMIT);
        });
  }

  /** {@code rollback(tx) -> result<_, dbms-error>}. */
  @Export(name = INTERFACE + "rollback")
  public static int rollback(long tx) {
    return respond(
        DbmsFunction.ROLLBACK,
        out -> {
          DATABASE.rollback(tx);
          ok(out, DbmsFunction.ROLLBACK);
        });
  }

  /** {@code has-drift() -> result<bool, dbms-error>}. */
  @Export(name = INTERFACE + "has-drift")
  public static int hasDrift() {
    return respond(
        DbmsFunction.HAS_DRIFT,
        out -> {
          boolean drift = DATABASE.hasDrift();
          out.u8(ok(out, DbmsFunction.HAS_DRIFT), drift ? 1 : 0);
        });
  }

  /** {@code pending-migrations() -> result<list<migration-op>, dbms-error>}. */
  @Export(name = INTERFACE + "pending-migrations")
  public static int pendingMigrations() {
    return respond(
        DbmsFunction.PENDING_MIGRATIONS,
        out -> {
          List<MigrationOp> steps = DATABASE.pendingMigrations();
          MigrationAbi.lowerOps(out, ok(out, DbmsFunction.PENDING_MIGRATIONS), steps);
        });
  }

  /**
   * {@code migrate(policy) -> result<_, dbms-error>}; the policy record arrives flat, as its one
   * {@code bool}, which any nonzero value sets (the canonical ABI's lifting of a {@code bool}).
   */
  @Export(name = INTERFACE + "migrate")
  public static int migrate(int allowDestructive) {
    return respond(
        DbmsFunction.MIGRATE,
        out -> {
          DATABASE.migrate(new MigrationPolicy(allowDestructive != 0));
          ok(out, DbmsFunction.MIGRATE);
        });
  }

  /** Frees the result of {@code select}. */
  @Export(name = POST + "select")
  public static void postSelect(int result) {
    release(result);
  }

  /** Frees the result of {@code aggregate}. */
  @Export(name = POST + "aggregate")
  public static void postAggregate(int result) {
    release(result);
  }

  /** Frees the result of {@code insert}. */
  @Export(name = POST + "insert")
  public static void postInsert(int result) {
    release(result);
  }

  /** Frees the result of {@code update}. */
  @Export(name = POST + "update")
  public static void postUpdate(int result) {
    release(result);
  }

  /** Frees the result of {@code delete}. */
  @Export(name = POST + "delete")
  public static void postDelete(int result) {
    release(result);
  }

  /** Frees the result of {@code begin-transaction}. */
  @Export(name = POST + "begin-transaction")
  public static void postBeginTransaction(int result) {
    release(result);
  }

  /** Frees the result of {@code begin-transaction-isolated}. */
  @Export(name = POST + "begin-transaction-isolated")
  public static void postBeginTransactionIsolated(int result) {
    release(result);
  }

  /** Frees the result of {@code commit}. */
  @Export(name = POST + "commit")
  public static void postCommit(int result) {
    release(result);
  }

  /** Frees the result of {@code rollback}. */
  @Export(name = POST + "rollback")
  public static void postRollback(int result) {
    release(result);
  }

  /** Frees the result of {@code has-drift}. */
  @Export(name = POST + "has-drift")
  public static void postHasDrift(int result) {
    release(result);
  }

  /** Frees the result of {@code pending-migrations}. */
  @Export(name = POST + "pending-migrations")
  public static void postPendingMigrations(int result) {
    release(result);
  }

  /** Frees the result of {@code migrate}. */
  @Export(name = POST + "migrate")
  public static void postMigrate(int result) {
    release(result);
  }

  private static void release(int result) {
    if (result != 0 && result == pendingResult) {
      pendingResult = 0;
      NativeHeap.free(result);
    }
  }

  /** Starts the {@code ok} result of {@code function} in {@code out}: where its payload goes. */
  private static int ok(ResultWriter out, DbmsFunction function) {
    return Lower.result(out, function.result(), true);
  }

  /**
   * Runs one export: frees a result the host left behind, runs {@code body} (which lifts the
   * arguments and lowers its result into the writer), turns any failure into the {@code err} case
   * of {@code function}'s result, and places the result in memory.
   */
  private static int respond(DbmsFunction function, Consumer<ResultWriter> body) {
    release(pendingResult);
    ResultWriter out = new ResultWriter(GuestMemory.MAX_RESULT_BYTES);
    DbmsException error = null;
    try {
      body.accept(out);
    } catch (DbmsException e) {
      error = e;
    } catch (Throwable e) {
      // Never e.getMessage(): TeaVM's malformed index exceptions trap on it.
      error = new InternalDbmsException("unexpected " + e.getClass().getName());
    }
    int result = error == null ? out.place() : 0;
    if (error == null && result == 0) {
      error = new MemoryException("no memory left for the result");
    }
    if (error != null) {
      ResultWriter failure = new ResultWriter(GuestMemory.MAX_RESULT_BYTES);
      Lower.error(failure, Lower.result(failure, function.result(), false), error);
      result = failure.place();
      if (result == 0) {
        result = Address.fromInt(UNMAPPED).getInt();
      }
    }
    pendingResult = result;
    return result;
  }
}
