package org.wasmdbms.memory.btree;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.MemoryException;

/**
 * A whole node held in memory, used where a change rewrites the page anyway: splits, merges,
 * redistribution between siblings and compaction.
 */
final class NodeImage {
  private static final byte[] EMPTY = new byte[0];

  final int level;
  final long leftmost;
  final List<Cell> cells;

  NodeImage(int level, long leftmost, List<Cell> cells) {
    this.level = level;
    this.leftmost = leftmost;
    this.cells = cells;
  }

  static NodeImage emptyLeaf() {
    return new NodeImage(0, NodeStore.NO_PAGE, new ArrayList<>());
  }

  /**
   * The image of two siblings as one node: for internal nodes the parent's separator comes down
   * between them, pointing at the right sibling's leftmost child.
   */
  static NodeImage concat(NodeImage left, Cell separator, NodeImage right) {
    List<Cell> all = new ArrayList<>(left.cells.size() + right.cells.size() + 1);
    all.addAll(left.cells);
    if (left.level > 0) {
      all.add(new Cell(separator.key(), separator.value(), right.leftmost));
    }
    all.addAll(right.cells);
    return new NodeImage(left.level, left.leftmost, all);
  }

  int usedBytes() {
    int used = 0;
    for (Cell cell : cells) {
      used += NodeStore.cellSize(level, cell) + NodeStore.SLOT_SIZE;
    }
    return used;
  }

  boolean fits() {
    return usedBytes() <= NodeStore.CAPACITY;
  }

  /**
   * Splits into two nodes: of about equal byte size, or with {@code appending} (the new cell went
   * to the end, as with ascending keys) about three quarters left, so ascending inserts leave nodes
   * three quarters full instead of half, while the right node still holds over a quarter. A leaf
   * keeps every entry and the separator is a copy of the right half's first entry (its key only in
   * a unique tree); an internal node gives its middle separator to the parent and that separator's
   * child becomes the right half's leftmost child.
   */
  Split split(boolean unique, boolean appending) {
    boolean leaf = level == 0;
    int n = cells.size();
    int minimumCells = leaf ? 2 : 3;
    if (n < minimumCells) {
      throw new MemoryException("a B+ tree node of " + n + " cells overflows; the tree is corrupt");
    }
    int used = usedBytes();
    int leftTarget = appending ? used / 4 * 3 : used / 2;
    int left = 0;
    int leftBytes = 0;
    while (left < n) {
      int size = NodeStore.cellSize(level, cells.get(left)) + NodeStore.SLOT_SIZE;
      if (leftBytes + size > leftTarget) {
        break;
      }
      leftBytes += size;
      left++;
    }
    left = Math.max(1, Math.min(left, leaf ? n - 1 : n - 2));
    int rightStart = leaf ? left : left + 1;
    List<Cell> leftCells = new ArrayList<>(cells.subList(0, left));
    List<Cell> rightCells = new ArrayList<>(cells.subList(rightStart, n));
    if (leaf) {
      Cell first = rightCells.get(0);
      return new Split(
          new NodeImage(0, NodeStore.NO_PAGE, leftCells),
          new NodeImage(0, NodeStore.NO_PAGE, rightCells),
          first.key(),
          unique ? EMPTY : first.value());
    }
    Cell middle = cells.get(left);
    return new Split(
        new NodeImage(level, leftmost, leftCells),
        new NodeImage(level, middle.child(), rightCells),
        middle.key(),
        middle.value());
  }

  /** The two halves of a split and the separator that goes up to their parent. */
  record Split(NodeImage left, NodeImage right, byte[] separatorKey, byte[] separatorValue) {
    Cell separator(long rightPage) {
      return new Cell(separatorKey, separatorValue, rightPage);
    }
  }
}
