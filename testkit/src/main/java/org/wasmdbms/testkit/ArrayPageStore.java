package org.wasmdbms.testkit;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;

/**
 * A minimal page store in heap arrays with a free list, for smoke scenarios that need pages without
 * a memory provider. Guest-safe. Freed pages are reused before new ones are added; reads and writes
 * of a freed page, and ranges outside a page, throw {@link MemoryException}.
 */
public final class ArrayPageStore implements PageStore {
  private final List<byte[]> pages = new ArrayList<>();
  private final List<Long> free = new ArrayList<>();

  @Override
  public long allocate() {
    byte[] fresh = new byte[PAGE_SIZE];
    if (!free.isEmpty()) {
      long id = free.remove(free.size() - 1);
      pages.set((int) id, fresh);
      return id;
    }
    pages.add(fresh);
    return pages.size() - 1;
  }

  @Override
  public void free(long pageId) {
    page(pageId);
    pages.set((int) pageId, null);
    free.add(pageId);
  }

  @Override
  public void read(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    byte[] page = page(pageId);
    checkRange(offset, length, buffer, bufferOffset);
    System.arraycopy(page, offset, buffer, bufferOffset, length);
  }

  @Override
  public void write(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    byte[] page = page(pageId);
    checkRange(offset, length, buffer, bufferOffset);
    System.arraycopy(buffer, bufferOffset, page, offset, length);
  }

  @Override
  public long pageCount() {
    return pages.size();
  }

  /** Pages allocated and not freed. */
  public long livePages() {
    return pages.size() - free.size();
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
      throw new MemoryException("page range " + offset + "+" + length + " is out of bounds");
    }
  }
}
