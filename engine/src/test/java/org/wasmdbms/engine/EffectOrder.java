package org.wasmdbms.engine;

import java.util.concurrent.atomic.AtomicLong;
import org.wasmdbms.memory.MemoryProvider;

/**
 * A provider that forwards to another and records the order in which database calls took effect. A
 * thread announces a call with {@link #enter()}; the first time the call enters the database's
 * writers' gate ({@link #enteredGate()}, through {@code Database.onGateEntered}) or reaches the
 * provider it gets the next position, which {@link #exit()} returns (-1 for a call that never
 * reached either). The gate matters: a statement of a transaction may read only cached state and
 * write nothing below until its commit, and still depend on the commits before it. Because a {@link
 * Database} runs the calls that write or use a transaction whole, one at a time, their positions
 * are the order in which they ran; a call that never reaches the provider (begin, rollback) changes
 * nothing another thread can see. Reads outside transactions run concurrently on snapshots: for
 * them {@link #watermark()} and {@link #next()} bound which prefix of the writes they may have
 * seen.
 */
final class EffectOrder implements MemoryProvider {
  private final MemoryProvider below;
  private final AtomicLong next = new AtomicLong();
  private final AtomicLong lastCompletedWrite = new AtomicLong(-1);
  private final ThreadLocal<long[]> position = new ThreadLocal<>();

  EffectOrder(MemoryProvider below) {
    this.below = below;
  }

  /** Starts recording the calling thread's next database call. */
  void enter() {
    position.set(new long[] {-1});
  }

  /** The position of the call since {@link #enter()}, or -1 if it never reached the provider. */
  long exit() {
    long at = position.get()[0];
    position.remove();
    return at;
  }

  /** Gives the calling thread's call its position, if it has none: it runs now, alone. */
  void enteredGate() {
    reached();
  }

  /** Notes that the write at {@code position} has returned to its caller. */
  void completed(long position) {
    lastCompletedWrite.accumulateAndGet(position, Math::max);
  }

  /**
   * The smallest prefix (count of positions) a read starting now must see: past every write that
   * has returned.
   */
  long watermark() {
    return lastCompletedWrite.get() + 1;
  }

  /** The next position to be given: the largest prefix a read ending now may have seen. */
  long next() {
    return next.get();
  }

  private MemoryProvider reached() {
    long[] at = position.get();
    if (at != null && at[0] < 0) {
      at[0] = next.getAndIncrement();
    }
    return below;
  }

  @Override
  public long size() {
    return reached().size();
  }

  @Override
  public long pages() {
    return reached().pages();
  }

  @Override
  public long grow(long additionalPages) {
    return reached().grow(additionalPages);
  }

  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int length) {
    reached().read(offset, buffer, bufferOffset, length);
  }

  @Override
  public void write(long offset, byte[] buffer, int bufferOffset, int length) {
    reached().write(offset, buffer, bufferOffset, length);
  }

  @Override
  public void sync() {
    reached().sync();
  }

  @Override
  public void commit() {
    reached().commit();
  }

  @Override
  public void commitWithoutSync() {
    reached().commitWithoutSync();
  }

  @Override
  public void finishCommits() {
    reached().finishCommits();
  }

  @Override
  public void close() {
    below.close();
  }
}
