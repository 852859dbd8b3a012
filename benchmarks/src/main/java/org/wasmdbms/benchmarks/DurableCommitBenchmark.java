package org.wasmdbms.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.file.DatabaseFiles;

/**
 * Single-row durable commits per second: each operation inserts one row outside a transaction into
 * a journaled file database, which commits it with one journal sync.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DurableCommitBenchmark {
  private Path directory;
  private Database db;
  private long next;

  /** Opens a fresh database with one table. */
  @Setup
  public void open() {
    directory = BenchmarkFiles.newDirectory("commit");
    db = Database.open(DatabaseFiles.open(directory.resolve("bench.wdb")));
    db.register(
        TableSchema.of(
            TableDef.builder("items")
                .column(ColumnDef.builder("id", DataType.UINT64).primaryKey())
                .column(ColumnDef.builder("name", DataType.TEXT))
                .build()));
  }

  /** Closes and deletes the database. */
  @TearDown
  public void close() {
    db.close();
    BenchmarkFiles.delete(directory);
  }

  /** Inserts one row; the insert returns once the row is durable. */
  @Benchmark
  public Row insertOneRowDurably() {
    long id = next++;
    return db.insert(
        "items",
        Row.builder()
            .set("id", new Uint64Value(id))
            .set("name", new TextValue("item " + id))
            .build());
  }
}
