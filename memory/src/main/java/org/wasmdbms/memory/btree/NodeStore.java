package org.wasmdbms.memory.btree;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;

/**
 * Reads and writes the B+ tree nodes of one tree, one node per page, every write through {@link
 * PageStore#write}. Nothing is cached between searches: each search reads the node's header and
 * slots from the page store again, so page images restored underneath (for example by a journal
 * rollback) are seen at once; only the cell reads that follow a search on the same {@link Node}
 * reuse the slots it read.
 *
 * <h2>Node page layout</h2>
 *
 * All integers are little-endian; {@code u8}/{@code u16} are unsigned.
 *
 * <pre>
 * offset size field
 *      0  u8  magic, 0x42
 *      1  u8  flags: bit 0 set in every node of a unique tree; other bits zero
 *      2  u8  level: 0 for a leaf; a child's level is its parent's minus one; at most 32
 *      3  u8  reserved, zero
 *      4  u16 count: number of cells (and slots)
 *      6  u16 reserved, zero
 *      8  i32 cellStart: offset of the lowest cell byte; 65536 when the node has no cells
 *     12  i32 garbage: bytes of removed cells still lying in [cellStart, 65536)
 *     16  i64 leftmost: internal node: page of the child holding entries before the first
 *                       separator; leaf: -1
 *     24      slot array, count slots of 4 bytes, in entry order:
 *               +0 u16 cell offset (at least cellStart)
 *               +2 u16 key length (at most 2048)
 *   ...       free space
 * cellStart   cells, packed toward the page end in any order, with garbage between them:
 *               leaf cell:     u16 value length (at most 2048), key bytes, value bytes
 *               internal cell: i64 child page, u16 value length, key bytes, value bytes
 * </pre>
 *
 * <p>An internal node with separators {@code s1..sn} has children {@code c0} (leftmost) and {@code
 * c1..cn} (each separator's child); every entry under {@code c(i-1)} sorts before {@code si} and
 * every entry under {@code ci} sorts at or after it. Entries and separators order by key; in a
 * non-unique tree ties order by value, and separators carry the value part too (in a unique tree
 * the separator value is empty).
 *
 * <p>Inserting into a node with room writes only the new cell, the shifted tail of the slot array
 * and the counters; removing writes the shifted slots and counters, leaving the cell as garbage
 * until the node is next rewritten whole. Every header field, slot and length read from a page is
 * checked against the page bounds and these rules before it is used; a violation is a {@link
 * MemoryException} naming the page.
 */
final class NodeStore {
  static final int PAGE_SIZE = PageStore.PAGE_SIZE;
  static final int HEADER_SIZE = 24;
  static final int SLOT_SIZE = 4;

  /** Bytes available to cells and slots. */
  static final int CAPACITY = PAGE_SIZE - HEADER_SIZE;

  /** A non-root node using fewer bytes than this is merged with or refilled from a sibling. */
  static final int MIN_FILL = CAPACITY / 4;

  static final int MAX_LEVEL = 32;
  static final int MAX_KEY_LENGTH = 2048;
  static final int MAX_VALUE_LENGTH = 2048;
  static final long NO_PAGE = -1;

  private static final int MAGIC = 0x42;
  private static final int FLAG_UNIQUE = 1;
  private static final int LEAF_PREFIX = 2;
  private static final int INTERNAL_PREFIX = 10;
  private static final int VALUE_READ_AHEAD = 16;
  private static final int MAX_CELLS = CAPACITY / (SLOT_SIZE + LEAF_PREFIX);

  /**
   * Where {@link #search} copies slots in the buffer, slot {@code slotsFrom + i} at {@code
   * SLOT_COPY + SLOT_SIZE * i}: past the bytes a cell read uses (a prefix, a key and a value, under
   * 4.2 KB).
   */
  private static final int SLOT_COPY = 8192;

  /**
   * How many slots {@link #search} reads in one call once its range is that narrow: the last eight
   * probes then read only their keys, and the cells that follow the gap (a range scan's next
   * entries) their slots too, for a copy of at most 1 KiB.
   */
  private static final int SLOT_WINDOW = 256;

