package org.wasmdbms.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.wasmdbms.file.FileMemoryProvider;

/**
 * The disk's own durable-write rate: write 4 KiB into a file and {@link FileChannel#force(boolean)
 * force} it, the same call (a data sync, {@link FileMemoryProvider#SYNC_METADATA}) the database's
 * commit ends with. No durable commit can beat it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class RawFsyncBenchmark {
  private Path directory;
  private FileChannel channel;
  private final ByteBuffer block = ByteBuffer.allocate(4096);

  /** Creates the file with its first 4 KiB already written and synced. */
  @Setup
  public void open() throws IOException {
    directory = BenchmarkFiles.newDirectory("fsync");
    channel =
        FileChannel.open(
            directory.resolve("fsync.bin"),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    write4KiBAndForce();
  }

  /** Closes and deletes the file. */
  @TearDown
  public void close() throws IOException {
    channel.close();
    BenchmarkFiles.delete(directory);
  }

  /** Overwrites the first 4 KiB and forces them to the disk. */
  @Benchmark
  public void write4KiBAndForce() throws IOException {
    block.clear();
    block.putLong(0, System.nanoTime());
    while (block.hasRemaining()) {
      channel.write(block, block.position());
    }
    channel.force(FileMemoryProvider.SYNC_METADATA);
  }
}
