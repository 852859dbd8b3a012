package org.wasmdbms.memory.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a whole tree and asserts its invariants: entries sorted within nodes and inside the range
 * their parent's separators allow, one visit per page, children one level down, leaves at least a
 * quarter full (except the root), internal nodes with a separator, and header counters that match
 * the cells on the page.
 */
final class BTreeVerifier {
  /** What the walk found. */
  record Stats(int height, long nodes, long entries, Set<Long> pages) {}

  private record Visit(Node node, Cell low, Cell high) {}

  private BTreeVerifier() {}

  static Stats verify(BTree tree) {
    NodeStore nodes = tree.nodes();
    Node root = nodes.read(tree.rootPage());
    Set<Long> pages = new HashSet<>();
    Deque<Visit> pending = new ArrayDeque<>();
    pending.push(new Visit(root, null, null));
    long entries = 0;
    while (!pending.isEmpty()) {
      Visit visit = pending.pop();
      Node node = visit.node();
      assertTrue(pages.add(node.pageId), "page visited twice: " + node.pageId);
      List<Cell> cells = nodes.load(node).cells;
      int cellBytes = 0;
      Cell previous = visit.low();
      for (int i = 0; i < cells.size(); i++) {
        Cell cell = cells.get(i);
        cellBytes += NodeStore.cellSize(node.level, cell);
        if (previous != null) {
          int order = compare(tree, previous, cell);
          assertTrue(
              i == 0 ? order <= 0 : order < 0, "order broken in page " + node.pageId + " at " + i);
        }
        if (visit.high() != null) {
          assertTrue(compare(tree, cell, visit.high()) < 0, "cell above range in " + node.pageId);
        }
        if (!node.isLeaf() && tree.isUnique()) {
          assertEquals(0, cell.value().length, "separator with a value in a unique tree");
        }
        previous = cell;
      }
      assertEquals(
          NodeStore.PAGE_SIZE - node.cellStart - node.garbage,
          cellBytes,
          "cell bytes disagree with the header of page " + node.pageId);
      if (node.pageId != tree.rootPage()) {
        if (node.isLeaf()) {
          assertTrue(node.usedBytes() >= NodeStore.MIN_FILL, "underfull leaf " + node.pageId);
        } else {
          assertTrue(node.count > 0, "internal node without separators " + node.pageId);
        }
      }
      if (node.isLeaf()) {
        entries += node.count;
        continue;
      }
      for (int child = 0; child <= cells.size(); child++) {
        Cell low = child == 0 ? visit.low() : cells.get(child - 1);
        Cell high = child == cells.size() ? visit.high() : cells.get(child);
        pending.push(new Visit(nodes.child(node, child), low, high));
      }
    }
    return new Stats(root.level + 1, pages.size(), entries, pages);
  }

  private static int compare(BTree tree, Cell a, Cell b) {
    int order = UnsignedBytes.compare(a.key(), b.key());
    if (order != 0 || tree.isUnique()) {
      return order;
    }
    return UnsignedBytes.compare(a.value(), b.value());
  }
}
