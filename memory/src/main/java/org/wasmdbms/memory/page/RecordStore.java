package org.wasmdbms.memory.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;

/**
 * Opaque records of tables, stored in slotted {@link DataPage data pages} on a {@link Pager}.
 *
 * <p><b>Tables.</b> A table is a number in {@code [0, MAX_TABLES)} (the {@link Catalog} hands them
 * out). Its records live in a doubly linked chain of data pages recorded in the {@link
 * TableDirectory}; the chain grows a page at a time with no fixed cap, and a page whose last record
 * is deleted is unlinked and returned to the pager's free list.
 *
 * <p><b>Record ids</b> are {@code pageId << 16 | slot} and stay valid until the record is deleted:
 * {@link #overwrite} keeps the id. When a longer record no longer fits in its page, the body moves
 * to another page and the original slot becomes a forward to it; there is never more than one hop,
 * and the forward is resolved again on every later overwrite (moving the body back home when it
 * fits again).
 *
 * <p><b>Sizes.</b> Records up to {@value #MAX_INLINE_SIZE} bytes are stored inside data pages;
 * larger ones, up to {@value #MAX_RECORD_SIZE} bytes (64 MiB), are stored in a chain of overflow
 * pages ({@link BlobChain}) and the slot keeps a pointer. Larger records are refused with a {@link
 * ConstraintViolationException}.
 *
 * <p><b>Free space.</b> A new record goes to the fullest page of its table that still has room
 * (tracked in memory, see {@link TableChain}), so the space of deleted records is reused, and only
 * then to a new page.
 *
 * <p>Every offset and length read from a page is validated before use; a corrupt structure is a
 * {@link MemoryException}. Not thread-safe.
 */
public final class RecordStore {
  /** The largest record, in bytes: 64 MiB. */
  public static final int MAX_RECORD_SIZE = 64 << 20;

  /** Records up to this size are stored inline in a data page; larger ones in overflow pages. */
  public static final int MAX_INLINE_SIZE = PageStore.PAGE_SIZE / 4;

  /** Table ids are in {@code [0, MAX_TABLES)}. */
  public static final int MAX_TABLES = TableDirectory.MAX_PAGES * TableDirectory.ENTRIES_PER_PAGE;

  static final int SLOT_BITS = 16;

  private final Pager pager;
  private final TableDirectory directory;
  // By table id (ids are handed out from 0 up): every record call finds its table here.
  private TableChain[] tables = new TableChain[8];

  // Counts the calls that may change pages, so a RecordReader knows when its copy is stale.
  private long changes;

  /**
   * Opens the record store of {@code pager}'s database.
   *
   * @throws MemoryException if the table directory is corrupt
   */
  public RecordStore(Pager pager) {
    this.pager = pager;
    this.directory = new TableDirectory(pager);
  }

  /** A located live slot: its page, index and decoded entry. */
  private record Location(DataPage page, int index, DataPage.Slot slot) {}

  /**
   * Stores a new record in table {@code tableId}.
   *
   * @return the record's id, valid until it is deleted
   * @throws ConstraintViolationException if the record is larger than {@link #MAX_RECORD_SIZE}
   * @throws MemoryException if the table id is out of range, storage is exhausted or corrupt
   */
  public long insert(int tableId, byte[] record) {
    changes++;
    checkSize(record);
    TableChain table = indexedTable(tableId);
    int storage = storageFor(record);
    byte[] payload = encodeBody(record);
    try {
      return place(table, DataPage.KIND_HOME, storage, payload);
    } catch (MemoryException e) {
      releaseBody(storage, payload);
      throw e;
    }
  }

  /**
   * The bytes of record {@code recordId}.
   *
   * @throws MemoryException if no record has that id or the storage is corrupt
   */
  public byte[] read(long recordId) {
    Location home = locate(recordId);
    if (home.slot().kind() == DataPage.KIND_FORWARD) {
      Location body = locateMoved(LittleEndian.getLong(home.page().payload(pager, home.slot()), 0));
      return decodeBody(body.page(), body.slot());
    }
    return decodeBody(home.page(), home.slot());
  }

