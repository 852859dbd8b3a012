package org.wasmdbms.memory.page;

import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;

/**
 * Stores a byte string in a chain of whole pages: the overflow pages of large records and the
 * catalog. Each page of a chain:
 *
 * <pre>
 * offset size field
 *      0    4 tag: ASCII "OVFL"
 *      4    4 number of data bytes in this page (u32), 1..{@value #CAPACITY}
 *      8    8 next page of the chain (u64), 0 on the last page
 *     16    n data bytes
 * </pre>
 *
 * Every page but the last is full, so a chain of {@code length} bytes has exactly {@code
 * ceil(length / CAPACITY)} pages; reading checks each page against that shape and never walks more
 * pages than the expected count, so a corrupt or cyclic chain is a {@link MemoryException}.
 */
final class BlobChain {
  /** Data bytes per chain page. */
  static final int CAPACITY = PageStore.PAGE_SIZE - 16;

  private static final int TAG = LittleEndian.tag("OVFL");

  /** Bytes before the data in each chain page. */
  static final int HEADER = 16;

  private BlobChain() {}

  /**
   * Writes {@code data} (at least one byte) to newly allocated pages.
   *
   * @return the first page of the chain
   * @throws MemoryException if the pages cannot be allocated; the pages allocated so far are freed
   */
  static long write(Pager pager, byte[] data) {
    long[] pages = new long[pageCountFor(data.length)];
    int allocated = 0;
    try {
      for (; allocated < pages.length; allocated++) {
        pages[allocated] = pager.allocate();
      }
    } catch (MemoryException e) {
      for (int i = 0; i < allocated; i++) {
        pager.free(pages[i]);
      }
      throw e;
    }
    byte[] header = new byte[HEADER];
    LittleEndian.putInt(header, 0, TAG);
    for (int i = 0; i < pages.length; i++) {
      int from = i * CAPACITY;
      int chunk = Math.min(CAPACITY, data.length - from);
      LittleEndian.putInt(header, 4, chunk);
      LittleEndian.putLong(header, 8, i + 1 < pages.length ? pages[i + 1] : 0);
      pager.write(pages[i], 0, header, 0, HEADER);
      pager.write(pages[i], HEADER, data, from, chunk);
    }
    return pages[0];
  }

  /**
   * Reads the {@code length}-byte chain starting at {@code first}.
   *
   * @throws MemoryException if the chain does not have the expected shape
   */
  static byte[] read(Pager pager, long first, int length) {
    byte[] data = new byte[length];
    long[] pages = walk(pager, first, length);
    for (int i = 0; i < pages.length; i++) {
      int from = i * CAPACITY;
      pager.read(pages[i], HEADER, data, from, Math.min(CAPACITY, length - from));
    }
    return data;
  }

  /**
   * Frees every page of the {@code length}-byte chain starting at {@code first}, after checking the
   * whole chain (a corrupt chain frees nothing).
   */
  static void free(Pager pager, long first, int length) {
    for (long page : walk(pager, first, length)) {
      pager.free(page);
    }
  }

  /** Checks the shape of the {@code length}-byte chain starting at {@code first}. */
  static void check(Pager pager, long first, int length) {
    walk(pager, first, length);
  }

  private static int pageCountFor(int length) {
    if (length <= 0) {
      throw new MemoryException("a page chain holds at least one byte, not " + length);
    }
    return (int) (((long) length + CAPACITY - 1) / CAPACITY);
  }

  private static long[] walk(Pager pager, long first, int length) {
    int count = pageCountFor(length);
    if (count >= pager.pageCount()) {
      throw new MemoryException(
          "corrupt page chain: " + length + " bytes cannot fit in the store's pages");
    }
    long[] pages = new long[count];
    byte[] header = new byte[HEADER];
    long page = first;
    for (int i = 0; i < count; i++) {
      if (page < 1 || page >= pager.pageCount() || pager.isFree(page)) {
        throw new MemoryException("corrupt page chain: link to page " + page);
      }
      pager.read(page, 0, header, 0, HEADER);
      int expected = Math.min(CAPACITY, length - i * CAPACITY);
      long next = LittleEndian.getLong(header, 8);
      boolean last = i + 1 == count;
      if (LittleEndian.getInt(header, 0) != TAG
          || LittleEndian.getInt(header, 4) != expected
          || (next == 0) != last) {
        throw new MemoryException("corrupt page chain at page " + page);
      }
      pages[i] = page;
      page = next;
    }
    return pages;
  }
}
