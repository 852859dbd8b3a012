package org.wasmdbms.engine;

import java.util.HashSet;
import java.util.Set;
import org.wasmdbms.memory.MemoryProvider;

/**
 * A {@link MemoryProvider} that forwards to another one, counts reads and the distinct pages they
 * touch, writes and commits, and may keep the delegate open when closed (so a heap database can be
 * "reopened").
 */
final class CountingProvider implements MemoryProvider {
  private final MemoryProvider delegate;
  private final boolean closeDelegate;
  private long reads;
  private long writes;
  private long commits;
  private final Set<Long> pagesRead = new HashSet<>();

  CountingProvider(MemoryProvider delegate, boolean closeDelegate) {
    this.delegate = delegate;
    this.closeDelegate = closeDelegate;
  }

  /** How many read calls reached this provider so far. */
  long reads() {
    return reads;
  }

  /** How many write calls reached this provider so far. */
  long writes() {
    return writes;
  }

  /** How many commits (synced or not) reached this provider so far. */
  long commits() {
    return commits;
  }

  /** How many distinct pages were read since the last call (or since creation). */
  long takeDistinctPagesRead() {
    long count = pagesRead.size();
    pagesRead.clear();
    return count;
  }

  @Override
  public long size() {
    return delegate.size();
  }

  @Override
  public long pages() {
    return delegate.pages();
  }

  @Override
  public long grow(long additionalPages) {
    return delegate.grow(additionalPages);
  }

  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int length) {
    reads++;
    if (length > 0) {
      for (long page = offset / PAGE_SIZE; page <= (offset + length - 1) / PAGE_SIZE; page++) {
        pagesRead.add(page);
      }
    }
    delegate.read(offset, buffer, bufferOffset, length);
  }

  @Override
  public void write(long offset, byte[] buffer, int bufferOffset, int length) {
    writes++;
    delegate.write(offset, buffer, bufferOffset, length);
  }

  @Override
  public void commit() {
    commits++;
    delegate.commit();
  }

  @Override
  public void sync() {
    delegate.sync();
  }

  @Override
  public void close() {
    if (closeDelegate) {
      delegate.close();
    }
  }
}
