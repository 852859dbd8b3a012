package org.wasmdbms.memory.page;

import java.util.TreeSet;

/**
 * The in-memory state of one table's chain of data pages: its first and last page (mirrored in the
 * {@link TableDirectory}), a modification counter for cursors, and the free-space index.
 *
 * <p>The free-space index is derived data and never stored: it is built from the page headers the
 * first time a record is placed in the table after opening. It orders pages by free bytes so
 * placement picks the page with the least free space that still fits (best fit), which keeps nearly
 * full pages filling up and whole pages free for large payloads.
 */
final class TableChain {
  private static final int PAGE_BITS = 47;

  final int tableId;
  long first;
  long last;
  int modifications;
  private TreeSet<Long> freeSpace;

  TableChain(int tableId, long first, long last) {
    this.tableId = tableId;
    this.first = first;
    this.last = last;
  }

  boolean indexed() {
    return freeSpace != null;
  }

  void startIndex() {
    freeSpace = new TreeSet<>();
  }

  /** A page with at least {@code bytes} free bytes (the fullest such page), or 0 if none. */
  long pageWithRoom(int bytes) {
    Long key = freeSpace.ceiling((long) bytes << PAGE_BITS);
    return key == null ? 0 : key & ((1L << PAGE_BITS) - 1);
  }

  void track(long pageId, int freeBytes) {
    if (freeSpace != null) {
      freeSpace.add(key(pageId, freeBytes));
    }
  }

  void untrack(long pageId, int freeBytes) {
    if (freeSpace != null) {
      freeSpace.remove(key(pageId, freeBytes));
    }
  }

  private static long key(long pageId, int freeBytes) {
    return (long) freeBytes << PAGE_BITS | pageId;
  }
}