  private final PageStore pages;
  private long knownPages;
  private final boolean unique;
  // What reads need (a cell, then a window of slots); a write first grows it to a page. Readers'
  // trees are opened per snapshot, so a page-sized buffer each cost most of opening them.
  private byte[] buffer = new byte[SLOT_COPY + SLOT_SIZE * SLOT_WINDOW];

  /**
   * The node whose slots {@code [slotsFrom, slotsTo)} lie at {@link #SLOT_COPY}, or null: the cell
   * reads that follow a search on the same node use them. Anything that changes a node or reuses
   * that part of the buffer forgets them first.
   */
  private Node slotsOf;

  private int slotsFrom;
  private int slotsTo;

  /** Offset and key length of the cell whose slot {@link #readSlot} read last. */
  private int slotOffset;

  private int slotKeyLength;

  /** How many bytes past the key {@link #readKey} read too: a short value needs no second read. */
  private int readAhead;

  NodeStore(PageStore pages, boolean unique) {
    this.pages = pages;
    this.unique = unique;
  }

  static int cellSize(int level, Cell cell) {
    return (level == 0 ? LEAF_PREFIX : INTERNAL_PREFIX) + cell.key().length + cell.value().length;
  }

  /** Reads and validates the header of node {@code pageId}. */
  Node read(long pageId) {
    checkPageId(pageId);
    pages.read(pageId, 0, buffer, 0, HEADER_SIZE);
    int level = buffer[2] & 0xFF;
    int count = u16(buffer, 4);
    int cellStart = i32(buffer, 8);
    int garbage = i32(buffer, 12);
    long leftmost = i64(buffer, 16);
    if ((buffer[0] & 0xFF) != MAGIC) {
      throw corrupt(pageId, "is not a B+ tree node");
    }
    if ((buffer[1] & 0xFF) != (unique ? FLAG_UNIQUE : 0)) {
      throw corrupt(pageId, "does not belong to a " + (unique ? "unique" : "non-unique") + " tree");
    }
    if (level > MAX_LEVEL || buffer[3] != 0 || u16(buffer, 6) != 0 || count > MAX_CELLS) {
      throw corrupt(pageId, "has an invalid header");
    }
    if (cellStart < HEADER_SIZE + SLOT_SIZE * count || cellStart > PAGE_SIZE) {
      throw corrupt(pageId, "has an invalid cell area start " + cellStart);
    }
    if (garbage < 0 || garbage > PAGE_SIZE - cellStart) {
      throw corrupt(pageId, "has an invalid garbage size " + garbage);
    }
    if (level == 0 ? leftmost != NO_PAGE : !isChildId(leftmost, pageId)) {
      throw corrupt(pageId, "has an invalid leftmost child " + leftmost);
    }
    return new Node(pageId, level, leftmost, count, cellStart, garbage);
  }

  /**
   * Reads child {@code childIndex} of an internal node: 0 is the leftmost child, {@code i > 0} the
   * child of separator {@code i - 1}.
   */
  Node child(Node parent, int childIndex) {
    long id = childIndex == 0 ? parent.leftmost : cell(parent, childIndex - 1).child();
    Node child = read(id);
    if (child.level != parent.level - 1) {
      throw corrupt(id, "has level " + child.level + " under a node of level " + parent.level);
    }
    return child;
  }

