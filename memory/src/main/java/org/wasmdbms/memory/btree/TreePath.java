package org.wasmdbms.memory.btree;

/**
 * A position in a tree: the nodes from the root down to a leaf, the child taken at each internal
 * node, and a gap inside the leaf (the number of leaf entries before the position). Descents are
 * loops bounded by the tree height, which {@link NodeStore} caps at {@link NodeStore#MAX_LEVEL}.
 */
final class TreePath {
  private static final Node[] NO_NODES = {};
  private static final int[] NO_INDEXES = {};

  private final NodeStore nodes;
  // Sized by the root's level at each descent, not for the tallest possible tree: a lookup in a
  // small tree allocates a few bytes instead of two arrays of 33.
  private Node[] path = NO_NODES;
  private int[] childIndex = NO_INDEXES;
  private int depth;
  private int gap;

  TreePath(NodeStore nodes) {
    this.nodes = nodes;
  }

  /** Descends from {@code root} to the gap of {@code target}. */
  void seek(long root, SearchTarget target) {
    Node node = start(root);
    while (!node.isLeaf()) {
      node = enter(node, nodes.search(node, target));
    }
    path[depth] = node;
    gap = nodes.search(node, target);
  }

  /**
   * Descends from {@code root} to the very end and compares the entry ({@code key}, {@code value};
   * a null value compares keys alone) with the last entry there: negative if that entry sorts
   * before it, zero if equal, positive if after. When it is not positive, the path is the gap
   * {@link #seek} would find for the entry. An empty tree answers negative. For keys that arrive in
   * ascending order this replaces the binary search in every node of a descent by one comparison.
   */
  int seekLast(long root, byte[] key, byte[] value) {
    seekEdge(root, true);
    Node leaf = path[depth];
    if (leaf.count == 0) {
      return depth == 0 ? -1 : 1; // only an empty tree has an empty last leaf
    }
    Cell last = nodes.cell(leaf, leaf.count - 1);
    int order = UnsignedBytes.compare(last.key(), key);
    if (order == 0 && value != null) {
      order = UnsignedBytes.compare(last.value(), value);
    }
    return order;
  }

  /** Whether the path is at the very end of the tree: the last gap of the last leaf. */
  boolean atEnd() {
    for (int d = 0; d < depth; d++) {
      if (childIndex[d] != path[d].count) {
        return false;
      }
    }
    return gap == path[depth].count;
  }

  /** Descends from {@code root} to the very start, or with {@code last} the very end. */
  void seekEdge(long root, boolean last) {
    descendEdge(start(root), last);
  }

  /**
   * Moves to the start of the next leaf, or with {@code forward} false to the end of the previous
   * one.
   *
   * @return false if there is no such leaf; the path is then unchanged
   */
  boolean stepLeaf(boolean forward) {
    for (int d = depth - 1; d >= 0; d--) {
      Node parent = path[d];
      int index = childIndex[d];
      if (forward ? index < parent.count : index > 0) {
        depth = d;
        Node child = enter(parent, forward ? index + 1 : index - 1);
        descendEdge(child, !forward);
        return true;
      }
    }
    return false;
  }

  int depth() {
    return depth;
  }

  int gap() {
    return gap;
  }

  void setGap(int gap) {
    this.gap = gap;
  }

  Node leaf() {
    return path[depth];
  }

  /** The node at {@code level} steps below the root, for {@code level <= depth()}. */
  Node node(int level) {
    return path[level];
  }

  /** The child index taken at the internal node {@code level} steps below the root. */
  int childIndex(int level) {
    return childIndex[level];
  }

  /** Reads the root and makes room for a descent from it. */
  private Node start(long root) {
    Node node = nodes.read(root);
    depth = 0;
    if (path.length <= node.level) {
      path = new Node[node.level + 1];
      childIndex = new int[node.level + 1];
    }
    return node;
  }

  private void descendEdge(Node from, boolean last) {
    Node node = from;
    while (!node.isLeaf()) {
      node = enter(node, last ? node.count : 0);
    }
    path[depth] = node;
    gap = last ? node.count : 0;
  }

  private Node enter(Node node, int index) {
    path[depth] = node;
    childIndex[depth] = index;
    depth++;
    return nodes.child(node, index);
  }
}
