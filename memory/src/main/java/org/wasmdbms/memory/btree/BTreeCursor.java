package org.wasmdbms.memory.btree;

import org.wasmdbms.api.error.InternalDbmsException;

/**
 * A lazy walk over the entries of a {@link BTree} between two key bounds, ascending or descending.
 * Call {@link #next()} to move to each entry, then read it with {@link #key()} and {@link
 * #value()}. Pages are read only as the cursor moves, so stopping early costs nothing more.
 *
 * <p>The tree may be changed through its {@code BTree} while a cursor is open: the cursor then
 * finds its place again from the last entry it returned, and continues with the entries that sort
 * after it (before it, descending) in the changed tree. In a unique tree a place is a key, so an
 * entry re-inserted under the key just returned is not returned again.
 */
public final class BTreeCursor {
  private final BTree tree;
  private final KeyBound lower;
  private final KeyBound upper;
  private final boolean descending;
  private final TreePath path;
  private boolean started;
  private boolean finished;
  private long seenModifications;
  private Cell current;

  BTreeCursor(BTree tree, KeyBound lower, KeyBound upper, boolean descending) {
    this.tree = tree;
    this.lower = lower;
    this.upper = upper;
    this.descending = descending;
    this.path = new TreePath(tree.nodes());
  }

  /**
   * Moves to the next entry in range.
   *
   * @return false once the range is exhausted; it then stays exhausted
   */
  public boolean next() {
    if (finished) {
      return false;
    }
    if (!started) {
      seekStart();
      started = true;
    } else if (seenModifications != tree.modifications()) {
      path.seek(tree.rootPage(), new SearchTarget(current.key(), valuePart(current), !descending));
    }
    seenModifications = tree.modifications();
    while (descending ? path.gap() == 0 : path.gap() == path.leaf().count) {
      if (!path.stepLeaf(!descending)) {
        return finish();
      }
    }
    int index = descending ? path.gap() - 1 : path.gap();
    Cell entry = tree.nodes().cell(path.leaf(), index);
    if (beyondEnd(entry.key())) {
      return finish();
    }
    path.setGap(descending ? index : index + 1);
    current = entry;
    return true;
  }

  /** The key of the current entry, a new array on each call. */
  public byte[] key() {
    return currentEntry().key().clone();
  }

  /** The value of the current entry, a new array on each call. */
  public byte[] value() {
    return currentEntry().value().clone();
  }

  private Cell currentEntry() {
    if (current == null) {
      throw new InternalDbmsException("the B+ tree cursor is not on an entry");
    }
    return current;
  }

  private void seekStart() {
    KeyBound start = descending ? upper : lower;
    if (start.isUnbounded()) {
      path.seekEdge(tree.rootPage(), descending);
    } else {
      // Ascending from an excluded key, or descending from an included one, starts after the key.
      boolean after = descending == start.isInclusive();
      path.seek(tree.rootPage(), new SearchTarget(start.sharedKey(), null, after));
    }
  }

  private boolean beyondEnd(byte[] key) {
    KeyBound end = descending ? lower : upper;
    if (end.isUnbounded()) {
      return false;
    }
    int order = UnsignedBytes.compare(key, end.sharedKey());
    if (descending) {
      order = -order;
    }
    return order > 0 || (order == 0 && !end.isInclusive());
  }

  private byte[] valuePart(Cell entry) {
    return tree.isUnique() ? null : entry.value();
  }

  private boolean finish() {
    finished = true;
    current = null;
    return false;
  }
}
