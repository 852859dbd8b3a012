package org.wasmdbms.memory.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;

/** Damaged node pages must surface as {@link MemoryException}s, never as any other failure. */
class BTreeCorruptionTest {
  private static final int ENTRIES = 4_000;
  private static TestPageStore pristine;
  private static long root;

  @BeforeAll
  static void buildTree() {
    pristine = new TestPageStore();
    BTree tree = BTree.create(pristine, false);
    Random random = new Random(42);
    for (int i = 0; i < ENTRIES; i++) {
      byte[] key = new byte[1 + random.nextInt(60)];
      random.nextBytes(key);
      tree.insert(key, AbstractBTreeTest.bigEndian(i));
    }
    root = tree.rootPage();
    assertEquals(2, tree.height());
  }

  @Test
  void damagedHeaderFieldsAreReported() {
    assertDamageDetected(page -> page[0] = 0x43, "magic");
    assertDamageDetected(page -> page[1] = 1, "unique flag");
    assertDamageDetected(page -> page[2] = 33, "level above the limit");
    assertDamageDetected(page -> page[2] = 2, "level that does not match the children");
    assertDamageDetected(page -> page[5] = (byte) 0xFF, "cell count");
    assertDamageDetected(page -> page[10] = 7, "cell area start");
    assertDamageDetected(page -> page[15] = 0x10, "garbage size");
    assertDamageDetected(page -> page[23] = 0x40, "leftmost child");
    assertDamageDetected(page -> page[24] = 0, "slot offset");
    assertDamageDetected(page -> page[27] = 0x7F, "slot key length");
  }

  @Test
  void randomByteFlipsOnlyRaiseMemoryErrors() {
    long seed = Seeds.seed("corruption");
    Random random = new Random(seed);
    int detected = 0;
    for (int round = 0; round < 300; round++) {
      TestPageStore store = pristine.copy();
      int flips = 1 + random.nextInt(6);
      for (int i = 0; i < flips; i++) {
        byte[] page = store.rawPage(random.nextInt((int) store.pageCount()));
        // Mostly hit the header and slot array, where damage changes structure, not just content.
        int at = random.nextInt(4) > 0 ? random.nextInt(200) : random.nextInt(page.length);
        page[at] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        exercise(store, random);
      } catch (MemoryException expected) {
        detected++;
      } catch (RuntimeException | AssertionError other) {
        fail("round " + round + " with seed " + seed + " failed with " + other, other);
      }
    }
    assertTrue(detected > 30, "only " + detected + " rounds noticed the damage");
  }

  private static void exercise(TestPageStore store, Random random) {
    BTree tree = BTree.open(store, root, false);
    BTreeCursor cursor =
        tree.scan(KeyBound.unbounded(), KeyBound.unbounded(), random.nextBoolean());
    for (int i = 0; i < 2 * ENTRIES && cursor.next(); i++) {
      cursor.value();
    }
    for (int i = 0; i < 200; i++) {
      byte[] key = new byte[1 + random.nextInt(60)];
      random.nextBytes(key);
      tree.get(key);
      tree.insert(key, AbstractBTreeTest.bigEndian(i));
      tree.delete(key, AbstractBTreeTest.bigEndian(i));
    }
  }

  private static void assertDamageDetected(Consumer<byte[]> damage, String what) {
    TestPageStore store = pristine.copy();
    damage.accept(store.rawPage(root));
    assertThrows(MemoryException.class, () -> exercise(store, new Random(1)), "damaged " + what);
  }
}
