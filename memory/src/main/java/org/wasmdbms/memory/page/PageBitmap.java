package org.wasmdbms.memory.page;

import java.util.Arrays;
import org.wasmdbms.api.error.MemoryException;

/** A growable set of page ids, one bit per page; ids the bitmap never grew to are absent. */
final class PageBitmap {
  private long[] words = new long[16];

  boolean contains(long pageId) {
    long word = pageId >>> 6;
    return pageId >= 0 && word < words.length && (words[(int) word] & 1L << pageId) != 0;
  }

  void add(long pageId) {
    long word = pageId >>> 6;
    if (pageId < 0 || word >= Integer.MAX_VALUE - 8) {
      throw new MemoryException("page id out of range: " + pageId);
    }
    if (word >= words.length) {
      long grown = Math.max(word + 1, (long) words.length * 2);
      words = Arrays.copyOf(words, (int) Math.min(grown, Integer.MAX_VALUE - 8));
    }
    words[(int) word] |= 1L << pageId;
  }

  void remove(long pageId) {
    long word = pageId >>> 6;
    if (pageId >= 0 && word < words.length) {
      words[(int) word] &= ~(1L << pageId);
    }
  }
}
