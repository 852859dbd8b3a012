package org.wasmdbms.memory.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.wasmdbms.memory.PageStore;

/**
 * A randomised workload checked against {@link EntryModel}: grow the tree, churn it with mixed
 * inserts and deletes, then drain it to empty. Every operation's result is compared with the model;
 * at checkpoints the whole structure is verified, scanned fully and with random bounds in both
 * directions, and the tree is re-opened from its root page.
 */
final class ModelRun {
  private static final int CHECKPOINTS_PER_PHASE = 4;
  private static final int SCANS_PER_CHECKPOINT = 30;

  private final AbstractBTreeTest suite;
  private final boolean unique;
  private final KeyShape shape;
  private final long seed;
  private final Random random;
  private final EntryModel model;
  private PageStore store;
  private BTree tree;
  private int maxHeight;

  ModelRun(AbstractBTreeTest suite, String name, boolean unique, KeyShape shape) {
    this.suite = suite;
    this.unique = unique;
    this.shape = shape;
    this.seed = Seeds.seed(name);
    this.random = new Random(seed);
    this.model = new EntryModel(unique);
  }

  int maxHeight() {
    return maxHeight;
  }

  void run(int growTo, int churnOperations) {
    store = suite.newStore();
    tree = BTree.create(store, unique);
    int every = Math.max(1, growTo / CHECKPOINTS_PER_PHASE);
    for (int i = 1; model.size() < growTo; i++) {
      insertRandom();
      checkpointEvery(i, every);
    }
    for (int i = 1; i <= churnOperations; i++) {
      if (random.nextBoolean()) {
        insertRandom();
      } else {
        deleteRandom();
      }
      checkpointEvery(i, every);
    }
    for (int i = 1; model.size() > 0; i++) {
      deleteRandom();
      checkpointEvery(i, every);
    }
    checkpoint();
    assertEquals(1, tree.height(), message());
    assertEquals(1, BTreeVerifier.verify(tree).nodes(), message());
    if (suite.livePages(store) >= 0) {
      assertEquals(1, suite.livePages(store), message());
    }
  }

  private void insertRandom() {
    byte[] key = shape.key(random);
    byte[] value = shape.value(random);
    assertEquals(model.insert(key, value), tree.insert(key, value), message());
    assertArrayEquals(model.get(key), tree.get(key), message());
  }

  private void deleteRandom() {
    byte[] probe = shape.key(random);
    if (random.nextInt(8) == 0) {
      byte[] value = shape.value(random);
      assertEquals(model.delete(probe, value), tree.delete(probe, value), message());
      return;
    }
    EntryModel.Entry victim = model.near(probe);
    if (victim == null) {
      return;
    }
    assertTrue(tree.contains(victim.key(), victim.value()), message());
    assertTrue(tree.delete(victim.key(), victim.value()), message());
    model.delete(victim.key(), victim.value());
    assertFalse(tree.contains(victim.key(), victim.value()), message());
    assertArrayEquals(model.get(victim.key()), tree.get(victim.key()), message());
  }

  private void checkpointEvery(int operation, int every) {
    if (operation % every == 0) {
      checkpoint();
    }
  }

  private void checkpoint() {
    BTreeVerifier.Stats stats = BTreeVerifier.verify(tree);
    maxHeight = Math.max(maxHeight, stats.height());
    assertEquals(model.size(), stats.entries(), message());
    if (suite.livePages(store) >= 0) {
      assertEquals(stats.nodes(), suite.livePages(store), "leaked pages; " + message());
    }
    KeyBound all = KeyBound.unbounded();
    assertScan(all, all, false, Integer.MAX_VALUE);
    for (int i = 0; i < SCANS_PER_CHECKPOINT; i++) {
      assertScan(randomBound(), randomBound(), random.nextBoolean(), 1 + random.nextInt(200));
    }
    store = suite.reopen(store);
    tree = BTree.open(store, tree.rootPage(), unique);
  }

  private void assertScan(KeyBound lower, KeyBound upper, boolean descending, int limit) {
    List<EntryModel.Entry> expected = model.scan(lower, upper, descending, limit);
    BTreeCursor cursor = tree.scan(lower, upper, descending);
    List<EntryModel.Entry> actual = new ArrayList<>();
    while (actual.size() < limit && cursor.next()) {
      actual.add(new EntryModel.Entry(cursor.key(), cursor.value()));
    }
    assertEquals(expected.size(), actual.size(), "scan length; " + message());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(
          0, EntryModel.ORDER.compare(expected.get(i), actual.get(i)), "scan; " + message());
    }
  }

  private KeyBound randomBound() {
    EntryModel.Entry near = model.near(shape.key(random));
    byte[] key = near != null && random.nextBoolean() ? near.key() : shape.key(random);
    return switch (random.nextInt(3)) {
      case 0 -> KeyBound.unbounded();
      case 1 -> KeyBound.inclusive(key);
      default -> KeyBound.exclusive(key);
    };
  }

  private String message() {
    return "seed " + seed;
  }
}
