package org.wasmdbms.testkit;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.btree.BTree;
import org.wasmdbms.memory.btree.BTreeCursor;
import org.wasmdbms.memory.btree.KeyBound;
import org.wasmdbms.memory.page.Pager;

/**
 * Smoke scenario for the B+ tree: a few thousand deterministic inserts and deletes in unique and
 * non-unique mode, with short and long keys, then range scans with every bound kind in both
 * directions. Every result is checked against a sorted-set model (a line says {@code MISMATCH} if
 * one differs) and summarised as a CRC32 digest, so the JVM and the guest print the same lines.
 *
 * <p>Keys are the 8 big-endian bytes of a small non-negative number, optionally followed by filler
 * bytes derived from it, so their byte order is the numeric order the model uses. Model entries
 * pack (key number, value number) into one long.
 */
public final class BTreeSmoke {
  private static final int VALUE_RANGE = 1000;
  private static final int SCAN_LIMIT = 50;

  private final PrintStream out;
  private final boolean unique;
  private final int padding;
  private final BTree tree;
  private final Pager store = Pager.open(new HeapMemoryProvider());
  private final TreeSet<Long> model = new TreeSet<>();

  private BTreeSmoke(PrintStream out, boolean unique, int padding) {
    this.out = out;
    this.unique = unique;
    this.padding = padding;
    this.tree = BTree.create(store, unique);
  }

  /** Runs the scenario, printing ASCII lines to {@code out}. */
  public static void run(PrintStream out) {
    out.println("btree smoke");
    new BTreeSmoke(out, true, 0).scenario(1, 20_000, 7000);
    new BTreeSmoke(out, false, 0).scenario(2, 40, 6000);
    new BTreeSmoke(out, true, 292).scenario(3, 3000, 2500);
    out.println("btree smoke done");
  }

  private void scenario(long seed, int keyRange, int operations) {
    String name = (unique ? "unique" : "non-unique") + " key-bytes=" + (8 + padding);
    SplitMix64 random = new SplitMix64(seed);
    int inserted = 0;
    int rejected = 0;
    int deleted = 0;
    int missed = 0;
    for (int i = 0; i < operations; i++) {
      long key = random.nextInt(keyRange);
      long value = random.nextInt(VALUE_RANGE);
      boolean expected = unique ? !hasKey(key) : !model.contains(pack(key, value));
      if (tree.insert(key(key), number(value)) != expected) {
        out.println(name + " MISMATCH insert " + key + "/" + value);
      }
      if (expected) {
        model.add(pack(key, value));
        inserted++;
      } else {
        rejected++;
      }
    }
    out.println(
        name + " inserted=" + inserted + " rejected=" + rejected + " height=" + tree.height());
    scans(name + " after inserts", keyRange);
    for (int i = 0; i < operations; i++) {
      long key = random.nextInt(keyRange);
      long value = random.nextInt(VALUE_RANGE);
      Long present = model.ceiling(pack(key, unique ? 0 : value));
      boolean expected = present != null && present / VALUE_RANGE == key;
      long victim = expected ? present % VALUE_RANGE : value;
      if (tree.delete(key(key), number(victim)) != expected) {
        out.println(name + " MISMATCH delete " + key + "/" + victim);
      }
      if (expected) {
        model.remove(present);
        deleted++;
      } else {
        missed++;
      }
    }
    out.println(name + " deleted=" + deleted + " missed=" + missed + " height=" + tree.height());
    scans(name + " after deletes", keyRange);
    out.println(name + " store pages=" + store.pageCount() + " free=" + store.freePageCount());
  }

  private void scans(String name, int keyRange) {
    CRC32 digest = new CRC32();
    int entries = scan(name, digest, 0, 0, 0, 0, false, Integer.MAX_VALUE);
    entries += scan(name, digest, 0, 0, 0, 0, true, Integer.MAX_VALUE);
    long[] points = {-1, keyRange / 3, keyRange};
    for (long low : points) {
      for (long high : points) {
        for (int kinds = 0; kinds < 9; kinds++) {
          for (int direction = 0; direction < 2; direction++) {
            entries +=
                scan(name, digest, low, kinds / 3, high, kinds % 3, direction == 1, SCAN_LIMIT);
          }
        }
      }
    }
    out.println(name + " scanned=" + entries + " digest=" + Long.toHexString(digest.getValue()));
  }

  /**
   * Scans the first {@code limit} entries of one range (kinds: 0 unbounded, 1 inclusive, 2
   * exclusive), checks them against the model and folds them into the digest.
   */
  private int scan(
      String name,
      CRC32 digest,
      long low,
      int lowKind,
      long high,
      int highKind,
      boolean descending,
      int limit) {
    BTreeCursor cursor = tree.scan(bound(low, lowKind), bound(high, highKind), descending);
    NavigableSet<Long> range = modelRange(low, lowKind, high, highKind);
    Iterator<Long> expected = descending ? range.descendingIterator() : range.iterator();
    int count = 0;
    while (count < limit && cursor.next()) {
      byte[] key = cursor.key();
      byte[] value = cursor.value();
      long keyNumber = numberOf(key);
      long valueNumber = numberOf(value);
      if (!expected.hasNext() || expected.next() != pack(keyNumber, valueNumber)) {
        out.println(name + " MISMATCH scan at " + keyNumber + "/" + valueNumber);
        return count;
      }
      digest.update(key, 0, key.length);
      digest.update(value, 0, value.length);
      count++;
    }
    if (count < limit && expected.hasNext()) {
      out.println(name + " MISMATCH scan ended early");
    }
    return count;
  }

  private NavigableSet<Long> modelRange(long low, int lowKind, long high, int highKind) {
    long from = lowKind == 0 ? Long.MIN_VALUE : pack(low + (lowKind == 1 ? 0 : 1), 0);
    long to = highKind == 0 ? Long.MAX_VALUE : pack(high + (highKind == 1 ? 1 : 0), 0);
    if (from >= to) {
      return new TreeSet<>();
    }
    return model.subSet(from, true, to, false);
  }

  private KeyBound bound(long key, int kind) {
    if (kind == 0) {
      return KeyBound.unbounded();
    }
    if (key < 0) {
      // Below every key: the empty key sorts first.
      return kind == 1 ? KeyBound.inclusive(new byte[0]) : KeyBound.exclusive(new byte[0]);
    }
    return kind == 1 ? KeyBound.inclusive(key(key)) : KeyBound.exclusive(key(key));
  }

  private boolean hasKey(long key) {
    Long entry = model.ceiling(pack(key, 0));
    return entry != null && entry / VALUE_RANGE == key;
  }

  private byte[] key(long number) {
    byte[] key = new byte[8 + padding];
    System.arraycopy(number(number), 0, key, 0, 8);
    for (int i = 8; i < key.length; i++) {
      key[i] = (byte) (number * 31 + i);
    }
    return key;
  }

  private static long pack(long key, long value) {
    return key * VALUE_RANGE + value;
  }

  private static byte[] number(long value) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (value >>> (56 - 8 * i));
    }
    return bytes;
  }

  private static long numberOf(byte[] bytes) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = value << 8 | (bytes[i] & 0xFF);
    }
    return value;
  }
}
