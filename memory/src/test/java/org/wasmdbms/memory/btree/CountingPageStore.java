package org.wasmdbms.memory.btree;

import java.util.HashSet;
import java.util.Set;
import org.wasmdbms.memory.PageStore;

/**
 * Wraps a page store and records which distinct pages were read, how many read calls were made and
 * how often the page count was asked for, since the last {@link #reset}.
 */
final class CountingPageStore implements PageStore {
  private final PageStore inner;
  private final Set<Long> pagesRead = new HashSet<>();
  private int reads;
  private int pageCounts;

  CountingPageStore(PageStore inner) {
    this.inner = inner;
  }

  void reset() {
    pagesRead.clear();
    reads = 0;
    pageCounts = 0;
  }

  int reads() {
    return reads;
  }

  /** How many times the page count was asked for since the last {@link #reset}. */
  int pageCounts() {
    return pageCounts;
  }

  int distinctPagesRead() {
    return pagesRead.size();
  }

  @Override
  public long allocate() {
    return inner.allocate();
  }

  @Override
  public void free(long pageId) {
    inner.free(pageId);
  }

  @Override
  public void read(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    pagesRead.add(pageId);
    reads++;
    inner.read(pageId, offset, buffer, bufferOffset, length);
  }

  @Override
  public void write(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    inner.write(pageId, offset, buffer, bufferOffset, length);
  }

  @Override
  public long pageCount() {
    pageCounts++;
    return inner.pageCount();
  }
}
