package org.wasmdbms.memory.journal;

import java.util.Arrays;

/**
 * A map from page ids (primitive {@code long}, never boxed) to values, with open addressing. The
 * journal looks a page up in it on every read and write, so {@link #get(long)} costs one probe on
 * an empty map and does not allocate.
 *
 * <p>Not thread-safe: its owner, {@link JournaledMemoryProvider}, guards it with its monitor.
 *
 * @param <V> the value type
 */
final class PageMap<V> {
  private static final long EMPTY = -1;

  private long[] keys;
  private Object[] values;
  private int size;

  PageMap() {
    allocate(16);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    values = new Object[capacity];
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean containsKey(long page) {
    return get(page) != null;
  }

  /** The value of {@code page}, or null. */
  @SuppressWarnings("unchecked")
  V get(long page) {
    if (size == 0) {
      return null;
    }
    int mask = keys.length - 1;
    for (int i = slot(page, mask); ; i = (i + 1) & mask) {
      long key = keys[i];
      if (key == page) {
        return (V) values[i];
      }
      if (key == EMPTY) {
        return null;
      }
    }
  }

  /** Sets the value of {@code page} (at least 0) to {@code value}, which is not null. */
  void put(long page, V value) {
    if (2 * (size + 1) > keys.length) {
      long[] oldKeys = keys;
      Object[] oldValues = values;
      allocate(keys.length * 2);
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != EMPTY) {
          insert(oldKeys[i], oldValues[i]);
        }
      }
    }
    insert(page, value);
  }

  private void insert(long page, Object value) {
    int mask = keys.length - 1;
    int i = slot(page, mask);
    while (keys[i] != EMPTY && keys[i] != page) {
      i = (i + 1) & mask;
    }
    if (keys[i] == EMPTY) {
      keys[i] = page;
      size++;
    }
    values[i] = value;
  }

  /** Removes every entry, shrinking back to the initial capacity. */
  void clear() {
    if (size > 0 || keys.length > 16) {
      allocate(16);
      size = 0;
    }
  }

  /** The page ids held, in ascending order. */
  long[] sortedKeys() {
    long[] sorted = new long[size];
    int n = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        sorted[n++] = key;
      }
    }
    Arrays.sort(sorted);
    return sorted;
  }

  private static int slot(long page, int mask) {
    long h = page * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
