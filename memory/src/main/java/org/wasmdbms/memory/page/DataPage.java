package org.wasmdbms.memory.page;

import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.PageStore;

/**
 * One slotted data page of a table: a header, a slot directory growing up from the header and
 * payloads growing down from the page end. Instances hold the decoded header; changes to the
 * counters are written back by {@link #store(Pager)}.
 *
 * <pre>
 * offset size field
 *      0    4 tag: ASCII "TDAT"
 *      4    4 table id (u32)
 *      8    8 previous page of the table's chain (u64), 0 on the first
 *     16    8 next page of the table's chain (u64), 0 on the last
 *     24    4 slot count n (u32): slots 0..n-1 exist
 *     28    4 content start (u32): payloads occupy [content start, 65536)
 *     32    4 live bytes (u32): space taken by the payloads of non-free slots
 *     36    4 live slots (u32): non-free slots
 *     40    4 free-slot hint (u32): no free slot has a lower index
 *     44    4 reserved, zero
 *     48  8*n slot directory
 * </pre>
 *
 * <p>A slot (8 bytes): kind (u8: 0 free, 1 home, 2 forward, 3 moved), storage (u8: 0 inline, 1
 * overflow), two reserved zero bytes, payload offset in the page (u16), payload length (u16). A
 * payload takes {@code max(length, 8)} bytes so that any slot can later be turned into an 8-byte
 * forward in place. A <i>home</i> slot holds a record (inline bytes, or for overflow storage a
 * 12-byte pointer: first chain page u64, record length u32); a <i>forward</i> slot holds the 8-byte
 * id of the <i>moved</i> slot elsewhere that holds the record's body. Free slots are all zero.
 *
 * <p>Space between the slot directory and the content start is free; space freed inside the content
 * area is reclaimed by {@link #compact} when a payload needs it.
 */
final class DataPage {
  static final int HEADER = 48;
  static final int SLOT = 8;
  static final int MIN_PAYLOAD = 8;
  static final int MAX_SLOTS = (PageStore.PAGE_SIZE - HEADER) / SLOT;
  static final int KIND_FREE = 0;
  static final int KIND_HOME = 1;
  static final int KIND_FORWARD = 2;
  static final int KIND_MOVED = 3;
  static final int INLINE = 0;
  static final int OVERFLOW = 1;
  static final int OVERFLOW_POINTER = 12;
  static final int FORWARD_POINTER = 8;

  private static final int PAGE = PageStore.PAGE_SIZE;
  private static final int TAG = LittleEndian.tag("TDAT");

  /** A decoded, validated slot entry. */
  record Slot(int kind, int storage, int offset, int length) {
    int allocated() {
      return DataPage.allocated(length);
    }
  }

  final long pageId;
  final int tableId;
  long prev;
  long next;
  int slotCount;
  int contentStart;
  int liveBytes;
  int liveSlots;
  int freeSlotHint;

  private DataPage(long pageId, int tableId, long prev, long next) {
    this.pageId = pageId;
    this.tableId = tableId;
    this.prev = prev;
    this.next = next;
    this.contentStart = PAGE;
  }

  /** The space a payload of {@code length} bytes takes in a page. */
  static int allocated(int length) {
    return Math.max(length, MIN_PAYLOAD);
  }

  /** Writes an empty data page header to {@code pageId}. */
  static DataPage format(Pager pager, long pageId, int tableId, long prev, long next) {
    DataPage page = new DataPage(pageId, tableId, prev, next);
    page.store(pager);
    return page;
  }

  /** Reads and validates the header of data page {@code pageId}. */
  static DataPage load(Pager pager, long pageId) {
    checkPageId(pager, pageId);
    byte[] header = new byte[HEADER];
    pager.read(pageId, 0, header, 0, HEADER);
    return parse(pageId, header);
  }

  /** Validates that {@code pageId} names an allocated page other than the header. */
  static void checkPageId(Pager pager, long pageId) {
    if (pageId < 1 || !pager.exists(pageId) || pager.isFree(pageId)) {
      throw new MemoryException("no data page " + pageId);
    }
  }

