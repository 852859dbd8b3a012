package org.wasmdbms.memory;

/**
 * A bounded map from page numbers to page images that forgets the least recently used page first:
 * what {@link CachedMemoryProvider} keeps. Keys are primitive {@code long}s in an open-addressing
 * hash table (linear probing, deletion by shifting back), and the recency order is a doubly linked
 * list threaded through {@code int} arrays, so a lookup allocates nothing and boxes nothing, which
 * matters most in the WebAssembly guest.
 *
 * <p>Not thread-safe: its owner holds a monitor around every call.
 */
final class PageCache {
  private static final int NONE = -1;

  private final int capacity;
  // Entry e: page keys[e], image images[e], neighbours older[e] / newer[e] in recency order.
  private final long[] keys;
  private final byte[][] images;
  private final int[] older;
  private final int[] newer;
  // Hash table of entry + 1 (0: empty); its length is a power of two at least twice the capacity.
  private final int[] table;
  private final int mask;
  private int size;
  private int newest = NONE;
  private int oldest = NONE;

  /** A cache of at most {@code capacity} pages (at least 1). */
  PageCache(int capacity) {
    this.capacity = capacity;
    keys = new long[capacity];
    images = new byte[capacity][];
    older = new int[capacity];
    newer = new int[capacity];
    int length = Integer.highestOneBit(Math.max(2, capacity) - 1) << 2;
    table = new int[length];
    mask = length - 1;
  }

  /** The number of pages held. */
  int size() {
    return size;
  }

  /** The image of {@code page}, now the most recently used, or null. */
  byte[] get(long page) {
    int entry = find(page);
    if (entry == NONE) {
      return null;
    }
    touch(entry);
    return images[entry];
  }

  /** The image of {@code page} without changing the recency order, or null. */
  byte[] peek(long page) {
    int entry = find(page);
    return entry == NONE ? null : images[entry];
  }

  /** Holds {@code image} as {@code page} (not held yet), forgetting the oldest page if full. */
  void put(long page, byte[] image) {
    int entry;
    if (size == capacity) {
      entry = oldest;
      removeFromTable(keys[entry]);
      unlink(entry);
    } else {
      entry = size++;
    }
    keys[entry] = page;
    images[entry] = image;
    int at = home(page);
    while (table[at] != 0) {
      at = (at + 1) & mask;
    }
    table[at] = entry + 1;
    linkNewest(entry);
  }

  /** Forgets {@code page} if it is held. */
  void remove(long page) {
    int entry = find(page);
    if (entry == NONE) {
      return;
    }
    removeFromTable(page);
    unlink(entry);
    int last = --size;
    if (entry != last) {
      moveEntry(last, entry);
    }
    images[last] = null;
  }

  /** Forgets every page. */
  void clear() {
    java.util.Arrays.fill(table, 0);
    java.util.Arrays.fill(images, null);
    size = 0;
    newest = NONE;
    oldest = NONE;
  }

  private int home(long page) {
    long h = page * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }

  private int find(long page) {
    int at = home(page);
    int slot;
    while ((slot = table[at]) != 0) {
      if (keys[slot - 1] == page) {
        return slot - 1;
      }
      at = (at + 1) & mask;
    }
    return NONE;
  }

  /** Empties the table slot of {@code page} (held) and shifts the probe chain after it back. */
  private void removeFromTable(long page) {
    int at = home(page);
    while (keys[table[at] - 1] != page) {
      at = (at + 1) & mask;
    }
    int gap = at;
    int next = (gap + 1) & mask;
    while (table[next] != 0) {
      int want = home(keys[table[next] - 1]);
      // The entry at next may fill the gap unless its home lies cyclically in (gap, next].
      boolean stays = gap <= next ? gap < want && want <= next : gap < want || want <= next;
      if (!stays) {
        table[gap] = table[next];
        gap = next;
      }
      next = (next + 1) & mask;
    }
    table[gap] = 0;
  }

  /** Moves entry {@code from} (in use) to the free entry {@code to}, keeping table and list. */
  private void moveEntry(int from, int to) {
    long page = keys[from];
    int at = home(page);
    while (table[at] != from + 1) {
      at = (at + 1) & mask;
    }
    table[at] = to + 1;
    keys[to] = page;
    images[to] = images[from];
    older[to] = older[from];
    newer[to] = newer[from];
    if (older[to] != NONE) {
      newer[older[to]] = to;
    } else {
      oldest = to;
    }
    if (newer[to] != NONE) {
      older[newer[to]] = to;
    } else {
      newest = to;
    }
  }

  private void touch(int entry) {
    if (entry != newest) {
      unlink(entry);
      linkNewest(entry);
    }
  }

  private void unlink(int entry) {
    int before = older[entry];
    int after = newer[entry];
    if (before != NONE) {
      newer[before] = after;
    } else {
      oldest = after;
    }
    if (after != NONE) {
      older[after] = before;
    } else {
      newest = before;
    }
  }

  private void linkNewest(int entry) {
    older[entry] = newest;
    newer[entry] = NONE;
    if (newest != NONE) {
      newer[newest] = entry;
    } else {
      oldest = entry;
    }
    newest = entry;
  }
}