  /**
   * Replaces the bytes of record {@code recordId}; the id stays valid.
   *
   * @throws ConstraintViolationException if the record is larger than {@link #MAX_RECORD_SIZE}
   * @throws MemoryException if no record has that id, storage is exhausted or corrupt
   */
  public void overwrite(long recordId, byte[] record) {
    changes++;
    checkSize(record);
    Location home = locate(recordId);
    TableChain table = indexedTable(home.page().tableId);
    DataPage page = home.page();
    DataPage.Slot old = home.slot();
    byte[] oldPayload = page.payload(pager, old);
    checkBody(old, oldPayload);
    int storage = storageFor(record);
    byte[] payload = encodeBody(record);
    int freeBefore = page.freeBytes();
    int size = DataPage.allocated(payload.length);
    if (size <= old.allocated()) {
      page.replaceInPlace(pager, home.index(), old, DataPage.KIND_HOME, storage, payload);
    } else if (size <= freeBefore + old.allocated()) {
      page.forget(old);
      page.put(pager, home.index(), DataPage.KIND_HOME, storage, payload);
    } else {
      long target;
      try {
        target = place(table, DataPage.KIND_MOVED, storage, payload);
      } catch (MemoryException e) {
        releaseBody(storage, payload);
        throw e;
      }
      // Appending a page for the body may have relinked this page: work on a fresh header.
      page = DataPage.load(pager, page.pageId);
      freeBefore = page.freeBytes();
      byte[] forward = new byte[DataPage.FORWARD_POINTER];
      LittleEndian.putLong(forward, 0, target);
      page.replaceInPlace(
          pager, home.index(), old, DataPage.KIND_FORWARD, DataPage.INLINE, forward);
    }
    saveHeader(table, page, freeBefore);
    releaseOldBody(old, oldPayload);
    table.modifications++;
  }

  /**
   * Deletes record {@code recordId}, freeing its space.
   *
   * @throws MemoryException if no record has that id or the storage is corrupt
   */
  public void delete(long recordId) {
    changes++;
    Location home = locate(recordId);
    TableChain table = table(home.page().tableId);
    DataPage page = home.page();
    byte[] oldPayload = page.payload(pager, home.slot());
    checkBody(home.slot(), oldPayload);
    int freeBefore = page.freeBytes();
    page.release(pager, home.index(), home.slot());
    saveHeader(table, page, freeBefore);
    releaseOldBody(home.slot(), oldPayload);
    table.modifications++;
  }

  /**
   * A reader for a run of {@link #read}s by id that hands out each record as a region of a buffer
   * instead of a copy, and reads consecutive records of one page from one copy of the page (see
   * {@link RecordReader}).
   */
  public RecordReader reader() {
    return new RecordReader(this, pager);
  }

  /** Counts the calls that may have changed pages of this store (see {@link RecordReader}). */
  long changes() {
    return changes;
  }

  /**
   * A cursor over every record of table {@code tableId}, in chain order (page by page, slot by
   * slot): the same order on every scan of an unchanged table. The cursor fails with a {@link
   * MemoryException} if the table is changed while it is in use; collect ids first to modify.
   *
   * @throws MemoryException if the table id is out of range
   */
  public RecordCursor scan(int tableId) {
    return new RecordCursor(this, table(tableId));
  }

  /**
   * Deletes every record of table {@code tableId} and frees all its pages. The whole table,
   * overflow chains included, is checked before anything is freed.
   *
   * @throws MemoryException if the table id is out of range or its pages are corrupt
   */
  public void dropTable(int tableId) {
    changes++;
    TableChain table = table(tableId);
    List<Long> pages = chainPages(table);
    List<byte[]> overflowPointers = new ArrayList<>();
    for (long pageId : pages) {
      collectOverflowPointers(pageId, overflowPointers);
    }
    for (byte[] pointer : overflowPointers) {
      BlobChain.check(pager, LittleEndian.getLong(pointer, 0), overflowLength(pointer));
    }
    for (byte[] pointer : overflowPointers) {
      releaseBody(DataPage.OVERFLOW, pointer);
    }
    for (long pageId : pages) {
      pager.free(pageId);
    }
    table.first = 0;
    table.last = 0;
    if (table.indexed()) {
      table.startIndex();
    }
    directory.set(tableId, 0, 0);
    table.modifications++;
  }

  /** The chain of pages of {@code table}, checked for loops and foreign pages. */
  private List<Long> chainPages(TableChain table) {
    List<Long> pages = new ArrayList<>();
    long pageId = table.first;
    long previous = 0;
    while (pageId != 0) {
      DataPage page = loadOwned(table, pageId, pages.size());
      if (page.prev != previous) {
        throw new MemoryException("corrupt chain of table " + table.tableId + " at " + pageId);
      }
      pages.add(pageId);
      previous = pageId;
      pageId = page.next;
    }
    if (previous != table.last) {
      throw new MemoryException("corrupt chain of table " + table.tableId + ": wrong last page");
    }
    return pages;
  }

  private DataPage loadOwned(TableChain table, long pageId, long visited) {
    DataPage page = DataPage.load(pager, pageId);
    checkOwned(table, page, visited);
    return page;
  }

  /** Checks that the {@code visited}-th page of a chain walk belongs to {@code table}. */
  private void checkOwned(TableChain table, DataPage page, long visited) {
    if (visited >= pager.pageCount()) {
      throw new MemoryException("corrupt chain of table " + table.tableId + ": it loops");
    }
    if (page.tableId != table.tableId) {
      throw new MemoryException(
          "corrupt chain of table "
              + table.tableId
              + ": page "
              + page.pageId
              + " is another table's");
    }
  }

