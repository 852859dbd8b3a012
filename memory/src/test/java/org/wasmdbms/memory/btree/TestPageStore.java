package org.wasmdbms.memory.btree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;

/**
 * A page store over a growable list of byte arrays with a free list, stricter than the contract so
 * tree bugs show: reading or writing a freed page throws, as does freeing it twice.
 */
final class TestPageStore implements PageStore {
  private final List<byte[]> pages = new ArrayList<>();
  private final Deque<Long> free = new ArrayDeque<>();

  @Override
  public long allocate() {
    Long reused = free.pollLast();
    if (reused != null) {
      pages.set(reused.intValue(), new byte[PAGE_SIZE]);
      return reused;
    }
    pages.add(new byte[PAGE_SIZE]);
    return pages.size() - 1;
  }

  @Override
  public void free(long pageId) {
    page(pageId);
    pages.set((int) pageId, null);
    free.addLast(pageId);
  }

  @Override
  public void read(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    checkRange(offset, length, buffer, bufferOffset);
    System.arraycopy(page(pageId), offset, buffer, bufferOffset, length);
  }

  @Override
  public void write(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    checkRange(offset, length, buffer, bufferOffset);
    System.arraycopy(buffer, bufferOffset, page(pageId), offset, length);
  }

  @Override
  public long pageCount() {
    return pages.size();
  }

  /** An independent copy of every page and of the free list. */
  TestPageStore copy() {
    TestPageStore copy = new TestPageStore();
    for (byte[] page : pages) {
      copy.pages.add(page == null ? null : page.clone());
    }
    copy.free.addAll(free);
    return copy;
  }

  /** Pages allocated and not freed. */
  long livePages() {
    return pages.size() - free.size();
  }

  /** The live page itself, for tests that corrupt bytes on purpose. */
  byte[] rawPage(long pageId) {
    return page(pageId);
  }

  private byte[] page(long pageId) {
    if (pageId < 0 || pageId >= pages.size() || pages.get((int) pageId) == null) {
      throw new MemoryException("page " + pageId + " is not allocated");
    }
    return pages.get((int) pageId);
  }

  private static void checkRange(int offset, int length, byte[] buffer, int bufferOffset) {
    if (offset < 0
        || length < 0
        || offset > PAGE_SIZE - length
        || bufferOffset < 0
        || bufferOffset > buffer.length - length) {
      throw new MemoryException("bad page range " + offset + "+" + length);
    }
  }
}