  /**
   * The number of cells of {@code node} that sort before {@code target}. A probe reads its slot and
   * then its key until the range is {@link #SLOT_WINDOW} slots or fewer; those slots are then read
   * in one call, and each further probe reads only its key.
   */
  int search(Node node, SearchTarget target) {
    slotsOf = null;
    int low = 0;
    int high = node.count;
    while (low < high) {
      if (slotsOf == null && high - low <= SLOT_WINDOW) {
        int to = Math.min(node.count, low + SLOT_WINDOW);
        pages.read(
            node.pageId, HEADER_SIZE + SLOT_SIZE * low, buffer, SLOT_COPY, SLOT_SIZE * (to - low));
        slotsOf = node;
        slotsFrom = low;
        slotsTo = to;
      }
      int middle = (low + high) >>> 1;
      if (sortsBefore(node, middle, target)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** Whether cell {@code index} has {@code key} and, if {@code value} is not null, that value. */
  boolean matches(Node node, int index, byte[] key, byte[] value) {
    int prefix = readKey(node, index);
    if (UnsignedBytes.compare(buffer, prefix, slotKeyLength, key, 0, key.length) != 0) {
      return false;
    }
    if (value == null) {
      return true;
    }
    int valueLength = readValue(node, prefix);
    int valueFrom = prefix + slotKeyLength;
    return UnsignedBytes.compare(buffer, valueFrom, valueLength, value, 0, value.length) == 0;
  }

  /**
   * The value of cell {@code index} if its key is {@code key}, else null: a lookup's last step,
   * without the copies of {@link #cell}.
   */
  byte[] valueIfKey(Node node, int index, byte[] key) {
    int prefix = readKey(node, index);
    if (UnsignedBytes.compare(buffer, prefix, slotKeyLength, key, 0, key.length) != 0) {
      return null;
    }
    int valueLength = readValue(node, prefix);
    byte[] value = new byte[valueLength];
    System.arraycopy(buffer, prefix + slotKeyLength, value, 0, valueLength);
    return value;
  }

  /** Reads cell {@code index} whole. */
  Cell cell(Node node, int index) {
    int prefix = readKey(node, index);
    int valueLength = readValue(node, prefix);
    byte[] key = new byte[slotKeyLength];
    byte[] value = new byte[valueLength];
    System.arraycopy(buffer, prefix, key, 0, key.length);
    System.arraycopy(buffer, prefix + key.length, value, 0, valueLength);
    long child = NO_PAGE;
    if (!node.isLeaf()) {
      child = i64(buffer, 0);
      if (!isChildId(child, node.pageId)) {
        throw corrupt(node.pageId, "has an invalid child page " + child);
      }
    }
    return new Cell(key, value, child);
  }

  /** Reads the whole node into memory. */
  NodeImage load(Node node) {
    List<Cell> cells = new ArrayList<>(node.count + 1);
    for (int i = 0; i < node.count; i++) {
      cells.add(cell(node, i));
    }
    return new NodeImage(node.level, node.leftmost, cells);
  }

  /**
   * Inserts {@code cell} at position {@code index} if the node has room, compacting the page when
   * only the garbage makes room.
   *
   * @return false, with nothing written, if the cell does not fit
   */
  boolean insertInPlace(Node node, int index, Cell cell) {
    int size = cellSize(node.level, cell);
    int slotsEnd = HEADER_SIZE + SLOT_SIZE * node.count;
    int contiguous = node.cellStart - slotsEnd;
    if (contiguous < size + SLOT_SIZE) {
      if (contiguous + node.garbage < size + SLOT_SIZE) {
        return false;
      }
      NodeImage image = load(node);
      image.cells.add(index, cell);
      rewrite(node, image);
      return true;
    }
    slotsOf = null;
    writable();
    int offset = node.cellStart - size;
    encodeCell(node.level, cell, buffer, 0);
    pages.write(node.pageId, offset, buffer, 0, size);
    int slotPosition = HEADER_SIZE + SLOT_SIZE * index;
    int shifted = slotsEnd - slotPosition;
    putU16(buffer, 0, offset);
    putU16(buffer, 2, cell.key().length);
    if (shifted > 0) {
      pages.read(node.pageId, slotPosition, buffer, SLOT_SIZE, shifted);
    }
    pages.write(node.pageId, slotPosition, buffer, 0, SLOT_SIZE + shifted);
    node.count++;
    node.cellStart = offset;
    writeCounters(node);
    return true;
  }

  /** Removes cell {@code index}; its bytes become garbage unless they lie at the area start. */
  void removeInPlace(Node node, int index) {
    writable();
    int prefix = readKey(node, index);
    slotsOf = null;
    int offset = slotOffset;
    int size = prefix + slotKeyLength + readValue(node, prefix);
    int slotPosition = HEADER_SIZE + SLOT_SIZE * index;
    int shifted = SLOT_SIZE * (node.count - index - 1);
    if (shifted > 0) {
      pages.read(node.pageId, slotPosition + SLOT_SIZE, buffer, 0, shifted);
      pages.write(node.pageId, slotPosition, buffer, 0, shifted);
    }
    node.count--;
    if (node.count == 0) {
      node.cellStart = PAGE_SIZE;
      node.garbage = 0;
    } else if (offset == node.cellStart) {
      node.cellStart += size;
    } else {
      node.garbage += size;
    }
    writeCounters(node);
  }

  /** Rewrites the page of {@code node} from {@code image} and brings the header up to date. */
  void rewrite(Node node, NodeImage image) {
    write(node.pageId, image);
    node.count = image.cells.size();
    node.cellStart = PAGE_SIZE - (image.usedBytes() - SLOT_SIZE * node.count);
    node.garbage = 0;
  }

  /** Writes {@code image} as the whole content of page {@code pageId}, cells packed, no garbage. */
  void write(long pageId, NodeImage image) {
    slotsOf = null;
    writable();
    if (!image.fits()) {
      throw corrupt(pageId, "would overflow; the tree is corrupt");
    }
    int count = image.cells.size();
    int cellStart = PAGE_SIZE;
    for (int i = 0; i < count; i++) {
      Cell cell = image.cells.get(i);
      cellStart -= cellSize(image.level, cell);
      encodeCell(image.level, cell, buffer, cellStart);
      putU16(buffer, HEADER_SIZE + SLOT_SIZE * i, cellStart);
      putU16(buffer, HEADER_SIZE + SLOT_SIZE * i + 2, cell.key().length);
    }
    buffer[0] = (byte) MAGIC;
    buffer[1] = (byte) (unique ? FLAG_UNIQUE : 0);
    buffer[2] = (byte) image.level;
    buffer[3] = 0;
    putU16(buffer, 4, count);
    putU16(buffer, 6, 0);
    putI32(buffer, 8, cellStart);
    putI32(buffer, 12, 0);
    putI64(buffer, 16, image.leftmost);
    pages.write(pageId, 0, buffer, 0, HEADER_SIZE + SLOT_SIZE * count);
    if (cellStart < PAGE_SIZE) {
      pages.write(pageId, cellStart, buffer, cellStart, PAGE_SIZE - cellStart);
    }
  }

  private boolean sortsBefore(Node node, int index, SearchTarget target) {
    int prefix = readKey(node, index);
    byte[] key = target.key();
    int order = UnsignedBytes.compare(buffer, prefix, slotKeyLength, key, 0, key.length);
    if (order == 0 && target.value() != null) {
      int valueLength = readValue(node, prefix);
      byte[] value = target.value();
      int valueFrom = prefix + slotKeyLength;
      order = UnsignedBytes.compare(buffer, valueFrom, valueLength, value, 0, value.length);
    }
    return order == 0 ? target.after() : order < 0;
  }

  /**
   * Reads the slot and then the prefix and key of cell {@code index} into the buffer.
   *
   * @return the prefix length: the key starts at that buffer offset
   */
  private int readKey(Node node, int index) {
    readSlot(node, index);
    int prefix = node.isLeaf() ? LEAF_PREFIX : INTERNAL_PREFIX;
    int keyEnd = prefix + slotKeyLength;
    // Values are mostly short (a record id, a primary key): read them with the key, in one call.
    readAhead = Math.min(VALUE_READ_AHEAD, PAGE_SIZE - slotOffset - keyEnd);
    pages.read(node.pageId, slotOffset, buffer, 0, keyEnd + readAhead);
    return prefix;
  }

  /**
   * Reads the value of the cell {@link #readKey} read, into the buffer right after its key.
   *
   * @return the value length
   */
  private int readValue(Node node, int prefix) {
    int valueLength = u16(buffer, prefix - 2);
    int valueFrom = prefix + slotKeyLength;
    if (valueLength > MAX_VALUE_LENGTH || slotOffset + valueFrom + valueLength > PAGE_SIZE) {
      throw corrupt(node.pageId, "has a cell with an invalid value length " + valueLength);
    }
    if (valueLength > readAhead) {
      pages.read(node.pageId, slotOffset + valueFrom, buffer, valueFrom, valueLength);
    }
    return valueLength;
  }

  int bufferBytes() {
    return buffer.length;
  }

  /** Grows the buffer to a page, for the writes that need it (readers' trees never do). */
  private void writable() {
    if (buffer.length < PAGE_SIZE) {
      buffer = new byte[PAGE_SIZE];
      slotsOf = null;
    }
  }

  private void readSlot(Node node, int index) {
    if (index < 0 || index >= node.count) {
      throw corrupt(node.pageId, "has no cell " + index);
    }
    int at = SLOT_COPY + SLOT_SIZE * (index - slotsFrom);
    if (slotsOf != node || index < slotsFrom || index >= slotsTo) {
      at = 0;
      pages.read(node.pageId, HEADER_SIZE + SLOT_SIZE * index, buffer, 0, SLOT_SIZE);
    }
    int offset = u16(buffer, at);
    int keyLength = u16(buffer, at + 2);
    int prefix = node.isLeaf() ? LEAF_PREFIX : INTERNAL_PREFIX;
    if (offset < node.cellStart
        || keyLength > MAX_KEY_LENGTH
        || offset + prefix + keyLength > PAGE_SIZE) {
      throw corrupt(node.pageId, "has an invalid slot " + index);
    }
    slotOffset = offset;
    slotKeyLength = keyLength;
  }

  private void writeCounters(Node node) {
    putU16(buffer, 0, node.count);
    putU16(buffer, 2, 0);
    putI32(buffer, 4, node.cellStart);
    putI32(buffer, 8, node.garbage);
    pages.write(node.pageId, 4, buffer, 0, 12);
  }

  private boolean isChildId(long id, long parentId) {
    return id != parentId && exists(id);
  }

  private void checkPageId(long pageId) {
    if (!exists(pageId)) {
      throw new MemoryException("B+ tree page " + pageId + " is outside the page store");
    }
  }

  /**
   * Whether page {@code id} exists. Stores only grow: a page below a count seen once exists,
   * without asking the store again (a synchronized call through every provider).
   */
  private boolean exists(long id) {
    if (id >= 0 && id < knownPages) {
      return true;
    }
    knownPages = pages.pageCount();
    return id >= 0 && id < knownPages;
  }

  private static void encodeCell(int level, Cell cell, byte[] to, int at) {
    int position = at;
    if (level > 0) {
      putI64(to, position, cell.child());
      position += 8;
    }
    byte[] key = cell.key();
    byte[] value = cell.value();
    putU16(to, position, value.length);
    position += 2;
    System.arraycopy(key, 0, to, position, key.length);
    System.arraycopy(value, 0, to, position + key.length, value.length);
  }

  private static MemoryException corrupt(long pageId, String problem) {
    return new MemoryException("B+ tree node in page " + pageId + " " + problem);
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static int i32(byte[] b, int at) {
    return u16(b, at) | u16(b, at + 2) << 16;
  }

  private static long i64(byte[] b, int at) {
    return (i32(b, at) & 0xFFFFFFFFL) | (long) i32(b, at + 4) << 32;
  }

  private static void putU16(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
  }

  private static void putI32(byte[] b, int at, int v) {
    putU16(b, at, v);
    putU16(b, at + 2, v >>> 16);
  }

  private static void putI64(byte[] b, int at, long v) {
    putI32(b, at, (int) v);
    putI32(b, at + 4, (int) (v >>> 32));
  }
}