  /** Decodes and validates a header from {@code bytes[0..HEADER)}. */
  static DataPage parse(long pageId, byte[] bytes) {
    if (LittleEndian.getInt(bytes, 0) != TAG) {
      throw new MemoryException("page " + pageId + " is not a data page");
    }
    DataPage page =
        new DataPage(
            pageId,
            LittleEndian.getInt(bytes, 4),
            LittleEndian.getLong(bytes, 8),
            LittleEndian.getLong(bytes, 16));
    page.slotCount = LittleEndian.getInt(bytes, 24);
    page.contentStart = LittleEndian.getInt(bytes, 28);
    page.liveBytes = LittleEndian.getInt(bytes, 32);
    page.liveSlots = LittleEndian.getInt(bytes, 36);
    page.freeSlotHint = LittleEndian.getInt(bytes, 40);
    if (page.tableId < 0
        || page.slotCount < 0
        || page.slotCount > MAX_SLOTS
        || page.contentStart < HEADER + SLOT * page.slotCount
        || page.contentStart > PAGE
        || page.liveBytes < 0
        || page.liveBytes > PAGE - page.contentStart
        || page.liveSlots < 0
        || page.liveSlots > page.slotCount
        || page.freeSlotHint < 0
        || page.freeSlotHint > page.slotCount) {
      throw new MemoryException("corrupt header in data page " + pageId);
    }
    return page;
  }

  /** Writes the header back. */
  void store(Pager pager) {
    byte[] header = new byte[HEADER];
    LittleEndian.putInt(header, 0, TAG);
    LittleEndian.putInt(header, 4, tableId);
    LittleEndian.putLong(header, 8, prev);
    LittleEndian.putLong(header, 16, next);
    LittleEndian.putInt(header, 24, slotCount);
    LittleEndian.putInt(header, 28, contentStart);
    LittleEndian.putInt(header, 32, liveBytes);
    LittleEndian.putInt(header, 36, liveSlots);
    LittleEndian.putInt(header, 40, freeSlotHint);
    pager.write(pageId, 0, header, 0, HEADER);
  }

  /** Free bytes in the page, whether contiguous or not. */
  int freeBytes() {
    return PAGE - HEADER - SLOT * slotCount - liveBytes;
  }

  /** Reads and validates slot {@code index}. */
  Slot slot(Pager pager, int index) {
    if (index < 0 || index >= slotCount) {
      throw new MemoryException("no slot " + index + " in data page " + pageId);
    }
    byte[] entry = new byte[SLOT];
    pager.read(pageId, HEADER + SLOT * index, entry, 0, SLOT);
    return decodeSlot(entry, 0, index);
  }

  /** Decodes and validates the slot entry at {@code bytes[at..at+8)}. */
  Slot decodeSlot(byte[] bytes, int at, int index) {
    int kind = bytes[at] & 0xFF;
    int storage = bytes[at + 1] & 0xFF;
    int offset = LittleEndian.getU16(bytes, at + 4);
    int length = LittleEndian.getU16(bytes, at + 6);
    checkSlot(index, kind, storage, offset, length);
    return new Slot(kind, storage, offset, length);
  }

  /** Checks the fields of slot {@code index} against the layout rules. */
  void checkSlot(int index, int kind, int storage, int offset, int length) {
    boolean valid =
        switch (kind) {
          case KIND_FREE -> storage == 0 && offset == 0 && length == 0;
          case KIND_FORWARD ->
              storage == INLINE && length == FORWARD_POINTER && fits(offset, length);
          case KIND_HOME, KIND_MOVED ->
              (storage == INLINE && length <= RecordStore.MAX_INLINE_SIZE
                      || storage == OVERFLOW && length == OVERFLOW_POINTER)
                  && fits(offset, length);
          default -> false;
        };
    if (!valid) {
      throw new MemoryException("corrupt slot " + index + " in data page " + pageId);
    }
  }

  private boolean fits(int offset, int length) {
    return offset >= contentStart && offset <= PAGE - allocated(length);
  }

  /** Reads the payload of a non-free slot. */
  byte[] payload(Pager pager, Slot slot) {
    byte[] payload = new byte[slot.length];
    pager.read(pageId, slot.offset, payload, 0, slot.length);
    return payload;
  }

