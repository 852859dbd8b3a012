package org.wasmdbms.memory.page;

import java.util.Arrays;

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

  // The free-space index: keys freeBytes << PAGE_BITS | pageId in ascending order, in a primitive
  // array (no boxing, one binary search per lookup); null until built.
  private long[] freeSpace;
  private int tracked;

  TableChain(int tableId, long first, long last) {
    this.tableId = tableId;
    this.first = first;
    this.last = last;
  }

  boolean indexed() {
    return freeSpace != null;
  }

  void startIndex() {
    freeSpace = new long[16];
    tracked = 0;
  }

  /** A page with at least {@code bytes} free bytes (the fullest such page), or 0 if none. */
  long pageWithRoom(int bytes) {
    int at = position((long) bytes << PAGE_BITS);
    return at == tracked ? 0 : freeSpace[at] & ((1L << PAGE_BITS) - 1);
  }

  void track(long pageId, int freeBytes) {
    if (freeSpace == null) {
      return;
    }
    long key = key(pageId, freeBytes);
    int at = position(key);
    if (at < tracked && freeSpace[at] == key) {
      return;
    }
    if (tracked == freeSpace.length) {
      freeSpace = Arrays.copyOf(freeSpace, 2 * tracked);
    }
    System.arraycopy(freeSpace, at, freeSpace, at + 1, tracked - at);
    freeSpace[at] = key;
    tracked++;
  }

  void untrack(long pageId, int freeBytes) {
    if (freeSpace == null) {
      return;
    }
    long key = key(pageId, freeBytes);
    int at = position(key);
    if (at < tracked && freeSpace[at] == key) {
      System.arraycopy(freeSpace, at + 1, freeSpace, at, tracked - at - 1);
      tracked--;
    }
  }

  /** The index of the first tracked key at or above {@code key}. */
  private int position(long key) {
    int low = 0;
    int high = tracked;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (freeSpace[middle] < key) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private static long key(long pageId, int freeBytes) {
    return (long) freeBytes << PAGE_BITS | pageId;
  }
}