  private void collectOverflowPointers(long pageId, List<byte[]> pointers) {
    DataPage page = DataPage.load(pager, pageId);
    for (int i = 0; i < page.slotCount; i++) {
      DataPage.Slot slot = page.slot(pager, i);
      if (slot.storage() == DataPage.OVERFLOW) {
        pointers.add(page.payload(pager, slot));
      }
    }
  }

  /**
   * Reads the records of data page {@code pageId} of {@code table} into the lists (home ids and
   * bytes, forwards resolved, moved bodies skipped).
   *
   * @return the next page of the chain, 0 after the last
   */
  long readPage(TableChain table, long pageId, long visited, List<Long> ids, List<byte[]> records) {
    DataPage.checkPageId(pager, pageId);
    byte[] image = new byte[PageStore.PAGE_SIZE];
    pager.read(pageId, 0, image, 0, image.length);
    DataPage page = DataPage.parse(pageId, image);
    checkOwned(table, page, visited);
    for (int i = 0; i < page.slotCount; i++) {
      DataPage.Slot slot = page.decodeSlot(image, DataPage.HEADER + DataPage.SLOT * i, i);
      byte[] record;
      if (slot.kind() == DataPage.KIND_HOME) {
        record = decodeBody(slot, copyPayload(image, slot));
      } else if (slot.kind() == DataPage.KIND_FORWARD) {
        Location body = locateMoved(LittleEndian.getLong(image, slot.offset()));
        record = decodeBody(body.page(), body.slot());
      } else {
        continue;
      }
      ids.add(pageId << SLOT_BITS | i);
      records.add(record);
    }
    return page.next;
  }

  private static byte[] copyPayload(byte[] image, DataPage.Slot slot) {
    byte[] payload = new byte[slot.length()];
    System.arraycopy(image, slot.offset(), payload, 0, slot.length());
    return payload;
  }

  /** The in-memory state of table {@code tableId}, loaded from the directory on first use. */
  TableChain table(int tableId) {
    if (tableId < 0 || tableId >= MAX_TABLES) {
      throw new MemoryException("table id " + tableId + " is outside [0, " + MAX_TABLES + ")");
    }
    if (tableId >= tables.length) {
      tables = Arrays.copyOf(tables, Math.max(tableId + 1, 2 * tables.length));
    }
    TableChain table = tables[tableId];
    if (table == null) {
      long[] ends = directory.get(tableId);
      table = new TableChain(tableId, ends[0], ends[1]);
      tables[tableId] = table;
    }
    return table;
  }

  private TableChain indexedTable(int tableId) {
    TableChain table = table(tableId);
    if (!table.indexed()) {
      List<Long> pages = chainPages(table);
      table.startIndex();
      for (long pageId : pages) {
        table.track(pageId, DataPage.load(pager, pageId).freeBytes());
      }
    }
    return table;
  }

  private static void checkSize(byte[] record) {
    Objects.requireNonNull(record, "record");
    if (record.length > MAX_RECORD_SIZE) {
      throw new ConstraintViolationException(
          "record of " + record.length + " bytes exceeds the maximum of " + MAX_RECORD_SIZE);
    }
  }

  private static int storageFor(byte[] record) {
    return record.length > MAX_INLINE_SIZE ? DataPage.OVERFLOW : DataPage.INLINE;
  }

  /** The slot payload for a record: the record itself, or a pointer to a new overflow chain. */
  private byte[] encodeBody(byte[] record) {
    if (storageFor(record) == DataPage.INLINE) {
      return record;
    }
    long first = BlobChain.write(pager, record);
    byte[] pointer = new byte[DataPage.OVERFLOW_POINTER];
    LittleEndian.putLong(pointer, 0, first);
    LittleEndian.putInt(pointer, 8, record.length);
    return pointer;
  }

  private byte[] decodeBody(DataPage page, DataPage.Slot slot) {
    return decodeBody(slot, page.payload(pager, slot));
  }

  private byte[] decodeBody(DataPage.Slot slot, byte[] payload) {
    if (slot.storage() == DataPage.INLINE) {
      return payload;
    }
    int length = overflowLength(payload);
    return BlobChain.read(pager, LittleEndian.getLong(payload, 0), length);
  }

  private static int overflowLength(byte[] pointer) {
    int length = LittleEndian.getInt(pointer, 8);
    if (length <= MAX_INLINE_SIZE || length > MAX_RECORD_SIZE) {
      throw new MemoryException("corrupt overflow pointer: record length " + length);
    }
    return length;
  }

  private void releaseBody(int storage, byte[] payload) {
    if (storage == DataPage.OVERFLOW) {
      BlobChain.free(pager, LittleEndian.getLong(payload, 0), overflowLength(payload));
    }
  }

