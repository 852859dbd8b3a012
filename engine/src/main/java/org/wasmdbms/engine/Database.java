package org.wasmdbms.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InternalDbmsException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.MigrationException;
import org.wasmdbms.api.error.SerializationConflictException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.AggregatedValue;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.concurrent.BlockingWriteGate;
import org.wasmdbms.engine.concurrent.ReadViews;
import org.wasmdbms.engine.concurrent.WriteGate;
import org.wasmdbms.engine.data.Tables;
import org.wasmdbms.engine.query.AccessPath;
import org.wasmdbms.engine.query.Aggregation;
import org.wasmdbms.engine.query.BoundFilter;
import org.wasmdbms.engine.query.QueryRunner;
import org.wasmdbms.engine.query.RowSize;
import org.wasmdbms.engine.storage.StoredTables;
import org.wasmdbms.engine.tx.Operation;
import org.wasmdbms.engine.tx.Transaction;
import org.wasmdbms.engine.tx.WriteSets;
import org.wasmdbms.engine.write.Patch;
import org.wasmdbms.engine.write.RowShaper;
import org.wasmdbms.engine.write.UndoLog;
import org.wasmdbms.engine.write.Writer;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.version.VersionedMemoryProvider;

/**
 * A database session over one {@link MemoryProvider}: register tables, then insert, select, update
 * and delete rows, alone or inside transactions.
 *
 * <p>Every method either succeeds or throws a {@link DbmsException} and leaves the database (and
 * the transaction it was called in) as it was. A write outside a transaction is atomic on its own.
 *
 * <p>Transactions (read committed): {@link #begin()} returns an id. Reads with that id see the
 * committed state plus the transaction's own writes; nobody else sees those writes. {@link
 * #commit(long)} applies the transaction's writes again, in order, to the committed state of that
 * moment, re-checking every constraint; if one fails, nothing of the transaction is applied, the
 * error is thrown and the id is finished. An unknown or finished id gives {@link
 * TransactionNotFoundException}. Autoincrement values taken inside a transaction that rolls back
 * are not reused.
 *
 * <p>Thread-safe: every method may be called from any number of threads at once. Writes (and
 * commits, schema changes, and every call inside a read-committed transaction) pass a gate one at a
 * time and take effect in one total order, so the core below them (tables, indexes, transactions,
 * the provider) stays single-threaded; a call waiting for the gate longer than the {@link
 * #busyTimeout busy timeout} fails with a {@link MemoryException} and changes nothing. On a
 * database opened for concurrent use ({@link #open(MemoryProvider)}, JVM), reads outside
 * transactions take no gate: each reads a snapshot, the state of the last commit published (made
 * durable) before it began, whole, while writers apply and sync further commits; durable commits of
 * several writers share one sync (group commit), and every call returns only once the commits it
 * saw are durable. Snapshot transactions ({@link #begin(Isolation)}) read one snapshot. See {@code
 * docs/concurrency.md}. A database opened with {@link #open(MemoryProvider, long)} (the WebAssembly
 * guest) stays single-threaded inside: reads pass the gate too, every commit syncs at once, and a
 * call that finds another in progress fails as busy instead of waiting. A transaction id may be
 * used from any thread; two threads using the same transaction are serialized like everything else.
 *
 * <p>{@link #close()} lets the call in progress finish, then closes the provider; calls waiting for
 * the gate, and every later call, throw {@link MemoryException} "the database is closed". Closing
 * twice is harmless.
 */
public final class Database implements AutoCloseable {
  private final VersionedMemoryProvider versions;
  private final StoredTables committed;
  private final WriteGate gate;
  // Null when the core stays single-threaded inside (the guest): reads then pass the gate.
  private final ReadViews views;
  private final WriteSets writeSets = new WriteSets();
  private final Map<Long, Transaction> transactions = new HashMap<>();
  // The transaction the last statement named: a transaction's statements mostly come in a row, and
  // the map's lookup boxes the id.
  private Transaction recentTransaction;
  private long lastTransactionId;
  private int snapshotTransactions;
  // Counts the calls that changed (or may have changed) committed rows or the schema: a commit
  // that finds the count its transaction began with replays inserts without checking them again.
  private long committedChanges;
  // The bytes of rows the open transactions hold against the write memory limit: their sum, kept
  // as they change rather than added up at every statement.
  private long transactionBytes;
  // The registered tables in order: published with every version, for the readers' views.
  private List<TableSchema> schemas = List.of();
  // Volatile: set without the gate, read once by each call.
  private volatile long selectMemoryLimit = Long.MAX_VALUE;
  private volatile long writeMemoryLimit = Long.MAX_VALUE;
  // Set by close() before it waits for the gate, so that no call starts once close() began.
  private volatile boolean closed;
  private boolean released;
  // Test seam, null otherwise: run by each call as it enters the writers' gate, so a test can tell
  // the order in which calls ran even when one reaches no provider (a statement of a transaction
  // may read only cached state and write nothing below until the commit).
  private Runnable gateEntered;

