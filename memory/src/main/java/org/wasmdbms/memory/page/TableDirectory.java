package org.wasmdbms.memory.page;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;

/**
 * Maps a table id to the first and last page of that table's chain of data pages. The directory is
 * a chain of pages starting at header root {@link Pager#ROOT_TABLE_DIRECTORY}; table id {@code t}
 * lives in directory page number {@code t / ENTRIES_PER_PAGE} of the chain. Each page:
 *
 * <pre>
 * offset size field
 *      0    4 tag: ASCII "TDIR"
 *      4    4 reserved, zero
 *      8    8 next directory page (u64), 0 on the last
 *     16 16*n entries, one per table id: first data page (u64), last data page (u64); 0 and 0
 *             for a table without pages
 * </pre>
 *
 * The chain only grows, a page at a time, when a table id beyond its end first gets pages.
 */
final class TableDirectory {
  /** Entries per directory page. */
  static final int ENTRIES_PER_PAGE = (PageStore.PAGE_SIZE - 16) / 16;

  /** Directory pages at most; table ids are below {@code MAX_PAGES * ENTRIES_PER_PAGE}. */
  static final int MAX_PAGES = 16;

  private static final int TAG = LittleEndian.tag("TDIR");
  private static final int HEADER = 16;

  private final Pager pager;
  private final List<Long> pages = new ArrayList<>();

  TableDirectory(Pager pager) {
    this.pager = pager;
    long page = pager.root(Pager.ROOT_TABLE_DIRECTORY);
    byte[] header = new byte[HEADER];
    while (page != 0) {
      if (pages.size() == MAX_PAGES
          || page < 1
          || page >= pager.pageCount()
          || pager.isFree(page)) {
        throw new MemoryException("corrupt table directory: link to page " + page);
      }
      pager.read(page, 0, header, 0, HEADER);
      if (LittleEndian.getInt(header, 0) != TAG || pages.contains(page)) {
        throw new MemoryException("corrupt table directory page " + page);
      }
      pages.add(page);
      page = LittleEndian.getLong(header, 8);
    }
  }

  /** The {first, last} data pages of {@code tableId}; {0, 0} for a table without pages. */
  long[] get(int tableId) {
    int index = tableId / ENTRIES_PER_PAGE;
    if (index >= pages.size()) {
      return new long[2];
    }
    byte[] entry = new byte[16];
    pager.read(pages.get(index), entryOffset(tableId), entry, 0, 16);
    return new long[] {LittleEndian.getLong(entry, 0), LittleEndian.getLong(entry, 8)};
  }

  /**
   * Makes sure the directory reaches {@code tableId}, allocating directory pages if needed, so that
   * a later {@link #set} cannot fail for lack of space.
   */
  void reserve(int tableId) {
    int index = tableId / ENTRIES_PER_PAGE;
    while (pages.size() <= index) {
      long page = pager.allocate();
      byte[] header = new byte[HEADER];
      LittleEndian.putInt(header, 0, TAG);
      pager.write(page, 0, header, 0, HEADER);
      if (pages.isEmpty()) {
        pager.setRoot(Pager.ROOT_TABLE_DIRECTORY, page);
      } else {
        byte[] link = new byte[8];
        LittleEndian.putLong(link, 0, page);
        pager.write(pages.get(pages.size() - 1), 8, link, 0, 8);
      }
      pages.add(page);
    }
  }

  /** Records the first and last data page of {@code tableId}. */
  void set(int tableId, long first, long last) {
    reserve(tableId);
    byte[] entry = new byte[16];
    LittleEndian.putLong(entry, 0, first);
    LittleEndian.putLong(entry, 8, last);
    pager.write(pages.get(tableId / ENTRIES_PER_PAGE), entryOffset(tableId), entry, 0, 16);
  }

  private static int entryOffset(int tableId) {
    return HEADER + 16 * (tableId % ENTRIES_PER_PAGE);
  }
}
