package org.wasmdbms.engine.concurrency;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/**
 * A heap provider whose next {@link #sync()} or {@link #write}, once armed, blocks until the test
 * releases it: a disk that takes as long as the test wants. Counts syncs.
 */
final class BlockingProvider implements MemoryProvider {
  private final HeapMemoryProvider heap = new HeapMemoryProvider();
  private volatile CountDownLatch syncEntered;
  private volatile CountDownLatch syncRelease;
  private volatile CountDownLatch writeEntered;
  private volatile CountDownLatch writeRelease;
  private volatile boolean syncArmed;
  private volatile boolean writeArmed;
  private volatile long syncs;

  /** Makes the next sync block until {@link #releaseSync()}. */
  void armSync() {
    syncRelease = new CountDownLatch(1);
    syncEntered = new CountDownLatch(1);
    syncArmed = true;
  }

  /** Makes the next write block until {@link #releaseWrite()}. */
  void armWrite() {
    writeRelease = new CountDownLatch(1);
    writeEntered = new CountDownLatch(1);
    writeArmed = true;
  }

  void awaitSyncEntered() throws InterruptedException {
    if (!syncEntered.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("no sync started");
    }
  }

  void awaitWriteEntered() throws InterruptedException {
    if (!writeEntered.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("no write started");
    }
  }

  void releaseSync() {
    syncRelease.countDown();
  }

  void releaseWrite() {
    writeRelease.countDown();
  }

  long syncs() {
    return syncs;
  }

  @Override
  public void sync() {
    if (syncArmed) {
      syncArmed = false;
      syncEntered.countDown();
      awaitQuietly(syncRelease);
    }
    syncs++;
    heap.sync();
  }

  @Override
  public void write(long offset, byte[] buffer, int bufferOffset, int length) {
    if (writeArmed) {
      writeArmed = false;
      writeEntered.countDown();
      awaitQuietly(writeRelease);
    }
    heap.write(offset, buffer, bufferOffset, length);
  }

  @Override
  public long size() {
    return heap.size();
  }

  @Override
  public long pages() {
    return heap.pages();
  }

  @Override
  public long grow(long additionalPages) {
    return heap.grow(additionalPages);
  }

  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int length) {
    heap.read(offset, buffer, bufferOffset, length);
  }

  @Override
  public void close() {
    heap.close();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("the test never released the provider");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
