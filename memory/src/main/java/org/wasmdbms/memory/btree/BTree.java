package org.wasmdbms.memory.btree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Objects;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.InternalDbmsException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;

/**
 * A B+ tree of byte-string entries stored in pages of a {@link PageStore}, one node per page (the
 * page layout is documented in {@code NodeStore}). Keys order as unsigned bytes, shorter prefix
 * first.
 *
 * <p>Modes, fixed at creation and recorded in every node:
 *
 * <ul>
 *   <li><b>unique</b>: at most one entry per key; inserting an existing key changes nothing and
 *       returns false.
 *   <li><b>non-unique</b>: any number of entries per key, ordered by (key, value); the pair is
 *       unique, so inserting an existing pair changes nothing and returns false, and a delete names
 *       the pair. Values are typically 8-byte record ids.
 * </ul>
 *
 * <p>Sizes: a key holds at most {@link #MAX_KEY_LENGTH} bytes and a value at most {@link
 * #MAX_VALUE_LENGTH}; anything longer is refused with a {@link ConstraintViolationException} before
 * anything is written. Empty keys and values are allowed.
 *
 * <p>The root page never moves: a root split moves the root's content into two new pages and a root
 * left with one child takes over that child's content. So {@link #rootPage()} is the one id a
 * caller persists, and {@link #open} re-opens the tree from it. Nodes emptied by merges go back to
 * the store with {@link PageStore#free}; after every entry is deleted the tree is its root page
 * alone.
 *
 * <p>Balance: non-root nodes are kept at least a quarter full by bytes, by merging with or
 * borrowing from a sibling after a delete, so the height stays logarithmic (bounded by 32 levels).
 *
 * <p>Failures: a page whose content breaks the layout rules raises a {@link MemoryException}. A
 * change that spans several pages (a split or merge) is not atomic by itself if the page store
 * fails midway; crash and failure atomicity comes from the page store's journal.
 *
 * <p>Not thread-safe. Only one {@code BTree} object may modify a given tree at a time, and {@link
 * BTreeCursor}s must not be used after the tree's pages were changed other than through the {@code
 * BTree} object that created them.
 */
public final class BTree {
  /** The longest key, in bytes. */
  public static final int MAX_KEY_LENGTH = NodeStore.MAX_KEY_LENGTH;

  /** The longest value, in bytes. */
  public static final int MAX_VALUE_LENGTH = NodeStore.MAX_VALUE_LENGTH;

  private final PageStore pages;
  private final NodeStore nodes;
  private final long rootPage;
  private final boolean unique;
  private long modifications;

  // Whether the last insert went to the very end of the tree: the next one tries the end first.
  private boolean appending = true;

  // The tree's last key (null: the tree is empty) while lastKnown: since an insert put it at the
  // very end or followsLastKey read it, and nothing else changed the tree. Answers followsLastKey
  // without a descent while keys arrive in order, and while nothing is written between lookups.
  private boolean lastKnown;
  private byte[] lastKey;

  // The path to the end of the tree that the last insert took, kept while that insert went to the
  // very end without a split and nothing changed the tree since (the modification count it left):
  // the next insert of a greater key goes down it again without reading a node. Its nodes are the
  // objects the insert updated, so their counts are current.
  private TreePath appendPath;
  private long appendPathModifications = -1;

  private BTree(PageStore pages, NodeStore nodes, long rootPage, boolean unique) {
    this.pages = pages;
    this.nodes = nodes;
    this.rootPage = rootPage;
    this.unique = unique;
  }

  /**
   * Creates an empty tree in a newly allocated page of {@code pages}.
   *
   * @param unique true for one entry per key, false for duplicate keys ordered by value
   */
  public static BTree create(PageStore pages, boolean unique) {
    NodeStore nodes = new NodeStore(pages, unique);
    long root = pages.allocate();
    nodes.write(root, NodeImage.emptyLeaf());
    return new BTree(pages, nodes, root, unique);
  }