  /**
   * @param gates makes the writers' gate: a {@link BlockingWriteGate} for concurrent use (made only
   *     by the JVM's {@code open}, so that the guest, which must not reach {@code wait}, never
   *     does), or a plain {@link WriteGate} for the single-threaded core
   */
  private Database(
      MemoryProvider provider,
      boolean concurrent,
      Function<VersionedMemoryProvider, WriteGate> gates,
      long retainedBytes) {
    this.versions = new VersionedMemoryProvider(provider, concurrent, retainedBytes);
    StoredTables opened;
    try {
      opened = StoredTables.open(versions);
      // A database formatted just now becomes version 1, so that snapshots can open it.
      opened.commit();
    } catch (RuntimeException e) {
      versions.close();
      throw e;
    }
    this.committed = opened;
    versions.publish(versions.written(), schemas);
    this.gate = gates.apply(versions);
    this.views = concurrent ? new ReadViews(versions) : null;
  }

  /** How long a writer waits for another one by default: 60 seconds; see {@link #busyTimeout}. */
  public static final long DEFAULT_BUSY_TIMEOUT_MILLIS = 60_000;

  /**
   * On the JVM, writes may by default hold this fraction of the maximum heap ({@code
   * Runtime.maxMemory()}), counted as {@link #limitWriteMemory} says: one eighth. The engine's
   * bookkeeping around those rows (transaction views, undo entries, the dirty pages of a commit)
   * takes a few times what is counted, so an eighth keeps a write that is too big for the heap a
   * {@link MemoryException} rather than an {@link OutOfMemoryError}.
   */
  public static final int DEFAULT_WRITE_MEMORY_DIVISOR = 8;

  /**
   * Opens the database held by {@code provider} on the JVM, an empty provider formatted, with the
   * default write memory limit: {@code Runtime.maxMemory() / }{@value
   * #DEFAULT_WRITE_MEMORY_DIVISOR}, for concurrent use: readers on snapshots, group commit, the
   * default snapshot retention limit (see {@link #open(MemoryProvider, long, long)}). JVM only
   * ({@code Runtime.maxMemory()} is missing from TeaVM): code compiled to WebAssembly opens with
   * {@link #open(MemoryProvider, long)}.
   *
   * @throws MemoryException if the provider holds a foreign, newer or corrupt file
   */
  public static Database open(MemoryProvider provider) {
    long limit = Runtime.getRuntime().maxMemory() / DEFAULT_WRITE_MEMORY_DIVISOR;
    return open(provider, limit, VersionedMemoryProvider.DEFAULT_RETAINED_BYTES);
  }

  /**
   * Opens the database held by {@code provider} on the JVM for concurrent use, like {@link
   * #open(MemoryProvider)}, with a write memory limit of {@code writeMemoryLimit} bytes and at most
   * {@code snapshotRetainedBytes} bytes of older page content kept for old snapshots (see {@code
   * docs/concurrency.md}: a snapshot that needs more expires).
   *
   * @throws MemoryException if the provider holds a foreign, newer or corrupt file
   * @throws IllegalArgumentException if a limit is not positive
   */
  public static Database open(
      MemoryProvider provider, long writeMemoryLimit, long snapshotRetainedBytes) {
    checkLimit(writeMemoryLimit, "write");
    Database db =
        new Database(
            provider,
            true,
            versions ->
                new BlockingWriteGate(
                    versions, System::currentTimeMillis, DEFAULT_BUSY_TIMEOUT_MILLIS),
            snapshotRetainedBytes);
    db.writeMemoryLimit = writeMemoryLimit;
    return db;
  }

