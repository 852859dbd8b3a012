package org.wasmdbms.memory.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.memory.CountingReads;
import org.wasmdbms.memory.page.Pager;

/**
 * Inserts in ascending key order go straight to the end of the tree: a few reads per insert
 * whatever the tree's size, instead of a binary search in every node; and mixing them with inserts
 * elsewhere, duplicates and deletes keeps the tree exactly as ordered inserts would.
 */
class BTreeAppendTest {
  private final CountingReads memory = new CountingReads();
  private final Pager pager = Pager.open(memory);

  private static byte[] key(long value) {
    return AbstractBTreeTest.bigEndian(value);
  }

  @Test
  void ascendingInsertsReadAFewTimesEachWhateverTheTreeSize() {
    BTree tree = BTree.create(pager, true);
    long before = memory.reads();
    int keys = 200_000;
    for (long i = 0; i < keys; i++) {
      assertTrue(tree.insert(key(i), key(i * 3)));
    }
    double perInsert = (double) (memory.reads() - before) / keys;
    System.out.println(
        "BTreeAppendTest: "
            + perInsert
            + " reads per ascending insert into a tree of height "
            + tree.height());
    assertEquals(2, tree.height());
    // The path to the end is kept from one append to the next, so an append reads only what its
    // leaf write needs, plus the splits' reads spread over the inserts: about 2.7. A descent per
    // insert (a header and a child pointer per level) made about 6.6, a binary search in every node
    // of the descent about 38.
    assertTrue(perInsert < 3.5, perInsert + " reads per insert");
    BTreeVerifier.verify(tree);
    for (long i = 0; i < keys; i += 997) {
      assertArrayEquals(key(i * 3), tree.get(key(i)));
    }
  }

  @Test
  void appendsMixedWithOtherChangesKeepTheTreeInOrder() {
    long seed = new Random().nextLong();
    System.out.println("BTreeAppendTest seed=" + seed);
    Random random = new Random(seed);
    BTree unique = BTree.create(pager, true);
    BTree duplicates = BTree.create(pager, false);
    java.util.TreeMap<Long, Long> model = new java.util.TreeMap<>();
    long next = 0;
    for (int step = 0; step < 30_000; step++) {
      int choice = random.nextInt(10);
      long k;
      if (choice < 6) {
        k = next++; // append
      } else if (choice < 8) {
        k = random.nextInt((int) next + 1); // anywhere, maybe a duplicate
      } else {
        k = random.nextInt((int) next + 1);
        assertEquals(model.remove(k) != null, unique.delete(key(k)), "seed " + seed);
        duplicates.delete(key(k), key(1));
        continue;
      }
      boolean fresh = !model.containsKey(k);
      assertEquals(fresh, unique.insert(key(k), key(k + 1)), "seed " + seed + ", key " + k);
      assertEquals(fresh, duplicates.insert(key(k), key(1)), "seed " + seed + ", key " + k);
      assertFalse(duplicates.insert(key(k), key(1)), "seed " + seed);
      model.put(k, k + 1);
    }
    assertEquals(model.size(), BTreeVerifier.verify(unique).entries(), "seed " + seed);
    assertEquals(model.size(), BTreeVerifier.verify(duplicates).entries(), "seed " + seed);
    BTreeCursor cursor = unique.scan(KeyBound.unbounded(), KeyBound.unbounded(), false);
    for (var entry : model.entrySet()) {
      assertTrue(cursor.next(), "seed " + seed);
      assertArrayEquals(key(entry.getKey()), cursor.key(), "seed " + seed);
      assertArrayEquals(key(entry.getValue()), cursor.value(), "seed " + seed);
    }
    assertFalse(cursor.next(), "seed " + seed);
  }

  @Test
  void aKeyAfterTheLastIsKnownCheaplyWhileInsertsAppend() {
    BTree tree = BTree.create(pager, true);
    assertTrue(tree.followsLastKey(key(0)), "an empty tree");
    for (long i = 0; i < 100_000; i++) {
      tree.insert(key(i), key(i));
    }
    long before = memory.reads();
    assertTrue(tree.followsLastKey(key(100_000)));
    assertEquals(before, memory.reads(), "an append leaves the last key known without a read");
    assertFalse(tree.followsLastKey(key(99_999)), "the last key itself");
    assertFalse(tree.followsLastKey(key(5)), "a key inside");
    before = memory.reads();
    assertFalse(tree.followsLastKey(key(100_000)), "not known any more after a key inside");
    assertEquals(before, memory.reads(), "and not searched for");
    tree.insert(key(100_000), key(1));
    assertTrue(tree.followsLastKey(key(100_001)), "known again after an append");
    tree.insert(key(7_000_000), key(1));
    tree.insert(key(6_000_000), key(1));
    assertFalse(tree.followsLastKey(key(8_000_000)), "not known after an insert inside");
    assertTrue(tree.contains(key(6_000_000)));
  }

  @Test
  void theLastKeyIsSearchedAgainOnceADeleteChangedIt() {
    BTree tree = BTree.create(pager, true);
    for (long i = 0; i < 10; i++) {
      tree.insert(key(i), key(i));
    }
    tree.delete(key(9));
    assertTrue(tree.followsLastKey(key(9)), "the deleted last key");
    long read = memory.reads();
    assertTrue(tree.followsLastKey(key(12)));
    assertEquals(read, memory.reads(), "the last key read once is kept until a change");
    tree.insert(key(9), key(9));
    assertFalse(tree.followsLastKey(key(9)), "the last key again");
    tree.insert(key(10), key(10));
    long before = memory.reads();
    assertTrue(tree.followsLastKey(key(11)));
    assertFalse(tree.followsLastKey(key(10)));
    assertEquals(before, memory.reads());
  }
}