  /**
   * Picks the slot for a new payload: the lowest free slot, or {@link #slotCount} to append one.
   * Moves the free-slot hint past the returned slot.
   */
  int takeSlot(Pager pager) {
    if (liveSlots == slotCount) {
      freeSlotHint = slotCount;
      return slotCount;
    }
    byte[] entries = new byte[SLOT * 64];
    for (int first = freeSlotHint; first < slotCount; first += 64) {
      int count = Math.min(64, slotCount - first);
      pager.read(pageId, HEADER + SLOT * first, entries, 0, SLOT * count);
      for (int i = 0; i < count; i++) {
        if (entries[SLOT * i] == KIND_FREE) {
          freeSlotHint = first + i + 1;
          return first + i;
        }
      }
    }
    throw new MemoryException("corrupt data page " + pageId + ": free slot count is wrong");
  }

  /**
   * Stores {@code payload} in slot {@code index} (an existing slot whose old payload is already
   * subtracted from the counters, or {@link #slotCount} to append a slot), compacting the page
   * first if the free space is not contiguous. The caller has checked that the page has room.
   */
  void put(Pager pager, int index, int kind, int storage, byte[] payload) {
    int size = allocated(payload.length);
    boolean append = index == slotCount;
    if (contentStart - HEADER - SLOT * slotCount < size + (append ? SLOT : 0)) {
      compact(pager, index);
    }
    if (append) {
      slotCount++;
      freeSlotHint = slotCount;
    }
    contentStart -= size;
    pager.write(pageId, contentStart, payload, 0, payload.length);
    writeSlot(pager, index, kind, storage, contentStart, payload.length);
    liveBytes += size;
    liveSlots++;
  }

  /**
   * Replaces the payload of slot {@code index} where it lies; {@code payload} must not need more
   * space than the old one.
   */
  void replaceInPlace(Pager pager, int index, Slot old, int kind, int storage, byte[] payload) {
    pager.write(pageId, old.offset, payload, 0, payload.length);
    writeSlot(pager, index, kind, storage, old.offset, payload.length);
    liveBytes -= old.allocated() - allocated(payload.length);
  }

  /** Subtracts a slot's payload from the counters, before the slot gets a new payload. */
  void forget(Slot slot) {
    liveBytes -= slot.allocated();
    liveSlots--;
  }

  /** Frees slot {@code index}, dropping trailing free slots from the directory. */
  void release(Pager pager, int index, Slot slot) {
    forget(slot);
    pager.write(pageId, HEADER + SLOT * index, new byte[SLOT], 0, SLOT);
    freeSlotHint = Math.min(freeSlotHint, index);
    if (index == slotCount - 1) {
      slotCount--;
      while (slotCount > 0 && slot(pager, slotCount - 1).kind() == KIND_FREE) {
        slotCount--;
      }
      freeSlotHint = Math.min(freeSlotHint, slotCount);
    }
  }

  private void writeSlot(Pager pager, int index, int kind, int storage, int offset, int length) {
    byte[] entry = new byte[SLOT];
    entry[0] = (byte) kind;
    entry[1] = (byte) storage;
    LittleEndian.putU16(entry, 4, offset);
    LittleEndian.putU16(entry, 6, length);
    pager.write(pageId, HEADER + SLOT * index, entry, 0, SLOT);
  }

  /**
   * Rewrites the page with all payloads packed against its end, leaving slot {@code skip} without
   * payload (it is free, or about to get a new one).
   */
  private void compact(Pager pager, int skip) {
    byte[] image = new byte[PAGE];
    pager.read(pageId, 0, image, 0, PAGE);
    byte[] packed = new byte[PAGE];
    int directoryEnd = HEADER + SLOT * slotCount;
    System.arraycopy(image, 0, packed, 0, directoryEnd);
    int end = PAGE;
    for (int i = 0; i < slotCount; i++) {
      int at = HEADER + SLOT * i;
      Slot slot = decodeSlot(image, at, i);
      if (slot.kind() == KIND_FREE || i == skip) {
        continue;
      }
      end -= slot.allocated();
      if (end < directoryEnd) {
        throw new MemoryException("corrupt data page " + pageId + ": payloads overlap");
      }
      System.arraycopy(image, slot.offset(), packed, end, slot.length());
      LittleEndian.putU16(packed, at + 4, end);
    }
    contentStart = end;
    pager.write(pageId, 0, packed, 0, PAGE);
  }
}
