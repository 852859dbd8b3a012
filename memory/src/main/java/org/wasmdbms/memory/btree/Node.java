package org.wasmdbms.memory.btree;

/**
 * The validated header of one node page. {@link NodeStore} keeps the mutable counters in step with
 * every change it makes to the page, so a {@code Node} stays usable after in-place edits.
 */
final class Node {
  final long pageId;
  final int level;
  final long leftmost;
  int count;
  int cellStart;
  int garbage;

  Node(long pageId, int level, long leftmost, int count, int cellStart, int garbage) {
    this.pageId = pageId;
    this.level = level;
    this.leftmost = leftmost;
    this.count = count;
    this.cellStart = cellStart;
    this.garbage = garbage;
  }

  boolean isLeaf() {
    return level == 0;
  }

  /** Bytes taken by live cells and their slots, the measure of how full the node is. */
  int usedBytes() {
    return NodeStore.PAGE_SIZE - cellStart - garbage + NodeStore.SLOT_SIZE * count;
  }
}
