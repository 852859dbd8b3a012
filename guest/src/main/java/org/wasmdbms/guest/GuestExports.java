package org.wasmdbms.guest;

import static org.wasmdbms.guest.abi.ArgumentReader.i32;
import static org.wasmdbms.guest.abi.ArgumentReader.i64;
import static org.wasmdbms.guest.abi.ArgumentReader.u8;

import java.util.function.Consumer;
import org.teavm.interop.Address;
import org.teavm.interop.Export;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InternalDbmsException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.guest.abi.ArgumentReader;
import org.wasmdbms.guest.abi.NativeHeap;
import org.wasmdbms.guest.abi.ResultLowering;
import org.wasmdbms.guest.abi.ResultWriter;
import org.wasmdbms.guest.abi.WitQuery;
import org.wasmdbms.teavm.StaticRootTable;

/**
 * The guest's exports: the functions of the WIT interface {@code wasm-dbms:dbms/database@0.1.0}
 * under their canonical-ABI names, their {@code cabi_post_*} functions, and {@code cabi_realloc}.
 * This is the main class TeaVM compiles for every guest; {@link #main} does nothing, the host calls
 * the exports. The tables served are those of the {@link GuestSchema} on the build's class path.
 *
 * <p>Parameters arrive flattened when they fit in 16 core values; {@code select} (24 flat values)
 * and {@code aggregate} (26) receive one pointer to their parameter tuple in memory instead. Every
 * result is returned through a pointer to a return area (see {@link ResultLowering}), one block of
 * the {@link NativeHeap} that the matching {@code cabi_post_*} frees. Should a host skip {@code
 * cabi_post_*}, the next call frees the previous result, so memory stays flat either way.
 *
 * <p>No export traps on bad input: every failure, a defect included, becomes a {@code dbms-error}.
 * The one exception is {@code cabi_realloc} running out of memory, which must trap by the canonical
 * ABI's rules.
 */
public final class GuestExports {
  private static final String INTERFACE = "wasm-dbms:dbms/database@0.1.0#";
  private static final String POST = "cabi_post_" + INTERFACE;

  /** Where the error sits in {@code result<T, dbms-error>} for a T aligned to at most 4. */
  private static final int ERROR_AT_4 = 4;

  /** Where the error sits in {@code result<u64, dbms-error>}. */
  private static final int ERROR_AT_8 = 8;

  /** The size and alignment of {@code select}'s parameter tuple (table, query, tx). */
  private static final int SELECT_PARAMS = 120;

  /** The size of {@code aggregate}'s parameter tuple (table, query, aggregates, tx). */
  private static final int AGGREGATE_PARAMS = 128;

  /** Far above the largest memory the guest declares, so a load from it always traps. */
  private static final int UNMAPPED = -16;

  static {
    // First, before anything is allocated: until repaired, TeaVM's collector misses a static root.
    StaticRootTable.repair();
  }

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
        ERROR_AT_4,
        out -> {
          ArgumentReader in = new ArgumentReader();
          String table = null;
          WitQuery query = null;
          Long tx = null;
          if (in.block(params, SELECT_PARAMS, 8, "select parameters")) {
            table = in.string(i32(params), i32(params + 4), "table");
            query = in.query(params + 8);
            tx = in.optionalU64(u8(params + 104), i64(params + 112), "tx");
            in.release(params);
          }
          in.finish();
          ResultLowering.rows(out, DATABASE.select(table, query, tx));
        });
  }

  /**
   * {@code aggregate(table, query, aggregates, tx) -> result<list<aggregated-row>, dbms-error>}.
   */
  @Export(name = INTERFACE + "aggregate")
  public static int aggregate(int params) {
    return respond(
        ERROR_AT_4,
        out -> {
          ArgumentReader in = new ArgumentReader();
          String table = null;
          WitQuery query = null;
          Long tx = null;
          if (in.block(params, AGGREGATE_PARAMS, 8, "aggregate parameters")) {
            table = in.string(i32(params), i32(params + 4), "table");
            query = in.query(params + 8);
            in.aggregateFunctions(i32(params + 104), i32(params + 108));
            tx = in.optionalU64(u8(params + 112), i64(params + 120), "tx");
            in.release(params);
          }
          in.finish();
          DATABASE.aggregate(table, query, tx);
        });
  }

  /** {@code insert(table, values, tx) -> result<row, dbms-error>}. */
  @Export(name = INTERFACE + "insert")
  public static int insert(
      int tableAddress, int tableLength, int rowAddress, int rowLength, int hasTx, long tx) {
    return respond(
        ERROR_AT_4,
        out -> {
          ArgumentReader in = new ArgumentReader();
          String table = in.string(tableAddress, tableLength, "table");
          Row values = in.row(rowAddress, rowLength, "values");
          Long id = in.optionalU64(hasTx, tx, "tx");
          in.finish();
          ResultLowering.row(out, DATABASE.insert(table, values, id));
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
        ERROR_AT_8,
        out -> {
          ArgumentReader in = new ArgumentReader();
          String table = in.string(tableAddress, tableLength, "table");
          Row values = in.row(rowAddress, rowLength, "values");
          String filter = in.optionalString(hasFilter, filterAddress, filterLength, "filter");
          Long id = in.optionalU64(hasTx, tx, "tx");
          in.finish();
          ResultLowering.u64(out, DATABASE.update(table, values, filter, id));
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
        ERROR_AT_8,
        out -> {
          ArgumentReader in = new ArgumentReader();
          String table = in.string(tableAddress, tableLength, "table");
          int kind = in.enumCase(behavior, 2, "delete-behavior");
          String filter = in.optionalString(hasFilter, filterAddress, filterLength, "filter");
          Long id = in.optionalU64(hasTx, tx, "tx");
          in.finish();
          DeleteBehavior onDelete = kind == 0 ? DeleteBehavior.RESTRICT : DeleteBehavior.CASCADE;
          ResultLowering.u64(out, DATABASE.delete(table, onDelete, filter, id));
        });
  }

  /** {@code begin-transaction() -> result<transaction-id, dbms-error>}. */
  @Export(name = INTERFACE + "begin-transaction")
  public static int beginTransaction() {
    return respond(ERROR_AT_8, out -> ResultLowering.u64(out, DATABASE.begin()));
  }

  /** {@code commit(tx) -> result<_, dbms-error>}. */
  @Export(name = INTERFACE + "commit")
  public static int commit(long tx) {
    return respond(
        ERROR_AT_4,
        out -> {
          DATABASE.commit(tx);
          ResultLowering.unit(out);
        });
  }

  /** {@code rollback(tx) -> result<_, dbms-error>}. */
  @Export(name = INTERFACE + "rollback")
  public static int rollback(long tx) {
    return respond(
        ERROR_AT_4,
        out -> {
          DATABASE.rollback(tx);
          ResultLowering.unit(out);
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

  private static void release(int result) {
    if (result != 0 && result == pendingResult) {
      pendingResult = 0;
      NativeHeap.free(result);
    }
  }

  /**
   * Runs one export: frees a result the host left behind, runs {@code body} (which lifts the
   * arguments and lowers its result into the writer), turns any failure into the {@code err} case
   * with the error at {@code errorOffset}, and places the result in memory.
   */
  private static int respond(int errorOffset, Consumer<ResultWriter> body) {
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
      ResultLowering.error(failure, errorOffset, error);
      result = failure.place();
      if (result == 0) {
        result = Address.fromInt(UNMAPPED).getInt();
      }
    }
    pendingResult = result;
    return result;
  }
}