  /**
   * Opens the tree whose root is {@code rootPage}, as returned by {@link #rootPage()}.
   *
   * @param unique the mode the tree was created with
   * @throws MemoryException if the page is not the root of a tree of that mode
   */
  public static BTree open(PageStore pages, long rootPage, boolean unique) {
    NodeStore nodes = new NodeStore(pages, unique);
    nodes.read(rootPage);
    return new BTree(pages, nodes, rootPage, unique);
  }

  /**
   * Frees every page of the tree, the root included, through {@link PageStore#free}. The tree must
   * not be used afterwards.
   *
   * @throws MemoryException if the pages do not form a tree (a loop or a bad child id)
   */
  public void drop() {
    Deque<Long> pending = new ArrayDeque<>();
    pending.push(rootPage);
    long visited = 0;
    while (!pending.isEmpty()) {
      Node node = nodes.read(pending.pop());
      if (++visited > pages.pageCount()) {
        throw new MemoryException("tree rooted at page " + rootPage + " has a loop");
      }
      if (!node.isLeaf()) {
        for (int i = 0; i <= node.count; i++) {
          pending.push(nodes.child(node, i).pageId);
        }
      }
      pages.free(node.pageId);
    }
    lastKnown = false;
    modifications++;
  }

  /** The page of the root node: the tree's stable identity. */
  public long rootPage() {
    return rootPage;
  }

  /** Whether the tree holds at most one entry per key. */
  public boolean isUnique() {
    return unique;
  }

  /** The bytes of the tree's node buffer (for tests: reads need a small one, writes a page). */
  int bufferBytes() {
    return nodes.bufferBytes();
  }

  /** The number of node levels, 1 for a tree whose root is a leaf. */
  public int height() {
    return nodes.read(rootPage).level + 1;
  }

  /**
   * Adds an entry. While entries arrive in ascending order, each goes straight to the end of the
   * last leaf after one comparison with the last entry, instead of a binary search in every node on
   * the way down.
   *
   * @return false, changing nothing, if the key (unique tree) or the key and value pair (non-unique
   *     tree) is already present
   * @throws ConstraintViolationException if the key or value is too long
   */
  public boolean insert(byte[] key, byte[] value) {
    checkLength("key", key, MAX_KEY_LENGTH);
    checkLength("value", value, MAX_VALUE_LENGTH);
    byte[] valuePart = unique ? null : value;
    TreePath path = appendPathFor(key);
    int last = -1;
    if (path == null) {
      path = new TreePath(nodes);
      last = appending ? seekLast(path, key, valuePart) : 1;
    }
    if (last == 0) {
      return false;
    }
    if (last > 0) {
      path.seek(rootPage, exact(key, value));
      if (path.gap() > 0 && nodes.matches(path.leaf(), path.gap() - 1, key, valuePart)) {
        return false;
      }
    }
    appending = path.atEnd();
    lastKnown = appending;
    lastKey = appending ? key.clone() : null;
    modifications++;
    boolean inPlace =
        insertCell(path, path.depth(), path.gap(), new Cell(key, value, NodeStore.NO_PAGE));
    appendPath = appending && inPlace ? path : null;
    appendPathModifications = modifications;
    return true;
  }

  /**
   * The kept path to the end of the tree, moved past the last entry, if {@code key} sorts after
   * every key (known without reading a node, see {@link #appendPath}); null otherwise.
   */
  private TreePath appendPathFor(byte[] key) {
    if (appendPath == null
        || appendPathModifications != modifications
        || !lastKnown
        || lastKey == null
        || UnsignedBytes.compare(lastKey, 0, lastKey.length, key, 0, key.length) >= 0) {
      return null;
    }
    appendPath.setGap(appendPath.leaf().count);
    return appendPath;
  }

  /**
   * {@link TreePath#seekLast}, comparing with the known last key instead of reading the last cell
   * while inserts append: the descent to the end remains (the insert needs the path), the copy of
   * the last cell's key and value does not.
   */
  private int seekLast(TreePath path, byte[] key, byte[] valuePart) {
    if (!lastKnown) {
      return path.seekLast(rootPage, key, valuePart);
    }
    path.seekEdge(rootPage, true);
    if (lastKey == null) {
      return -1; // an empty tree
    }
    int order = UnsignedBytes.compare(lastKey, 0, lastKey.length, key, 0, key.length);
    // An equal key in a tree of duplicates is ordered by value, which only the cell holds.
    return order == 0 && valuePart != null ? path.seekLast(rootPage, key, valuePart) : order;
  }

