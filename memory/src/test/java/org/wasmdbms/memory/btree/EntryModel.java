package org.wasmdbms.memory.btree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/** The reference a tree is checked against: a sorted set of (key, value) entries. */
final class EntryModel {
  record Entry(byte[] key, byte[] value) {}

  static final Comparator<Entry> ORDER =
      (a, b) -> {
        int order = UnsignedBytes.compare(a.key(), b.key());
        return order != 0 ? order : UnsignedBytes.compare(a.value(), b.value());
      };

  private static final byte[] EMPTY = new byte[0];

  private final boolean unique;
  private final TreeSet<Entry> entries = new TreeSet<>(ORDER);

  EntryModel(boolean unique) {
    this.unique = unique;
  }

  int size() {
    return entries.size();
  }

  boolean insert(byte[] key, byte[] value) {
    if (unique && get(key) != null) {
      return false;
    }
    return entries.add(new Entry(key, value));
  }

  boolean delete(byte[] key, byte[] value) {
    return entries.remove(new Entry(key, value));
  }

  byte[] get(byte[] key) {
    Entry first = entries.ceiling(new Entry(key, EMPTY));
    return first != null && UnsignedBytes.compare(first.key(), key) == 0 ? first.value() : null;
  }

  /** Some present entry near {@code probe}, or null when empty. */
  Entry near(byte[] probe) {
    Entry found = entries.ceiling(new Entry(probe, EMPTY));
    return found != null ? found : entries.isEmpty() ? null : entries.first();
  }

  /**
   * The entry that follows {@code last} in scan order and lies within the bounds, or null. In a
   * unique tree a position is a key, so an entry with the same key as {@code last} never follows
   * it.
   */
  Entry following(Entry last, KeyBound lower, KeyBound upper, boolean descending) {
    Entry next = descending ? entries.lower(last) : entries.higher(last);
    while (unique && next != null && UnsignedBytes.compare(next.key(), last.key()) == 0) {
      next = descending ? entries.lower(next) : entries.higher(next);
    }
    return next != null && inRange(next.key(), lower, upper) ? next : null;
  }

  List<Entry> scan(KeyBound lower, KeyBound upper, boolean descending, int limit) {
    List<Entry> result = new ArrayList<>();
    NavigableSet<Entry> order = descending ? entries.descendingSet() : entries;
    for (Entry entry : order) {
      if (result.size() == limit) {
        break;
      }
      if (inRange(entry.key(), lower, upper)) {
        result.add(entry);
      }
    }
    return result;
  }

  static boolean inRange(byte[] key, KeyBound lower, KeyBound upper) {
    if (!lower.isUnbounded()) {
      int order = UnsignedBytes.compare(key, lower.sharedKey());
      if (order < 0 || (order == 0 && !lower.isInclusive())) {
        return false;
      }
    }
    if (!upper.isUnbounded()) {
      int order = UnsignedBytes.compare(key, upper.sharedKey());
      return order < 0 || (order == 0 && upper.isInclusive());
    }
    return true;
  }
}