  /**
   * Opens the database held by {@code provider}, an empty provider formatted, with a write memory
   * limit of {@code writeMemoryLimit} bytes (see {@link #limitWriteMemory}; {@code Long.MAX_VALUE}
   * for none), single-threaded inside: what the WebAssembly guest uses. It never waits (the guest
   * cannot): a call made while another is in progress, from another thread, fails with a {@link
   * MemoryException} "the database is busy" and changes nothing, so nothing is corrupted; share a
   * database between threads with {@link #open(MemoryProvider)} or {@link #open(MemoryProvider,
   * long, long)}.
   *
   * @throws MemoryException if the provider holds a foreign, newer or corrupt file
   * @throws IllegalArgumentException if the limit is not positive
   */
  public static Database open(MemoryProvider provider, long writeMemoryLimit) {
    checkLimit(writeMemoryLimit, "write");
    Database db =
        new Database(
            provider, false, WriteGate::new, VersionedMemoryProvider.DEFAULT_RETAINED_BYTES);
    db.writeMemoryLimit = writeMemoryLimit;
    return db;
  }

  /**
   * Sets how long a write (a statement, a commit, a schema change, a read inside a read-committed
   * transaction) waits for the writer in progress before it fails with a {@link MemoryException}
   * "the database is busy" and changes nothing; like SQLite's {@code busy_timeout}. Enforced on a
   * database opened for concurrent use ({@link #open(MemoryProvider)}); default {@value
   * #DEFAULT_BUSY_TIMEOUT_MILLIS} ms.
   *
   * @param millis the timeout, 0 or more (0: fail at once when another writer is inside)
   */
  public void busyTimeout(long millis) {
    gate.busyTimeout(millis);
  }

  /**
   * Registers a table. Foreign keys may point only to tables registered before (or to the table
   * itself), to a column of the same type that is the primary key or unique.
   *
   * @throws org.wasmdbms.api.error.InvalidQueryException for a bad foreign key or a second
   *     registration
   *     <p>If the file holds another definition of the table, that is drift, not an error: see
   *     {@link #hasDrift()}.
   */
  public void register(TableSchema schema) {
    changeSchema(
        () -> {
          committed.register(schema);
          List<TableSchema> registered = new ArrayList<>(schemas);
          registered.add(schema);
          schemas = List.copyOf(registered);
        });
  }

  /**
   * Whether the schema stored in the file differs from the registered one: a registered table is
   * stored with another definition or a declared transform has not run, a registered table is not
   * in a file that held tables when it was opened, or the file holds a table that is not
   * registered. While it does, every data operation (reads, writes, transactions' statements and
   * commits, index changes) throws a {@link org.wasmdbms.api.error.MigrationException} naming the
   * first differing table and what differs; this method, {@link #pendingMigrations()}, {@link
   * #migrate(MigrationPolicy)} and {@link #rollback(long)} keep working.
   */
  public boolean hasDrift() {
    return call(committed::hasDrift);
  }

  /**
   * The steps from the stored schema to the registered one, in plan order; see {@link MigrationOp}
   * and {@code docs/migrations.md}.
   *
   * @throws org.wasmdbms.api.error.MigrationException if no step leads there, for example a new
   *     column that is neither nullable nor has a default
   */
  public List<MigrationOp> pendingMigrations() {
    return call(committed::pendingMigrations);
  }

  /**
   * Applies every pending step atomically: afterwards {@link #hasDrift()} is false and every row
   * reads in the new shape; if a step fails, nothing changes. Under a journaling provider the
   * migration is one commit, so a crash leaves either the old schema and data or the new ones.
   *
   * @throws org.wasmdbms.api.error.MigrationException naming the failing step and why: a
   *     destructive step {@code policy} does not allow, existing data that a tightened rule refuses
   *     (with the offending row's key), a failing transform, or open transactions
   */
  public void migrate(MigrationPolicy policy) {
    changeSchema(
        () -> {
          if (!transactions.isEmpty()) {
            throw new MigrationException(
                "cannot migrate while "
                    + transactions.size()
                    + " transaction(s) are open; commit or roll them back first");
          }
          committed.migrate(policy);
        });
  }

  /** The names of the registered tables, in registration order. */
  public List<String> tables() {
    return call(committed::tableNames);
  }