  /**
   * Whether {@code key} is known to sort after every key of the tree, which makes a lookup of it
   * needless. It is known at the cost of one comparison with the last entry while inserts arrive in
   * ascending order (see {@link #insert}); otherwise this answers false without searching, and a
   * lookup must tell. A key before the last one ends that until an insert goes to the end again.
   */
  public boolean followsLastKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (!appending) {
      return false;
    }
    if (!lastKnown && !readLastKey()) {
      appending = false;
      return false;
    }
    if (lastKey == null
        || UnsignedBytes.compare(lastKey, 0, lastKey.length, key, 0, key.length) < 0) {
      return true;
    }
    appending = false; // lookups elsewhere in the tree stop paying for this until the next append
    return false;
  }

  /**
   * Reads the last key into {@link #lastKey} (null for an empty tree); false, knowing nothing, if
   * the last leaf is empty in a tree that is not (which no operation leaves behind).
   */
  private boolean readLastKey() {
    TreePath path = new TreePath(nodes);
    path.seekEdge(rootPage, true);
    Node leaf = path.leaf();
    if (leaf.count == 0 && path.depth() > 0) {
      return false;
    }
    lastKey = leaf.count == 0 ? null : nodes.cell(leaf, leaf.count - 1).key();
    lastKnown = true;
    return true;
  }

  /** The value of the first entry with {@code key} (the smallest value in a non-unique tree). */
  public byte[] get(byte[] key) {
    TreePath path = new TreePath(nodes);
    // The first entry at or after the key; a separator equal to the key sends the search to the
    // end of the leaf before it, so the entry may open the next leaf.
    path.seek(rootPage, new SearchTarget(Objects.requireNonNull(key, "key"), null, false));
    while (path.gap() == path.leaf().count) {
      if (!path.stepLeaf(true)) {
        return null;
      }
    }
    return nodes.valueIfKey(path.leaf(), path.gap(), key);
  }

  /** Whether some entry has {@code key}. */
  public boolean contains(byte[] key) {
    return get(key) != null;
  }

  /** Whether the entry ({@code key}, {@code value}) is present. */
  public boolean contains(byte[] key, byte[] value) {
    Objects.requireNonNull(value, "value");
    TreePath path = new TreePath(nodes);
    path.seek(rootPage, exact(key, value));
    return path.gap() > 0 && nodes.matches(path.leaf(), path.gap() - 1, key, value);
  }

  /**
   * Deletes the entry with {@code key} from a unique tree.
   *
   * @return whether there was one
   * @throws InternalDbmsException on a non-unique tree, where an entry is named by key and value
   */
  public boolean delete(byte[] key) {
    if (!unique) {
      throw new InternalDbmsException("delete by key alone needs a unique B+ tree");
    }
    return remove(key, null);
  }

  /**
   * Deletes the entry ({@code key}, {@code value}).
   *
   * @return whether it was present; in a unique tree an entry with the key but another value is
   *     left alone and false is returned
   */
  public boolean delete(byte[] key, byte[] value) {
    return remove(key, Objects.requireNonNull(value, "value"));
  }

  /**
   * A lazy cursor over the entries whose keys lie between the bounds, in ascending order or, with
   * {@code descending}, in descending order. Pages are read only as the cursor advances.
   */
  public BTreeCursor scan(KeyBound lower, KeyBound upper, boolean descending) {
    return new BTreeCursor(
        this,
        Objects.requireNonNull(lower, "lower"),
        Objects.requireNonNull(upper, "upper"),
        descending);
  }

  NodeStore nodes() {
    return nodes;
  }

  /** Counts changes, so a cursor notices that its path may be stale. */
  long modifications() {
    return modifications;
  }

  /** The target that sorts right after the entry (key, value), or after every entry with key. */
  SearchTarget exact(byte[] key, byte[] value) {
    return new SearchTarget(Objects.requireNonNull(key, "key"), unique ? null : value, true);
  }

  private boolean remove(byte[] key, byte[] value) {
    TreePath path = new TreePath(nodes);
    path.seek(rootPage, exact(key, value));
    Node leaf = path.leaf();
    if (path.gap() == 0 || !nodes.matches(leaf, path.gap() - 1, key, value)) {
      return false;
    }
    lastKnown = false;
    modifications++;
    nodes.removeInPlace(leaf, path.gap() - 1);
    rebalance(path);
    return true;
  }

  /**
   * Inserts {@code cell} at {@code index} of the node {@code depth} steps below the root, splitting
   * nodes up the path as long as they overflow.
   *
   * @return whether the node took the cell without a split (the path is then still the tree's)
   */
  private boolean insertCell(TreePath path, int depth, int index, Cell cell) {
    int level = depth;
    int at = index;
    Cell pending = cell;
    while (true) {
      Node node = path.node(level);
      if (nodes.insertInPlace(node, at, pending)) {
        return level == depth;
      }
      NodeImage image = nodes.load(node);
      image.cells.add(at, pending);
      NodeImage.Split split = image.split(unique, at == node.count);
      if (level == 0) {
        splitRoot(image.level, split);
        return false;
      }
      long right = pages.allocate();
      nodes.write(right, split.right());
      nodes.write(node.pageId, split.left());
      pending = split.separator(right);
      level--;
      at = path.childIndex(level);
    }
  }

  private void splitRoot(int level, NodeImage.Split split) {
    if (level >= NodeStore.MAX_LEVEL) {
      throw new MemoryException("B+ tree in page " + rootPage + " would exceed the height limit");
    }
    long left = pages.allocate();
    long right = pages.allocate();
    nodes.write(left, split.left());
    nodes.write(right, split.right());
    NodeImage root = new NodeImage(level + 1, left, new ArrayList<>());
    root.cells.add(split.separator(right));
    nodes.write(rootPage, root);
  }

  /**
   * Restores the fill of the nodes on {@code path} after a removal from its leaf: an underfull node
   * merges with a sibling when both fit one page, and otherwise the two share their entries evenly.
   * A merge removes a separator from the parent, which may leave it underfull in turn.
   */
  private void rebalance(TreePath path) {
    for (int depth = path.depth(); depth > 0; depth--) {
      Node node = path.node(depth);
      if (node.usedBytes() >= NodeStore.MIN_FILL) {
        return;
      }
      Node parent = path.node(depth - 1);
      int childIndex = path.childIndex(depth - 1);
      if (parent.count == 0) {
        throw new MemoryException("B+ tree node in page " + parent.pageId + " has no separator");
      }
      int separatorIndex = childIndex > 0 ? childIndex - 1 : 0;
      Node left = childIndex > 0 ? nodes.child(parent, childIndex - 1) : node;
      Node right = childIndex > 0 ? node : nodes.child(parent, 1);
      NodeImage joined =
          NodeImage.concat(nodes.load(left), nodes.cell(parent, separatorIndex), nodes.load(right));
      if (joined.fits()) {
        nodes.write(left.pageId, joined);
        pages.free(right.pageId);
        nodes.removeInPlace(parent, separatorIndex);
        continue;
      }
      NodeImage.Split split = joined.split(unique, false);
      nodes.write(left.pageId, split.left());
      nodes.write(right.pageId, split.right());
      nodes.removeInPlace(parent, separatorIndex);
      insertCell(path, depth - 1, separatorIndex, split.separator(right.pageId));
      return;
    }
    collapseRoot();
  }

  /** While the root is an internal node without separators, it takes over its only child. */
  private void collapseRoot() {
    Node root = nodes.read(rootPage);
    while (!root.isLeaf() && root.count == 0) {
      Node child = nodes.child(root, 0);
      nodes.write(rootPage, nodes.load(child));
      pages.free(child.pageId);
      root = nodes.read(rootPage);
    }
  }

  private static void checkLength(String what, byte[] bytes, int max) {
    Objects.requireNonNull(bytes, what);
    if (bytes.length > max) {
      throw new ConstraintViolationException(
          "B+ tree " + what + " of " + bytes.length + " bytes exceeds the limit of " + max);
    }
  }
}
