package org.wasmdbms.memory.btree;

import java.util.HashSet;
import java.util.Set;
import org.wasmdbms.memory.PageStore;

/**
 * Wraps a page store and records which distinct pages were read, and how many read calls were made,
 * since the last {@link #reset}.
 */
final class CountingPageStore implements PageStore {
  private final PageStore inner;
  private final Set<Long> pagesRead = new HashSet<>();
  private int reads;

  CountingPageStore(PageStore inner) {
    this.inner = inner;
  }

  void reset() {
    pagesRead.clear();
    reads = 0;
  }

  int reads() {
    return reads;
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
    return inner.pageCount();
  }
}
