package org.wasmdbms.memory.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;

/**
 * The B+ tree suite, run once per page store implementation: subclasses say how to create a store
 * and how to re-open one.
 */
abstract class AbstractBTreeTest {
  /** A new, empty page store. */
  protected abstract PageStore newStore();

  /** The same pages seen through a store opened again; by default the store itself. */
  protected PageStore reopen(PageStore store) {
    return store;
  }

  /** Pages allocated and not freed, or -1 if the store cannot tell. */
  protected long livePages(PageStore store) {
    return -1;
  }

  /**
   * Whether the million-key and ten-round volume tests run on this store. They check the tree's
   * shape, which does not depend on the store, so slow stores may skip them.
   */
  protected boolean runsVolumeTests() {
    return true;
  }

  @Test
  void uniqueTinyKeysAgainstModel() {
    new ModelRun(this, "uniqueTinyKeys", true, KeyShape.TINY).run(30_000, 30_000);
  }

  @Test
  void duplicateKeysAgainstModel() {
    new ModelRun(this, "duplicateKeys", false, KeyShape.FEW_KEYS).run(25_000, 30_000);
  }

  @Test
  void uniqueLargeKeysAgainstModel() {
    ModelRun run = new ModelRun(this, "uniqueLargeKeys", true, KeyShape.LARGE);
    run.run(6_000, 4_000);
    assertTrue(run.maxHeight() >= 3, "height reached " + run.maxHeight());
  }

  @Test
  void nonUniqueHugeEntriesAgainstModel() {
    ModelRun run = new ModelRun(this, "nonUniqueHugeEntries", false, KeyShape.HUGE);
    run.run(6_000, 3_000);
    assertTrue(run.maxHeight() >= 4, "height reached " + run.maxHeight());
  }

  @Test
  void cursorFollowsChangesMadeWhileScanning() {
    long seed = Seeds.seed("cursorFollowsChanges");
    Random random = new Random(seed);
    for (boolean unique : new boolean[] {true, false}) {
      KeyShape shape = unique ? KeyShape.TINY : KeyShape.FEW_KEYS;
      BTree tree = BTree.create(newStore(), unique);
      EntryModel model = new EntryModel(unique);
      for (int i = 0; i < 20_000; i++) {
        byte[] key = shape.key(random);
        byte[] value = shape.value(random);
        assertEquals(model.insert(key, value), tree.insert(key, value));
      }
      for (boolean descending : new boolean[] {false, true}) {
        KeyBound lower = KeyBound.exclusive(new byte[] {0});
        KeyBound upper = KeyBound.inclusive(new byte[] {(byte) 0xFE});
        BTreeCursor cursor = tree.scan(lower, upper, descending);
        EntryModel.Entry expected = firstOf(model.scan(lower, upper, descending, 1));
        int steps = 0;
        while (expected != null && steps < 3_000) {
          assertTrue(cursor.next(), "cursor ended early (seed " + seed + ")");
          assertArrayEquals(expected.key(), cursor.key());
          assertArrayEquals(expected.value(), cursor.value());
          // Change the tree around the cursor: delete what it just returned and a random entry,
          // and insert a random one.
          assertTrue(tree.delete(expected.key(), expected.value()));
          EntryModel.Entry last = expected;
          model.delete(last.key(), last.value());
          EntryModel.Entry victim = model.near(shape.key(random));
          if (victim != null) {
            assertTrue(tree.delete(victim.key(), victim.value()));
            model.delete(victim.key(), victim.value());
          }
          byte[] key = shape.key(random);
          byte[] value = shape.value(random);
          assertEquals(model.insert(key, value), tree.insert(key, value));
          expected = model.following(last, lower, upper, descending);
          steps++;
        }
        assertEquals(expected != null, cursor.next());
        assertEquals(3_000, steps);
        BTreeVerifier.verify(tree);
      }
    }
  }

