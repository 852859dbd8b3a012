package org.wasmdbms.engine.storage;

import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;
import org.wasmdbms.memory.page.LittleEndian;

/**
 * The per-table meta page: where a table's B+ trees live and its autoincrement counters.
 *
 * <p>Layout (little-endian), one page per table:
 *
 * <pre>
 * offset size field
 *      0    4 tag: ASCII "TBLM"
 *      4    4 column count n (u32), equal to the table definition's
 *      8    8 reserved, zero
 *     16  24n per column i, at 16 + 24 i:
 *               8 root page of the unique tree of column i (the primary-key tree for the
 *                 primary-key column), or 0 when the column has none
 *               8 root page of the non-unique foreign-key tree of column i, or 0
 *               8 next autoincrement value as unsigned 64-bit, or 0 when the column's values
 *                 are exhausted; 1 for a column that never handed one out
 * </pre>
 *
 * Every write goes through {@link PageStore#write}, the storage layer's one write path.
 */
final class TableMetaPage {
  /** The most columns a table may have, bounded by the meta page's size. */
  static final int MAX_COLUMNS = (PageStore.PAGE_SIZE - 16) / 24;

  private static final int TAG = LittleEndian.tag("TBLM");
  private static final int HEADER = 16;
  private static final int PER_COLUMN = 24;

  private final PageStore pages;
  private final long pageId;
  private final int columns;

  private TableMetaPage(PageStore pages, long pageId, int columns) {
    this.pages = pages;
    this.pageId = pageId;
    this.columns = columns;
  }

  /** Allocates and formats the meta page of a new table with {@code columns} columns. */
  static TableMetaPage create(PageStore pages, int columns) {
    if (columns > MAX_COLUMNS) {
      throw new ConstraintViolationException(
          "a table may have at most " + MAX_COLUMNS + " columns, not " + columns);
    }
    long pageId = pages.allocate();
    byte[] header = new byte[HEADER];
    LittleEndian.putInt(header, 0, TAG);
    LittleEndian.putInt(header, 4, columns);
    pages.write(pageId, 0, header, 0, header.length);
    TableMetaPage meta = new TableMetaPage(pages, pageId, columns);
    for (int i = 0; i < columns; i++) {
      meta.setNextAutoIncrement(i, 1);
    }
    return meta;
  }

  /**
   * Opens the meta page at {@code pageId}, checking that it belongs to a table of {@code columns}
   * columns.
   *
   * @throws MemoryException if the page is not such a meta page
   */
  static TableMetaPage open(PageStore pages, long pageId, int columns) {
    if (pageId <= 0 || pageId >= pages.pageCount()) {
      throw new MemoryException("table meta page " + pageId + " is outside the file");
    }
    byte[] header = new byte[HEADER];
    pages.read(pageId, 0, header, 0, header.length);
    if (LittleEndian.getInt(header, 0) != TAG || LittleEndian.getInt(header, 4) != columns) {
      throw new MemoryException(
          "page " + pageId + " is not the meta page of a " + columns + "-column table");
    }
    return new TableMetaPage(pages, pageId, columns);
  }

  /** The page id, which the catalog records. */
  long pageId() {
    return pageId;
  }

  long uniqueTreeRoot(int column) {
    return readLong(column, 0);
  }

  void setUniqueTreeRoot(int column, long root) {
    writeLong(column, 0, root);
  }

  long foreignKeyTreeRoot(int column) {
    return readLong(column, 8);
  }

  void setForeignKeyTreeRoot(int column, long root) {
    writeLong(column, 8, root);
  }

  long nextAutoIncrement(int column) {
    return readLong(column, 16);
  }

  void setNextAutoIncrement(int column, long next) {
    writeLong(column, 16, next);
  }

  private long readLong(int column, int field) {
    byte[] bytes = new byte[8];
    pages.read(pageId, offset(column, field), bytes, 0, 8);
    return LittleEndian.getLong(bytes, 0);
  }

  private void writeLong(int column, int field, long value) {
    byte[] bytes = new byte[8];
    LittleEndian.putLong(bytes, 0, value);
    pages.write(pageId, offset(column, field), bytes, 0, 8);
  }

  private int offset(int column, int field) {
    if (column < 0 || column >= columns) {
      throw new IllegalArgumentException("column " + column + " of " + columns);
    }
    return HEADER + column * PER_COLUMN + field;
  }
}
