package org.wasmdbms.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.file.DatabaseFiles;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Key reads on a loaded {@code users(id, name, email, age)} table with an index on {@code age}: a
 * primary-key lookup, and an indexed range {@code age >= x ORDER BY age LIMIT 10}, at 10,000 and
 * 1,000,000 rows, on the heap provider and on a journaled file. Rows are loaded once per trial in
 * transactions of 10,000 inserts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class IndexedReadBenchmark {
  private static final int BATCH = 10_000;
  private static final int AGES = 100;

  /** How many rows the table holds. */
  @Param({"10000", "1000000"})
  public int rows;

  /** Where the pages live: {@code heap} or {@code file} (data file plus journal). */
  @Param({"heap", "file"})
  public String provider;

  private Path directory;
  private Database db;
  private long probe;

  /** Opens the database and loads the rows. */
  @Setup(Level.Trial)
  public void load() {
    if (provider.equals("file")) {
      directory = BenchmarkFiles.newDirectory("reads");
      db = Database.open(DatabaseFiles.open(directory.resolve("bench.wdb")));
    } else {
      db = Database.open(new HeapMemoryProvider());
    }
    db.register(
        TableSchema.of(
            TableDef.builder("users")
                .column(ColumnDef.builder("id", DataType.UINT64).primaryKey())
                .column(ColumnDef.builder("name", DataType.TEXT))
                .column(ColumnDef.builder("email", DataType.TEXT))
                .column(ColumnDef.builder("age", DataType.INT32))
                .index("users_by_age", false, "age")
                .build()));
    for (int from = 0; from < rows; from += BATCH) {
      long tx = db.begin();
      for (int id = from; id < Math.min(rows, from + BATCH); id++) {
        db.insert(tx, "users", user(id));
      }
      db.commit(tx);
    }
  }

  /** Closes the database and deletes its files. */
  @TearDown(Level.Trial)
  public void close() {
    db.close();
    if (directory != null) {
      BenchmarkFiles.delete(directory);
    }
  }

  private static Row user(long id) {
    return Row.builder()
        .set("id", new Uint64Value(id))
        .set("name", new TextValue("user " + id))
        .set("email", new TextValue("user" + id + "@example.com"))
        .set("age", new Int32Value((int) (id * 7919 % AGES)))
        .build();
  }

  private long nextId() {
    probe = (probe + 104_729) % rows;
    return probe;
  }

  /** One row by primary key. */
  @Benchmark
  public List<Row> primaryKeyLookup() {
    return db.select(
        "users", Query.builder().filter(new Filter.Eq("id", new Uint64Value(nextId()))).build());
  }

  /** Ten rows of an indexed range, in index order. */
  @Benchmark
  public List<Row> indexedRangeLimit10() {
    int age = (int) (nextId() % AGES);
    return db.select(
        "users",
        Query.builder()
            .filter(new Filter.Ge("age", new Int32Value(age)))
            .orderBy("age", OrderDirection.ASCENDING)
            .limit(10)
            .build());
  }
}