  @Test
  void everyBoundKindInBothDirections() {
    BTree tree = BTree.create(newStore(), true);
    for (int i = 0; i < 10_000; i += 2) {
      assertTrue(tree.insert(bigEndian(i), bigEndian(i * 3L)));
    }
    int[] points = {-1, 0, 1, 2, 4001, 4002, 9998, 9999, 10_000};
    for (int low : points) {
      for (int high : points) {
        for (int lowKind = 0; lowKind < 3; lowKind++) {
          for (int highKind = 0; highKind < 3; highKind++) {
            KeyBound lower = bound(lowKind, low);
            KeyBound upper = bound(highKind, high);
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < 10_000; i += 2) {
              if (EntryModel.inRange(bigEndian(i), lower, upper)) {
                expected.add(i);
              }
            }
            assertEquals(expected, keysOf(tree.scan(lower, upper, false), Integer.MAX_VALUE));
            List<Long> reversed = new ArrayList<>(expected);
            Collections.reverse(reversed);
            assertEquals(reversed, keysOf(tree.scan(lower, upper, true), Integer.MAX_VALUE));
          }
        }
      }
    }
  }

  /**
   * Node page ids are checked against a page count seen once, since stores only grow: the count (a
   * synchronized call through every provider) is asked for again only for a page past it, not for
   * every node read or written, which was several times per insert.
   */
  @Test
  void insertsAndLookupsAskForThePageCountOnlyForPagesPastTheLastOneSeen() {
    CountingPageStore store = new CountingPageStore(newStore());
    BTree tree = BTree.create(store, true);
    for (long i = 0; i < 2_000; i++) {
      tree.insert(bigEndian(i), bigEndian(i));
    }
    store.reset();
    for (long i = 0; i < 2_000; i++) {
      tree.get(bigEndian(i));
      tree.insert(bigEndian(10_000 + i), bigEndian(i));
    }
    int asked = store.pageCounts();
    long nodes = BTreeVerifier.verify(tree).nodes();
    assertTrue(asked <= nodes, "page counts asked: " + asked + ", nodes: " + nodes);
  }

  @Test
  void scanWithLimitReadsOnlyWhatItNeeds() {
    CountingPageStore store = new CountingPageStore(newStore());
    BTree tree = BTree.create(store, true);
    for (long i = 0; i < 200_000; i++) {
      tree.insert(bigEndian(i), bigEndian(i));
    }
    assertTrue(BTreeVerifier.verify(tree).nodes() > 50);
    for (boolean descending : new boolean[] {false, true}) {
      store.reset();
      assertEquals(
          10, keysOf(tree.scan(KeyBound.unbounded(), KeyBound.unbounded(), descending), 10).size());
      assertTrue(
          store.distinctPagesRead() <= tree.height() + 1,
          "pages read: " + store.distinctPagesRead());
    }
  }

  /**
   * A lookup reads a node's header, then its slot and key per probe only while more than 256 cells
   * remain in range, those 256 slots in one call, then one key per probe, and the value with the
   * key it finds. Reading the slot before every key, as each probe once did, costs about 1.5 times
   * as many read calls (23 per lookup among 1,000 keys).
   */
  @Test
  void aLookupReadsTheLastSlotsOfItsSearchInOneCall() {
    CountingPageStore store = new CountingPageStore(newStore());
    BTree tree = BTree.create(store, true);
    for (long i = 0; i < 1_000; i++) {
      tree.insert(fourBytes(i), bigEndian(i));
    }
    assertEquals(1, tree.height(), "1,000 primary keys fit one node, as in the benchmark");
    int perLookup = maxReadsPerLookup(store, tree, 1_000);
    System.out.println("read calls per lookup among 1,000 keys: " + perLookup);
    // header 1; 2 probes (1,000, 500 cells in range) of 2 reads; 256 slots 1; 8 probes; the key
    // and value found 1
    assertTrue(perLookup <= 15, perLookup + " read calls per lookup");
    for (long i = 1_000; i < 100_000; i++) {
      tree.insert(fourBytes(i), bigEndian(i));
    }
    assertEquals(2, tree.height());
    int tallerLookup = maxReadsPerLookup(store, tree, 100_000);
    System.out.println("read calls per lookup among 100,000 keys: " + tallerLookup);
    // root (28 children): header, 28 slots, 5 probes, the child's separator: 8; leaf (about 3,600
    // cells): header, 4 probes of 2 reads, 256 slots, 8 probes, the key found: 19. A key that a
    // separator repeats is found at the start of the next leaf: 4 more (the separator's child, its
    // header, the slot and the key).
    assertTrue(tallerLookup <= 31, tallerLookup + " read calls per lookup");
    assertNull(tree.get(fourBytes(100_000)));
    assertNull(tree.get(new byte[] {(byte) 0xFF, 0, 0, 0, 0}));
    assertNull(tree.get(new byte[] {0, 0, 0}));
  }

  private static int maxReadsPerLookup(CountingPageStore store, BTree tree, int keys) {
    int max = 0;
    // Every key, so that the keys a separator repeats (found at the start of the next leaf) count.
    for (long i = 0; i < keys; i++) {
      store.reset();
      assertEquals(i, fromBigEndian(tree.get(fourBytes(i))));
      max = Math.max(max, store.reads());
    }
    return max;
  }

  private static byte[] fourBytes(long value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  @Test
  void lookupPagesGrowSlowlyFromTenThousandToAMillionKeys() {
    assumeTrue(runsVolumeTests(), "volume tests run on the in-memory stores");
    CountingPageStore store = new CountingPageStore(newStore());
    BTree tree = BTree.create(store, true);
    long seed = Seeds.seed("lookupPages");
    Random random = new Random(seed);
    List<byte[]> sample = new ArrayList<>();
    long started = System.currentTimeMillis();
    int atTenThousand = 0;
    for (int i = 1; i <= 1_000_000; i++) {
      byte[] key = bigEndian(random.nextLong());
      tree.insert(key, bigEndian(i));
      if (i % 1000 == 0) {
        sample.add(key);
      }
      if (i == 10_000) {
        atTenThousand = maxPagesPerLookup(store, tree, sample);
      }
    }
    long inserted = System.currentTimeMillis();
    int atMillion = maxPagesPerLookup(store, tree, sample);
    long looked = System.currentTimeMillis();
    for (byte[] key : sample) {
      assertTrue(tree.contains(key));
    }
    System.out.println(
        "1,000,000 random 8-byte keys: insert "
            + (inserted - started)
            + " ms, "
            + sample.size()
            + " lookups "
            + (looked - inserted)
            + " ms, height "
            + tree.height()
            + ", pages read per lookup at 10k "
            + atTenThousand
            + ", at 1M "
            + atMillion
            + ", store pages "
            + store.pageCount());
    assertTrue(
        atTenThousand >= 1 && atMillion <= atTenThousand + 2, atTenThousand + " -> " + atMillion);
    assertTrue(atMillion <= 4, "pages per lookup at 1M: " + atMillion);
  }

  @Test
  void pagesAreReusedAcrossRoundsAndAnEmptyTreeIsItsRoot() {
    assumeTrue(runsVolumeTests(), "volume tests run on the in-memory stores");
    PageStore store = newStore();
    BTree tree = BTree.create(store, false);
    long seed = Seeds.seed("spaceReuse");
    Random random = new Random(seed);
    long afterFirstRound = 0;
    for (int round = 0; round < 10; round++) {
      List<byte[]> keys = new ArrayList<>();
      for (int i = 0; i < 100_000; i++) {
        byte[] key = bigEndian(random.nextLong());
        keys.add(key);
        assertTrue(tree.insert(key, key));
      }
      Collections.shuffle(keys, random);
      for (byte[] key : keys) {
        assertTrue(tree.delete(key, key), "missing key");
      }
      BTreeVerifier.Stats stats = BTreeVerifier.verify(tree);
      assertEquals(1, stats.nodes());
      assertEquals(1, tree.height());
      if (livePages(store) >= 0) {
        assertEquals(1, livePages(store));
      }
      if (round == 0) {
        afterFirstRound = store.pageCount();
      }
    }
    System.out.println(
        "pages after one round " + afterFirstRound + ", after ten " + store.pageCount());
    assertTrue(store.pageCount() <= afterFirstRound * 3 / 2);
  }

  @Test
  void ascendingInsertsFillNodesThreeQuarters() {
    BTree tree = BTree.create(newStore(), true);
    int count = 300_000;
    for (long i = 0; i < count; i++) {
      assertTrue(tree.insert(bigEndian(i), bigEndian(i)));
    }
    // Each 22-byte entry (cell and slot) of a full leaf: 2977 fit in one.
    int perFullLeaf = NodeStore.CAPACITY / 22;
    long nodes = BTreeVerifier.verify(tree).nodes();
    assertTrue(nodes <= count / (perFullLeaf * 3 / 4) + 3, "nodes: " + nodes);
  }

  @Test
  void oversizedKeyOrValueIsRefusedAndChangesNothing() {
    BTree tree = BTree.create(newStore(), true);
    tree.insert(new byte[] {1}, new byte[] {2});
    byte[] longKey = new byte[BTree.MAX_KEY_LENGTH + 1];
    byte[] longValue = new byte[BTree.MAX_VALUE_LENGTH + 1];
    assertThrows(ConstraintViolationException.class, () -> tree.insert(longKey, new byte[0]));
    assertThrows(ConstraintViolationException.class, () -> tree.insert(new byte[] {3}, longValue));
    assertTrue(tree.insert(new byte[BTree.MAX_KEY_LENGTH], new byte[BTree.MAX_VALUE_LENGTH]));
    assertEquals(2, BTreeVerifier.verify(tree).entries());
    assertNull(tree.get(new byte[] {3}));
  }

  @Test
  void uniqueModeConflictsAndDeletes() {
    BTree tree = BTree.create(newStore(), true);
    byte[] key = {5};
    assertTrue(tree.insert(key, new byte[] {1}));
    assertFalse(tree.insert(key, new byte[] {2}));
    assertArrayEquals(new byte[] {1}, tree.get(key));
    assertFalse(tree.delete(key, new byte[] {2}));
    assertTrue(tree.contains(key, new byte[] {1}));
    assertTrue(tree.delete(key));
    assertFalse(tree.delete(key));
    assertFalse(tree.contains(key));
  }

  @Test
  void dropFreesEveryPageOfTheTree() {
    PageStore store = newStore();
    long before = livePages(store);
    BTree tree = BTree.create(store, false);
    byte[] value = new byte[8];
    for (int i = 0; i < 20_000; i++) {
      byte[] key = new byte[200];
      System.arraycopy(bigEndian(i), 0, key, 0, 8);
      tree.insert(key, value);
    }
    assertTrue(tree.height() >= 2, "the tree must have several levels");
    tree.drop();
    if (before >= 0) {
      assertEquals(before, livePages(store));
    }
    BTree next = BTree.create(store, true);
    assertEquals(
        List.of(), keysOf(next.scan(KeyBound.unbounded(), KeyBound.unbounded(), false), 10));
  }

  @Test
  void openChecksTheModeAndThePage() {
    PageStore store = newStore();
    BTree unique = BTree.create(store, true);
    unique.insert(new byte[] {1}, new byte[] {1});
    PageStore again = reopen(store);
    assertThrows(MemoryException.class, () -> BTree.open(again, unique.rootPage(), false));
    assertThrows(MemoryException.class, () -> BTree.open(again, again.pageCount() + 5, true));
    assertArrayEquals(
        new byte[] {1}, BTree.open(again, unique.rootPage(), true).get(new byte[] {1}));
  }

  private static int maxPagesPerLookup(CountingPageStore store, BTree tree, List<byte[]> keys) {
    int max = 0;
    for (byte[] key : keys) {
      store.reset();
      assertTrue(tree.get(key) != null);
      max = Math.max(max, store.distinctPagesRead());
    }
    return max;
  }

  private static List<Long> keysOf(BTreeCursor cursor, int limit) {
    List<Long> keys = new ArrayList<>();
    while (keys.size() < limit && cursor.next()) {
      keys.add(fromBigEndian(cursor.key()));
    }
    return keys;
  }

  private static KeyBound bound(int kind, long key) {
    return switch (kind) {
      case 0 -> KeyBound.unbounded();
      case 1 -> KeyBound.inclusive(bigEndian(key));
      default -> KeyBound.exclusive(bigEndian(key));
    };
  }

  private static EntryModel.Entry firstOf(List<EntryModel.Entry> entries) {
    return entries.isEmpty() ? null : entries.get(0);
  }

  /** Big-endian bytes of {@code value} with the sign bit flipped, so byte order is value order. */
  static byte[] bigEndian(long value) {
    long flipped = value ^ Long.MIN_VALUE;
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (flipped >>> (56 - 8 * i));
    }
    return bytes;
  }

  static long fromBigEndian(byte[] bytes) {
    long value = 0;
    for (byte b : bytes) {
      value = value << 8 | (b & 0xFF);
    }
    return value ^ Long.MIN_VALUE;
  }
}
