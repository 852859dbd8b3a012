package org.wasmdbms.testkit;

import java.io.PrintStream;
import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Snapshot isolation in the single-threaded core (the WebAssembly guest's way of opening a
 * database): interleaved snapshot transactions keep reading their snapshot, the second of two
 * committers of the same row gets {@code serialization-conflict} and applies nothing, and write
 * skew commits. Prints balances and error kinds, comparable line by line.
 */
public final class SnapshotIsolationSmoke {
  private final PrintStream out;
  private final Database db = Database.open(new HeapMemoryProvider(), Long.MAX_VALUE);

  private SnapshotIsolationSmoke(PrintStream out) {
    this.out = out;
  }

  /** Runs the scenario. */
  public static void run(PrintStream out) {
    new SnapshotIsolationSmoke(out).scenario();
  }

  private void scenario() {
    db.register(
        TableSchema.of(
            TableDef.builder("accounts")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("balance", DataType.INT64))
                .build()));
    db.insert("accounts", account(1, 100));
    db.insert("accounts", account(2, 100));

    long reader = db.begin(Isolation.SNAPSHOT);
    out.println("snapshot reads " + balance(reader, 1));
    db.update("accounts", account(1, 7), id(1));
    out.println("after a commit, the snapshot still reads " + balance(reader, 1));
    out.println("outside it reads " + balance(null, 1));
    db.rollback(reader);

    long first = db.begin(Isolation.SNAPSHOT);
    long second = db.begin(Isolation.SNAPSHOT);
    db.update(first, "accounts", account(1, balance(first, 1) + 10), id(1));
    db.update(second, "accounts", account(1, balance(second, 1) + 20), id(1));
    db.commit(first);
    try {
      db.commit(second);
      out.println("lost update committed");
    } catch (DbmsException e) {
      out.println("second committer: " + e.kind().witName());
    }
    out.println("balance " + balance(null, 1));

    long left = db.begin(Isolation.SNAPSHOT);
    long right = db.begin(Isolation.SNAPSHOT);
    long sum = balance(left, 1) + balance(left, 2);
    out.println("both see the sum " + sum + " and " + (balance(right, 1) + balance(right, 2)));
    db.update(left, "accounts", account(1, 0), id(1));
    db.update(right, "accounts", account(2, 0), id(2));
    db.commit(left);
    db.commit(right);
    out.println("write skew committed: sum " + (balance(null, 1) + balance(null, 2)));
  }

  private long balance(Long tx, long id) {
    Query query = Query.builder().filter(id(id)).build();
    List<Row> rows = tx == null ? db.select("accounts", query) : db.select(tx, "accounts", query);
    return ((Int64Value) rows.get(0).get("balance")).value();
  }

  private static Filter id(long id) {
    return new Filter.Eq("id", new Uint32Value(id));
  }

  private static Row account(long id, long balance) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("balance", new Int64Value(balance))
        .build();
  }
}