  /**
   * Inserts a row outside any transaction.
   *
   * @return the row as stored: sanitized, with defaults and autoincrement values filled in
   */
  public Row insert(String table, Row row) {
    enterWrite();
    RuntimeException failed = null;
    try {
      return insert(committed, table, row, null);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  /** Inserts a row inside transaction {@code transactionId}; see {@link #insert(String, Row)}. */
  public Row insert(long transactionId, String table, Row row) {
    enterWrite();
    RuntimeException failed = null;
    try {
      Transaction tx = transaction(transactionId);
      return insert(tx, table, row, tx);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  private Row insert(Tables tables, String table, Row input, Transaction tx) {
    TableSchema schema = tables.table(table).schema();
    Value[] row = RowShaper.forInsert(schema, input, committed);
    atomically(
        tables,
        tx,
        writer -> {
          writer.insert(table, row);
          return null;
        });
    List<ColumnDef> columns = schema.definition().columns();
    for (int c = 0; c < row.length; c++) {
      if (columns.get(c).autoIncrement()) {
        committed.observe(table, c, (IntegerValue) row[c]);
      }
    }
    if (tx != null) {
      tx.log(new Operation.Insert(table, row));
    }
    return toRow(schema, row);
  }

  /**
   * Selects rows outside any transaction. Each row holds the table's columns under their names;
   * with joins, every column of the table and then of each joined table, named {@code
   * table.column}; with eager relations, the table's columns and then each relation's referenced
   * row, named {@code relation.column}. See {@link Query} for the order and docs/queries.md for the
   * rules.
   */
  public List<Row> select(String table, Query query) {
    ReadViews.View view = enterRead();
    RuntimeException failed = null;
    try {
      return select(view == null ? committed : view.tables(), table, query);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitRead(view);
    }
    throw failure(failed);
  }

  /** Selects rows as transaction {@code transactionId} sees them. */
  public List<Row> select(long transactionId, String table, Query query) {
    enterWrite();
    RuntimeException failed = null;
    try {
      return select(transaction(transactionId), table, query);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  /**
   * Aggregates the rows of {@code table} that pass the query's filter, outside any transaction: one
   * row per group of equal values of the query's group-by columns (nulls form one group; without
   * group-by columns exactly one group, even over no rows), with one result per function in {@code
   * functions}, in their order. The query's having filter and ordering name group-by columns and
   * the results {@code agg0}, {@code agg1}, and so on; without an ordering groups come in ascending
   * order of their keys, nulls first; limit and offset count groups. See {@link AggregatedValue}
   * for the result types. The groups count against the select memory limit.
   *
   * @throws org.wasmdbms.api.error.UnknownColumnException for an unknown column in the filter, the
   *     group-by columns or a function
   * @throws org.wasmdbms.api.error.InvalidQueryException for a sum or average of a column that is
   *     not numeric, or a having filter or ordering naming anything but group-by columns and {@code
   *     aggN}, or comparing them with a value of another kind
   */
  public List<AggregatedRow> aggregate(
      String table, Query query, List<AggregateFunction> functions) {
    ReadViews.View view = enterRead();
    RuntimeException failed = null;
    try {
      return aggregate(view == null ? committed : view.tables(), table, query, functions);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitRead(view);
    }
    throw failure(failed);
  }

  /**
   * Aggregates as transaction {@code transactionId} sees the rows; see {@link #aggregate(String,
   * Query, List)}.
   */
  public List<AggregatedRow> aggregate(
      long transactionId, String table, Query query, List<AggregateFunction> functions) {
    enterWrite();
    RuntimeException failed = null;
    try {
      return aggregate(transaction(transactionId), table, query, functions);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  private List<AggregatedRow> aggregate(
      Tables tables, String table, Query query, List<AggregateFunction> functions) {
    return Aggregation.aggregate(tables, table, query, functions, selectMemoryLimit);
  }

  /**
   * Limits how many bytes of rows (estimated by {@link RowSize}) one select may hold in memory: the
   * matches a sort must see, or the rows it returns. A select past the limit fails with a {@link
   * MemoryException} and changes nothing. Unlimited by default; an embedder with fixed memory (the
   * WebAssembly guest) sets it so that a huge select is an error, not an out-of-memory crash.
   *
   * @param maxBytes the limit, positive
   */
  public void limitSelectMemory(long maxBytes) {
    checkLimit(maxBytes, "select");
    selectMemoryLimit = maxBytes;
  }

  private static void checkLimit(long maxBytes, String what) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException(
          "the " + what + " memory limit must be positive: " + maxBytes);
    }
  }

  /**
   * Limits how many bytes of rows (estimated by {@link RowSize}) writes may hold in memory: one
   * statement the rows it matches and the before and after images it keeps to undo itself, and all
   * open transactions together the rows their statements changed, until they end. A statement past
   * the limit fails with a {@link MemoryException} and changes nothing (its transaction stays
   * open); a commit past it fails like any failed commit, and the transaction is over. Each row
   * counts its {@link RowSize} plus {@link Writer#ROW_OVERHEAD_BYTES}. The default is set by {@link
   * #open}: on the JVM an eighth of the heap; the WebAssembly guest sets it so that a huge write is
   * an error, not an out-of-memory crash.
   *
   * @param maxBytes the limit, positive
   */
  public void limitWriteMemory(long maxBytes) {
    checkLimit(maxBytes, "write");
    writeMemoryLimit = maxBytes;
  }

  private List<Row> select(Tables tables, String table, Query query) {
    QueryRunner.Selection selection = QueryRunner.run(tables, table, query, selectMemoryLimit);
    List<Row> rows = new ArrayList<>(selection.rows().size());
    for (Value[] row : selection.rows()) {
      rows.add(Row.of(selection.columns(), row));
    }
    return rows;
  }

  /**
   * Sets the columns of {@code values} in every row matching {@code filter} (null: every row),
   * outside any transaction.
   *
   * @return the number of rows updated
   */
  public long update(String table, Row values, Filter filter) {
    enterWrite();
    RuntimeException failed = null;
    try {
      return update(committed, table, values, filter, null);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  /** Updates inside transaction {@code transactionId}; see {@link #update(String, Row, Filter)}. */
  public long update(long transactionId, String table, Row values, Filter filter) {
    enterWrite();
    RuntimeException failed = null;
    try {
      Transaction tx = transaction(transactionId);
      return update(tx, table, values, filter, tx);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  private long update(Tables tables, String table, Row values, Filter filter, Transaction tx) {
    TableSchema schema = tables.table(table).schema();
    Patch patch = RowShaper.forUpdate(schema, values);
    BoundFilter bound = BoundFilter.bind(filter, schema.definition());
    long count = atomically(tables, tx, writer -> writer.update(table, patch, bound));
    if (tx != null) {
      tx.log(new Operation.Update(table, patch, filter));
    }
    return count;
  }

  /**
   * Deletes every row matching {@code filter} (null: every row) outside any transaction; see {@link
   * DeleteBehavior} for referenced rows.
   *
   * @return the number of rows deleted, cascaded rows included
   */
  public long delete(String table, DeleteBehavior behavior, Filter filter) {
    enterWrite();
    RuntimeException failed = null;
    try {
      return delete(committed, table, behavior, filter, null);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  /** Deletes inside transaction {@code transactionId}; see {@link #delete}. */
  public long delete(long transactionId, String table, DeleteBehavior behavior, Filter filter) {
    enterWrite();
    RuntimeException failed = null;
    try {
      Transaction tx = transaction(transactionId);
      return delete(tx, table, behavior, filter, tx);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  private long delete(
      Tables tables, String table, DeleteBehavior behavior, Filter filter, Transaction tx) {
    TableSchema schema = tables.table(table).schema();
    BoundFilter bound = BoundFilter.bind(filter, schema.definition());
    long count = atomically(tables, tx, writer -> writer.delete(table, bound, behavior));
    if (tx != null) {
      tx.log(new Operation.Delete(table, filter, behavior));
    }
    return count;
  }

  /**
   * Starts a transaction of the given isolation and returns its id. A {@link Isolation#SNAPSHOT}
   * transaction reads one snapshot, the state of the last commit before it began, plus its own
   * writes, whatever commits after; its commit fails with {@link SerializationConflictException} if
   * a row it inserted, updated or deleted (named by table and primary key) was inserted, updated or
   * deleted by a commit after its snapshot (first committer wins), and then applies nothing. Write
   * skew stays possible: two snapshot transactions that each read what the other writes, and write
   * different rows, both commit. See {@code docs/concurrency.md}.
   *
   * @param isolation what the transaction sees of other commits
   */
  public long begin(Isolation isolation) {
    if (isolation != Isolation.SNAPSHOT) {
      return begin();
    }
    enterWrite();
    RuntimeException failed = null;
    try {
      long id = lastTransactionId + 1;
      ReadViews.View view = ReadViews.open(versions.snapshotWritten());
      lastTransactionId = id;
      snapshotTransactions++;
      transactions.put(id, new Transaction(id, view, committedChanges));
      return id;
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  /** Starts a read-committed transaction and returns its id. */
  public long begin() {
    enterWrite();
    RuntimeException failed = null;
    try {
      long id = ++lastTransactionId;
      transactions.put(id, new Transaction(id, committed, committedChanges));
      return id;
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  /**
   * Applies transaction {@code transactionId} atomically and finishes it, whether it succeeds or
   * not.
   *
   * @throws TransactionNotFoundException if the id is unknown or finished
   * @throws SerializationConflictException if it is a snapshot transaction and a row it changed was
   *     changed by a commit after its snapshot
   * @throws DbmsException the first constraint that fails against the current committed state
   */
  public void commit(long transactionId) {
    enterWrite();
    RuntimeException failed = null;
    try {
      Transaction tx = transaction(transactionId);
      WriteSets.RowKey taken =
          tx.snapshot() == null
              ? null
              : writeSets.conflict(tx.snapshot().version(), tx.changedRows());
      end(tx);
      boolean checked = tx.baseChanges() == committedChanges;
      if (taken != null) {
        throw new SerializationConflictException(
            "transaction "
                + transactionId
                + " changed a row of "
                + taken.table()
                + " that a commit after its snapshot changed too; nothing was applied");
      }
      atomically(
          committed,
          null,
          writer -> {
            replayAll(writer, tx.operations(), checked);
            return null;
          });
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    if (failed != null) {
      throw failure(failed);
    }
  }

  /** Finishes {@code tx}: forgets it and lets its snapshot go. */
  private void end(Transaction tx) {
    transactions.remove(tx.id());
    if (recentTransaction == tx) {
      recentTransaction = null;
    }
    transactionBytes -= tx.heldBytes();
    if (tx.snapshot() != null) {
      tx.snapshot().release();
      snapshotTransactions--;
      long oldest = versions.written();
      for (Transaction open : transactions.values()) {
        if (open.snapshot() != null) {
          oldest = Math.min(oldest, open.snapshot().version());
        }
      }
      writeSets.forgetThrough(oldest);
    }
  }

  /**
   * Discards transaction {@code transactionId}.
   *
   * @throws TransactionNotFoundException if the id is unknown or finished
   */
  public void rollback(long transactionId) {
    enterWrite();
    RuntimeException failed = null;
    try {
      end(transaction(transactionId));
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    if (failed != null) {
      throw failure(failed);
    }
  }

  /**
   * Creates a secondary index on a table that may already hold rows; the index is built from them
   * and kept up to date by every later write. A unique index refuses two rows with the same key
   * (keys with a null part are exempt).
   *
   * @throws org.wasmdbms.api.error.TableNotFoundException if the table is unknown
   * @throws org.wasmdbms.api.error.UnknownColumnException if the index names an unknown column
   * @throws org.wasmdbms.api.error.InvalidQueryException if the name is taken
   * @throws org.wasmdbms.api.error.UniqueConstraintViolationException if the index is unique and
   *     existing rows share a key
   */
  public void createIndex(String table, IndexDef index) {
    changeSchema(() -> committed.createIndex(table, index));
  }

  /**
   * Drops a secondary index made by {@link #createIndex}; indexes declared in the table definition
   * stay.
   *
   * @throws org.wasmdbms.api.error.InvalidQueryException if there is no such index or it is
   *     declared
   */
  public void dropIndex(String table, String name) {
    changeSchema(() -> committed.dropIndex(table, name));
  }

  /** How a select with {@code query} on {@code table} would read its rows. */
  public QueryPlan explain(String table, Query query) {
    ReadViews.View view = enterRead();
    RuntimeException failed = null;
    try {
      return explain(view == null ? committed : view.tables(), table, query);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitRead(view);
    }
    throw failure(failed);
  }

  /** How a select inside transaction {@code transactionId} would read its rows. */
  public QueryPlan explain(long transactionId, String table, Query query) {
    enterWrite();
    RuntimeException failed = null;
    try {
      return explain(transaction(transactionId), table, query);
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  private static QueryPlan explain(Tables tables, String table, Query query) {
    AccessPath path = QueryRunner.explain(tables, table, query);
    if (path instanceof AccessPath.IndexScan scan) {
      return new QueryPlan(
          "index scan", scan.index().name(), scan.bounds(), scan.ordered(), path.describe());
    }
    if (path instanceof AccessPath.KeyLookup lookup) {
      String access = lookup.primaryKey() ? "primary key lookup" : "unique lookup";
      String column =
          tables.table(table).schema().definition().columns().get(lookup.column()).name();
      return new QueryPlan(
          access, column, lookup.values().size() + " value(s)", false, path.describe());
    }
    return new QueryPlan("full scan", null, "", false, path.describe());
  }

  /**
   * How many committed rows reads have decoded in full since the database was opened, for tests and
   * diagnostics: a filtered select decodes in full only the rows it returns, and one with OFFSET
   * and LIMIT in index order only the rows in its window (see {@code docs/queries.md}).
   */
  public long decodedRows() {
    long viewed = views == null ? 0 : views.decodedRows();
    return call(committed::decodedRows) + viewed;
  }

  /** Forces every committed change to durable storage. */
  public void sync() {
    run(
        () -> {
          committed.sync();
          versions.publish(versions.written(), schemas);
          gate.durableThrough(versions.written());
        });
  }

  /**
   * Closes the database and its provider once the call in progress (if any) has returned; open
   * transactions are discarded. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    gate.busyTimeout(Long.MAX_VALUE);
    gate.enter();
    try {
      if (!released) {
        released = true;
        if (views != null) {
          views.close();
        }
        gate.closing(views);
        for (Transaction open : new ArrayList<>(transactions.values())) {
          end(open);
        }
        boolean closedWell = false;
        try {
          committed.close();
          closedWell = true;
        } finally {
          gate.closed(closedWell);
        }
      }
    } finally {
      gate.exit();
    }
  }

  /**
   * Applies a transaction's operations to the committed state in one batch of page writes: a
   * transaction of many rows touches the same few pages over and over, and each reaches the
   * provider once per changed stretch instead of once per row (see {@code Pager.beginBatch}).
   */
  private void replayAll(Writer writer, List<Operation> operations, boolean checked) {
    committed.beginBatch();
    try {
      for (Operation operation : operations) {
        replay(writer, operation, checked);
      }
    } finally {
      committed.endBatch();
    }
  }

  /**
   * Applies one operation of a transaction again; {@code checked}: nothing changed the committed
   * state since the transaction began, so its inserts passed their checks against the very state
   * they are applied to (updates and deletes are matched and checked again all the same).
   */
  private void replay(Writer writer, Operation operation, boolean checked) {
    if (operation instanceof Operation.Insert insert) {
      if (checked) {
        writer.insertChecked(insert.table(), insert.row());
      } else {
        writer.insert(insert.table(), insert.row());
      }
      return;
    }
    TableSchema schema = committed.table(operation.table()).schema();
    if (operation instanceof Operation.Update update) {
      BoundFilter filter = BoundFilter.bind(update.filter(), schema.definition());
      writer.update(update.table(), update.patch(), filter);
    } else {
      Operation.Delete delete = (Operation.Delete) operation;
      BoundFilter filter = BoundFilter.bind(delete.filter(), schema.definition());
      writer.delete(delete.table(), filter, delete.behavior());
    }
  }

  private Transaction transaction(long id) {
    Transaction recent = recentTransaction;
    if (recent != null && recent.id() == id) {
      return recent;
    }
    Transaction tx = transactions.get(id);
    if (tx == null) {
      throw new TransactionNotFoundException("transaction " + id + " is not open");
    }
    recentTransaction = tx;
    return tx;
  }

  /**
   * Runs {@code body} with a writer on {@code tables}; undoes all of it if it throws, else commits
   * the committed state's pages (one durable atomic unit with a journaling provider). A statement
   * of transaction {@code tx} (null: none) may hold only what the open transactions leave of the
   * write memory limit, and what it holds stays counted until the transaction ends.
   */
  private <T> T atomically(Tables tables, Transaction tx, Function<Writer, T> body) {
    UndoLog undo = new UndoLog();
    Writer writer = new Writer(tables, undo, writeMemoryLimit, tx == null ? 0 : transactionBytes);
    Set<WriteSets.RowKey> changed =
        tx != null ? tx.changedRows() : snapshotTransactions > 0 ? WriteSets.newSet() : null;
    writer.recordChangedRows(changed);
    if (tx == null) {
      committedChanges++;
    }
    boolean done = false;
    try {
      T result = body.apply(writer);
      done = true;
      if (tx == null && views != null) {
        // Group commit: the sync waits until the writer has left the gate (see exitWrite).
        committed.commitWithoutSync();
      } else if (tx == null || committed.hasUncommittedWrites()) {
        // A statement of a transaction writes committed pages only when it takes an
        // autoincrement value; the others have nothing to commit or publish.
        commitNow();
      }
      if (tx == null && changed != null) {
        writeSets.add(versions.written(), changed);
      }
      if (tx != null) {
        tx.hold(writer.heldBytes());
        transactionBytes += writer.heldBytes();
      }
      return result;
    } finally {
      if (!done) {
        undo.rollback();
      }
    }
  }

  /** Commits the writes so far durably and publishes them to readers. */
  private void commitNow() {
    committed.commit();
    versions.publish(versions.written(), schemas);
    gate.durableThrough(versions.written());
  }

  /**
   * Enters the writers' gate (every call that writes or reads the writer's state).
   *
   * @throws MemoryException if the database is closed or busy past the busy timeout
   */
  private void enterWrite() {
    checkOpen();
    gate.enter();
    if (closed) {
      gate.exit();
      checkOpen();
    }
    if (gateEntered != null) {
      gateEntered.run();
    }
  }

  /** Sets the test seam run as each call enters the writers' gate; before any call, or racy. */
  void onGateEntered(Runnable hook) {
    gateEntered = hook;
  }

  /**
   * Leaves the gate. On the JVM, then waits until every commit written so far is durable and
   * visible to readers, syncing with the other writers (group commit): the call's own commit, and
   * the unsynced commits of others whose effects it saw (a write refused because of a row of a
   * commit still being synced returns only once that commit is durable). So whatever a call
   * returned, a read that starts afterwards sees.
   */
  private void exitWrite() {
    long written = views == null ? 0 : versions.written();
    gate.exit();
    if (written != 0) {
      try {
        gate.awaitDurable(written);
      } catch (RuntimeException e) {
        throw failure(e);
      }
    }
  }

  /**
   * Starts a read outside a transaction: borrows a snapshot view on the JVM (null in the
   * single-threaded core, which reads the writer's tables behind the gate instead).
   */
  private ReadViews.View enterRead() {
    if (views == null) {
      enterWrite();
      return null;
    }
    checkOpen();
    try {
      return views.acquire();
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  private void exitRead(ReadViews.View view) {
    if (view == null) {
      exitWrite();
    } else {
      views.release(view);
    }
  }

  private static Row toRow(TableSchema schema, Value[] row) {
    return Row.of(schema.columnNames(), row.clone());
  }

  /**
   * Runs a change of the committed schema behind the gate and commits it; counted as a change of
   * the committed state (the count a commit compares with its transaction's) even if it fails.
   */
  private void changeSchema(Runnable change) {
    run(
        () -> {
          committedChanges++;
          change.run();
          commitNow();
        });
  }

  private void run(Runnable body) {
    call(
        () -> {
          body.run();
          return null;
        });
  }

  /**
   * The gate of the rarer calls (schema, indexes, sync): runs {@code body} alone, with the
   * session's error policy. The data operations are {@code synchronized} methods of their own with
   * the same policy, so that no call on the hot path allocates a lambda.
   */
  // Every gated call keeps its failure in a local and rethrows it after the finally block, never
  // from inside the catch block: compiled by TeaVM 0.13.1 to WebAssembly, a catch block that
  // rethrows an exception a callee threw skips the finally block, which left the guest's gate
  // held and every later call "busy" (GuestExportsTest.everyEngineErrorComesBackAsItsCase).
  private <T> T call(java.util.function.Supplier<T> body) {
    enterWrite();
    RuntimeException failed = null;
    try {
      return body.get();
    } catch (RuntimeException e) {
      failed = e;
    } finally {
      exitWrite();
    }
    throw failure(failed);
  }

  private void checkOpen() {
    if (closed) {
      throw new MemoryException("the database is closed");
    }
  }

  /**
   * The session's error policy: a {@link DbmsException} is thrown as it is; any other exception (a
   * defect) becomes an {@link InternalDbmsException}.
   */
  private static RuntimeException failure(RuntimeException e) {
    if (e instanceof DbmsException) {
      return e;
    }
    // An index-out-of-bounds exception is not described: in the TeaVM guest it is malformed and
    // reading its message can trap. The cause keeps the details for JVM stack traces.
    String what =
        e instanceof IndexOutOfBoundsException ? "an index out of bounds" : String.valueOf(e);
    InternalDbmsException internal =
        new InternalDbmsException("unexpected failure in the engine: " + what);
    internal.initCause(e);
    return internal;
  }
}
