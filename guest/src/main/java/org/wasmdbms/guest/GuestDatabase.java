package org.wasmdbms.guest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InternalDbmsException;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.typed.SchemaDispatcher;
import org.wasmdbms.guest.wasi.WasiEnvironment;
import org.wasmdbms.guest.wasi.WasiFileMemoryProvider;
import org.wasmdbms.memory.CachedMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.journal.Durability;
import org.wasmdbms.memory.journal.JournalOptions;
import org.wasmdbms.memory.journal.JournaledMemoryProvider;
import org.wasmdbms.wit.WitQuery;

/**
 * The guest's one database: opened on the first call on {@link #DATA_FILE} in the WASI preopened
 * directory, with the tables of the guest's {@link GuestSchema} registered. A failed open (a
 * foreign file, a schema mismatch) is reported to that call and retried on the next one.
 *
 * <p>Each operation takes the WIT arguments as lifted and returns engine results; errors are the
 * engine's {@link DbmsException}s. Every write outside a transaction and every commit is durable
 * before it returns: the engine commits it to the journal, which syncs once. At most {@link
 * GuestMemory#MAX_OPEN_TRANSACTIONS} transactions may be open.
 */
final class GuestDatabase {
  /**
   * The data file's name in the preopened directory: {@code wasm-dbms.db} unless the guest build
   * names another (its TeaVM transformer, {@code org.wasmdbms.build.GuestBinding}, replaces the
   * body of {@link #dataFile()}).
   */
  static final String DATA_FILE = dataFile();

  /** The WASI environment variable naming the durability mode: {@code full} or {@code relaxed}. */
  static final String DURABILITY_VARIABLE = "WASM_DBMS_DURABILITY";

  /** The journal's name beside it, as the JVM's {@code DatabaseFiles} names it. */
  static final String JOURNAL_FILE = DATA_FILE + "-journal";

  private static String dataFile() {
    return "wasm-dbms.db";
  }

  private final GuestSchema schema;
  private final Set<Long> openTransactions = new HashSet<>();
  private Database database;

  /** A database serving {@code schema}; null if the guest was built without one. */
  GuestDatabase(GuestSchema schema) {
    this.schema = schema;
  }

  private Database database() {
    if (database == null) {
      if (schema == null) {
        throw new InternalDbmsException("the guest was built without a GuestSchema");
      }
      database = open(schema.dispatcher());
    }
    return database;
  }

  /**
   * The journal options the host chose through the WASI environment variable {@value
   * #DURABILITY_VARIABLE}: {@code relaxed} syncs at the first commit after 100 ms (the guest has no
   * thread to sync in between), at checkpoints and at close; {@code full}, unset or anything else
   * syncs every commit.
   */
  private static JournalOptions journalOptions() {
    Durability mode = Durability.named(WasiEnvironment.variable(DURABILITY_VARIABLE));
    if (mode != Durability.RELAXED) {
      return JournalOptions.DEFAULT;
    }
    return JournalOptions.DEFAULT.withDurability(mode).withClock(WasiEnvironment::millis);
  }

  /**
   * Opens the data file and its journal (torn tails cut, crashed commits recovered) and registers
   * the tables of {@code dispatcher}.
   *
   * <p>Synchronized only because TeaVM 0.13.1 never inlines a synchronized method: inlined, this
   * made {@link #database()}, which every export calls, a guest function of over 8,000 bytes of JVM
   * bytecode, which the host's JIT never compiles (docs/guest-performance.md). It runs once.
   */
  private static synchronized Database open(SchemaDispatcher dispatcher) {
    MemoryProvider data = WasiFileMemoryProvider.openCuttingTornTail(DATA_FILE);
    MemoryProvider journal;
    try {
      journal = WasiFileMemoryProvider.openCuttingTornTail(JOURNAL_FILE);
    } catch (DbmsException e) {
      data.close();
      throw e;
    }
    // Owns both providers from here on, and closes them if opening fails.
    MemoryProvider files =
        JournaledMemoryProvider.open(
            new CachedMemoryProvider(data, GuestMemory.CACHE_PAGES),
            new CachedMemoryProvider(journal, GuestMemory.CACHE_PAGES),
            journalOptions());
    Database opened;
    try {
      // A write, or transactions, that would hold more rows than the heap can spare fails before
      // the heap runs out. (The JVM's default, a share of Runtime.maxMemory(), is not for TeaVM.)
      opened = Database.open(files, GuestMemory.MAX_WRITE_BYTES);
    } catch (DbmsException e) {
      files.close();
      throw e;
    }
    // A select that would hold more rows than a result may carry fails before the heap runs out.
    opened.limitSelectMemory(GuestMemory.MAX_RESULT_BYTES);
    try {
      dispatcher.registerAll(opened);
    } catch (DbmsException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  List<Row> select(String table, WitQuery query, Long tx) {
    Database db = database();
    return tx == null ? db.select(table, query.toQuery()) : db.select(tx, table, query.toQuery());
  }

  List<AggregatedRow> aggregate(
      String table, WitQuery query, List<AggregateFunction> functions, Long tx) {
    Database db = database();
    return tx == null
        ? db.aggregate(table, query.toQuery(), functions)
        : db.aggregate(tx, table, query.toQuery(), functions);
  }

  Row insert(String table, Row values, Long tx) {
    Database db = database();
    return tx == null ? db.insert(table, values) : db.insert(tx, table, values);
  }

  long update(String table, Row values, String filter, Long tx) {
    Database db = database();
    Filter parsed = filter == null ? null : WireFormat.parseFilter(filter);
    return tx == null ? db.update(table, values, parsed) : db.update(tx, table, values, parsed);
  }

  long delete(String table, DeleteBehavior behavior, String filter, Long tx) {
    Database db = database();
    Filter parsed = filter == null ? null : WireFormat.parseFilter(filter);
    return tx == null ? db.delete(table, behavior, parsed) : db.delete(tx, table, behavior, parsed);
  }

  long begin(Isolation isolation) {
    Database db = database();
    if (openTransactions.size() >= GuestMemory.MAX_OPEN_TRANSACTIONS) {
      throw new ConstraintViolationException(
          "more than " + GuestMemory.MAX_OPEN_TRANSACTIONS + " transactions open at once");
    }
    long id = db.begin(isolation);
    openTransactions.add(id);
    return id;
  }

  void commit(long tx) {
    Database db = database();
    openTransactions.remove(tx);
    db.commit(tx);
  }

  void rollback(long tx) {
    Database db = database();
    openTransactions.remove(tx);
    db.rollback(tx);
  }

  boolean hasDrift() {
    return database().hasDrift();
  }

  List<MigrationOp> pendingMigrations() {
    return database().pendingMigrations();
  }

  void migrate(MigrationPolicy policy) {
    database().migrate(policy);
  }
}