  /**
   * Checks what a home slot's content points to (overflow chain, moved body) before anything is
   * changed, so that a corrupt record fails without a partial change.
   */
  private void checkBody(DataPage.Slot slot, byte[] payload) {
    if (slot.kind() == DataPage.KIND_FORWARD) {
      Location body = locateMoved(LittleEndian.getLong(payload, 0));
      checkBody(body.slot(), body.page().payload(pager, body.slot()));
    } else if (slot.storage() == DataPage.OVERFLOW) {
      BlobChain.check(pager, LittleEndian.getLong(payload, 0), overflowLength(payload));
    }
  }

  /**
   * Frees what the previous content of a home slot pointed to, once the slot no longer does: an
   * overflow chain, or the moved body a forward pointed to.
   */
  private void releaseOldBody(DataPage.Slot old, byte[] oldPayload) {
    if (old.kind() != DataPage.KIND_FORWARD) {
      releaseBody(old.storage(), oldPayload);
      return;
    }
    Location body = locateMoved(LittleEndian.getLong(oldPayload, 0));
    DataPage page = body.page();
    TableChain table = table(page.tableId);
    int freeBefore = page.freeBytes();
    byte[] payload = page.payload(pager, body.slot());
    page.release(pager, body.index(), body.slot());
    saveHeader(table, page, freeBefore);
    releaseBody(body.slot().storage(), payload);
  }

  /** Places a payload in a page of {@code table} with room, appending a page if none has. */
  private long place(TableChain table, int kind, int storage, byte[] payload) {
    int needed = DataPage.allocated(payload.length) + DataPage.SLOT;
    long pageId = table.pageWithRoom(needed);
    DataPage page = pageId == 0 ? appendPage(table) : DataPage.load(pager, pageId);
    if (page.freeBytes() < needed) {
      throw new MemoryException("corrupt free-space index for page " + page.pageId);
    }
    int freeBefore = page.freeBytes();
    int index = page.takeSlot(pager);
    page.put(pager, index, kind, storage, payload);
    saveHeader(table, page, freeBefore);
    table.modifications++;
    return page.pageId << SLOT_BITS | index;
  }

  private DataPage appendPage(TableChain table) {
    directory.reserve(table.tableId);
    long pageId = pager.allocate();
    DataPage page = DataPage.format(pager, pageId, table.tableId, table.last, 0);
    if (table.last != 0) {
      DataPage last = DataPage.load(pager, table.last);
      last.next = pageId;
      last.store(pager);
    } else {
      table.first = pageId;
    }
    table.last = pageId;
    directory.set(table.tableId, table.first, table.last);
    table.track(pageId, page.freeBytes());
    return page;
  }

  /**
   * Writes a changed page header and updates the free-space index, or, when the page holds no
   * record any more, unlinks it from the chain and frees it.
   */
  private void saveHeader(TableChain table, DataPage page, int freeBefore) {
    table.untrack(page.pageId, freeBefore);
    if (page.liveSlots > 0) {
      page.store(pager);
      table.track(page.pageId, page.freeBytes());
      return;
    }
    if (page.prev != 0) {
      DataPage prev = DataPage.load(pager, page.prev);
      prev.next = page.next;
      prev.store(pager);
    } else {
      table.first = page.next;
    }
    if (page.next != 0) {
      DataPage next = DataPage.load(pager, page.next);
      next.prev = page.prev;
      next.store(pager);
    } else {
      table.last = page.prev;
    }
    directory.set(table.tableId, table.first, table.last);
    pager.free(page.pageId);
  }

  /** The live home or forward slot of {@code recordId}. */
  private Location locate(long recordId) {
    Location location = slotOf(recordId);
    int kind = location.slot().kind();
    if (kind != DataPage.KIND_HOME && kind != DataPage.KIND_FORWARD) {
      throw new MemoryException("no record with id " + recordId);
    }
    return location;
  }

  private Location locateMoved(long bodyId) {
    Location location = slotOf(bodyId);
    if (location.slot().kind() != DataPage.KIND_MOVED) {
      throw new MemoryException("corrupt forward: record body " + bodyId + " is missing");
    }
    return location;
  }

  private Location slotOf(long recordId) {
    long pageId = recordId >>> SLOT_BITS;
    int index = (int) (recordId & ((1 << SLOT_BITS) - 1));
    if (recordId < 0 || pageId < 1 || !pager.exists(pageId) || pager.isFree(pageId)) {
      throw new MemoryException("no record with id " + recordId);
    }
    DataPage page = DataPage.load(pager, pageId);
    if (index >= page.slotCount) {
      throw new MemoryException("no record with id " + recordId);
    }
    return new Location(page, index, page.slot(pager, index));
  }
}
