package org.wasmdbms.memory.page;

import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;

/**
 * Reads records of a {@link RecordStore} one after another by id, as a scan in key order does,
 * handing out each record as a region of a buffer ({@link #bytes()}, {@link #offset()}, {@link
 * #length()}) instead of a new array. Obtained from {@link RecordStore#reader()}.
 *
 * <p>Why: a scan in key order over rows inserted in key order meets the records of one page one
 * after another. {@link RecordStore#read} reads the page header, the slot and the payload of each
 * (three page-store reads and as many arrays); this reader keeps the header of the page of the
 * previous record, and once {@value #SEQUENTIAL_RECORDS} records in a row came from one page it
 * copies that page whole, once, and finds the page's following records in the copy without reading
 * the page store at all. A short run (a LIMIT 10) or a scan in random page order never pays for the
 * copy. A record stored elsewhere (a forward to a moved body, an overflow chain) is read through
 * {@link RecordStore#read}.
 *
 * <p>Every header, slot, offset and length is validated as {@link RecordStore#read} validates it,
 * whether it comes from the page store or from the copy; an id that names no record is a {@link
 * MemoryException}. The copy and the remembered header are dropped whenever the store has been
 * changed since they were read, so a reader used across a change reads the current bytes.
 *
 * <p>A region handed out is valid until the next {@link #read}; the caller must not change it. Not
 * thread-safe.
 */
public final class RecordReader {
  /** Records in a row from one page after which the reader copies the page whole. */
  static final int SEQUENTIAL_RECORDS = 16;

  private final RecordStore store;
  private final Pager pager;
  private final byte[] entry = new byte[DataPage.SLOT];
  private DataPage page;
  private long seenChanges;
  private int recordsOnPage;
  private byte[] image;
  private boolean imageHolds;
  private byte[] scratch;
  private byte[] bytes;
  private int offset;
  private int length;

  RecordReader(RecordStore store, Pager pager) {
    this.store = store;
    this.pager = pager;
  }

  /**
   * Reads record {@code recordId}; {@link #bytes()}, {@link #offset()} and {@link #length()} then
   * describe it.
   *
   * @throws MemoryException if no record has that id or the storage is corrupt
   */
  public void read(long recordId) {
    long pageId = recordId >>> RecordStore.SLOT_BITS;
    int index = (int) (recordId & ((1 << RecordStore.SLOT_BITS) - 1));
    if (page == null || page.pageId != pageId || seenChanges != store.changes()) {
      enter(pageId);
    }
    if (!imageHolds && ++recordsOnPage >= SEQUENTIAL_RECORDS) {
      copyPage();
    }
    if (index >= page.slotCount) {
      throw new MemoryException("no record with id " + recordId);
    }
    byte[] slots = entry;
    int at = 0;
    if (imageHolds) {
      slots = image;
      at = DataPage.HEADER + DataPage.SLOT * index;
    } else {
      pager.read(pageId, DataPage.HEADER + DataPage.SLOT * index, entry, 0, DataPage.SLOT);
    }
    int kind = slots[at] & 0xFF;
    int storage = slots[at + 1] & 0xFF;
    int payloadAt = LittleEndian.getU16(slots, at + 4);
    length = LittleEndian.getU16(slots, at + 6);
    page.checkSlot(index, kind, storage, payloadAt, length);
    if (kind != DataPage.KIND_HOME || storage != DataPage.INLINE) {
      // A forward, an overflow pointer or no record at all: the store resolves or refuses it.
      bytes = store.read(recordId);
      offset = 0;
      length = bytes.length;
      return;
    }
    if (imageHolds) {
      bytes = image;
      offset = payloadAt;
      return;
    }
    if (scratch == null || scratch.length < length) {
      scratch = new byte[Math.max(length, 256)];
    }
    pager.read(pageId, payloadAt, scratch, 0, length);
    bytes = scratch;
    offset = 0;
  }

  /** The buffer holding the record last read. */
  public byte[] bytes() {
    return bytes;
  }

  /** Where the record last read starts in {@link #bytes()}. */
  public int offset() {
    return offset;
  }

  /** The length of the record last read. */
  public int length() {
    return length;
  }

  private void enter(long pageId) {
    page = null;
    imageHolds = false;
    recordsOnPage = 0;
    seenChanges = store.changes();
    page = DataPage.load(pager, pageId);
  }

  private void copyPage() {
    if (image == null) {
      image = new byte[PageStore.PAGE_SIZE];
    }
    pager.read(page.pageId, 0, image, 0, image.length);
    page = DataPage.parse(page.pageId, image);
    imageHolds = true;
  }
}
