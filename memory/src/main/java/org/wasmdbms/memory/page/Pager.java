package org.wasmdbms.memory.page;

import java.util.Arrays;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.PageStore;

/**
 * The {@link PageStore} over a {@link MemoryProvider}: owns the file header in page 0 and the list
 * of free pages, and is the single path through which every page is written.
 *
 * <p><b>The write path.</b> Every byte written to the provider, by this class or by any structure
 * built on it, passes through the private method {@code writeThrough}. Crash safety lives one layer
 * down, in the provider: {@link org.wasmdbms.memory.journal.JournaledMemoryProvider} keeps the
 * writes of an atomic unit until {@link #commit()}. Page writes from outside go through {@link
 * #write(long, int, byte[], int, int)}, which refuses the reserved header page and free pages.
 * Between {@link #beginBatch()} and {@link #endBatch()} (a commit ends it too), those writes are
 * held in memory by a {@link PageBuffer}, which every read of this pager consults, and reach the
 * provider once per changed stretch of each page when the batch ends: the provider ends up with the
 * same bytes at the commit, through far fewer calls.
 *
 * <p><b>Header</b> (page 0, little-endian; the rest of page 0 is reserved and zero):
 *
 * <pre>
 * offset size field
 *      0    8 magic: ASCII "WDBMS" then 0x0D 0x0A 0x1A
 *      8    4 format version (u32), currently {@value #FORMAT_VERSION}
 *     12    4 page size in bytes (u32), 65536
 *     16    8 first free-list trunk page (u64), 0 when no page is free
 *     24    8 number of free pages (u64), trunk pages included
 *     32   64 eight root slots (u64 each), see {@link #root(int)}
 *     96    4 CRC32 of bytes 0..95
 * </pre>
 *
 * <p><b>Free list.</b> Free pages form a chain of trunk pages, each of which is itself a free page
 * that lists other free pages:
 *
 * <pre>
 * offset size field
 *      0    4 tag: ASCII "FREE"
 *      4    4 number of entries n (u32), at most {@value #TRUNK_CAPACITY}
 *      8    8 next trunk page (u64), 0 for the last trunk
 *     16  8*n free page ids (u64)
 * </pre>
 *
 * Freeing a page appends it to the first trunk, or makes it the new first trunk when that one is
 * full or there is none; allocating takes the last entry of the first trunk, or the trunk page
 * itself once it is empty. So the list grows and shrinks a page at a time, without a fixed cap.
 * Only when no page is free does {@link #allocate()} grow the provider.
 *
 * <p>Opening validates the header and walks the whole free list (bounded by the page count), so a
 * corrupt structure is reported as a {@link MemoryException} at open time.
 *
 * <p>Not thread-safe.
 */
public final class Pager implements PageStore {
  /** The current (and highest readable) format version. */
  public static final int FORMAT_VERSION = 1;

  /** How many root slots the header holds. */
  public static final int ROOT_SLOTS = 8;

  /** Root slot: first page of the catalog blob chain (0 when empty). */
  public static final int ROOT_CATALOG_PAGE = 0;

  /** Root slot: first page of the table directory (0 when no table has pages yet). */
  public static final int ROOT_TABLE_DIRECTORY = 1;

  /** Free-list entries per trunk page. */
  public static final int TRUNK_CAPACITY = (PAGE_SIZE - 16) / 8;

  private static final byte[] MAGIC = {'W', 'D', 'B', 'M', 'S', 0x0D, 0x0A, 0x1A};
  private static final int VERSION_OFFSET = 8;
  private static final int PAGE_SIZE_OFFSET = 12;
  private static final int FREE_HEAD_OFFSET = 16;
  private static final int FREE_COUNT_OFFSET = 24;
  private static final int ROOTS_OFFSET = 32;
  private static final int CRC_OFFSET = ROOTS_OFFSET + 8 * ROOT_SLOTS;
  private static final int HEADER_LENGTH = CRC_OFFSET + 4;
  private static final int TRUNK_TAG = LittleEndian.tag("FREE");
  private static final int TRUNK_ENTRIES_OFFSET = 16;
  private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];
  private static final int ZERO_GAP = 64;

  private final MemoryProvider provider;
  private final long[] roots = new long[ROOT_SLOTS];
  private final PageBitmap freePages = new PageBitmap();
  private long freeHead;
  private long freeCount;
  private byte[] scratch;
  private long writtenForZeroing;
  // Whether a write or growth happened since the last commit (see hasUncommittedWrites).
  private boolean uncommitted;
  // Holds the writes of a batch (see beginBatch); null before the first one.
  private PageBuffer buffer;
  private boolean batching;

  /** A page count the provider had at some point; it never shrinks, so every page below exists. */
  private long knownPages;

  private Pager(MemoryProvider provider) {
    this.provider = provider;
  }

  /**
   * Opens the page layer on {@code provider}: formats a provider with no pages, otherwise checks
   * the header and the free list. The pager owns the provider from now on.
   *
   * @throws MemoryException if the content is not a database of this format (foreign magic, newer
   *     format version, other page size, checksum mismatch, corrupt free list)
   */
  public static Pager open(MemoryProvider provider) {
    Pager pager = new Pager(provider);
    if (provider.pages() == 0) {
      provider.grow(1);
      pager.writeHeader();
    } else {
      pager.readHeader();
      pager.loadFreeList();
    }
    return pager;
  }

  private void readHeader() {
    byte[] header = new byte[HEADER_LENGTH];
    provider.read(0, header);
    for (int i = 0; i < MAGIC.length; i++) {
      if (header[i] != MAGIC[i]) {
        throw new MemoryException("not a wasm-dbms database: wrong magic bytes in the header");
      }
    }
    int version = LittleEndian.getInt(header, VERSION_OFFSET);
    if (version != FORMAT_VERSION) {
      throw new MemoryException(
          "unsupported format version "
              + (version & 0xFFFFFFFFL)
              + "; this build reads version "
              + FORMAT_VERSION
              + (version > FORMAT_VERSION || version < 0 ? " (the file is newer)" : ""));
    }
    int pageSize = LittleEndian.getInt(header, PAGE_SIZE_OFFSET);
    if (pageSize != PAGE_SIZE) {
      throw new MemoryException(
          "page size " + (pageSize & 0xFFFFFFFFL) + " in the header; this build uses " + PAGE_SIZE);
    }
    if (LittleEndian.getInt(header, CRC_OFFSET) != crc(header)) {
      throw new MemoryException("header checksum mismatch: the database header is corrupt");
    }
    freeHead = LittleEndian.getLong(header, FREE_HEAD_OFFSET);
    freeCount = LittleEndian.getLong(header, FREE_COUNT_OFFSET);
    for (int i = 0; i < ROOT_SLOTS; i++) {
      roots[i] = LittleEndian.getLong(header, ROOTS_OFFSET + 8 * i);
    }
  }

  private void loadFreeList() {
    long pages = provider.pages();
    long found = 0;
    long trunk = freeHead;
    while (trunk != 0) {
      markFreeWhileLoading(trunk, pages, "free-list trunk");
      found++;
      byte[] head = new byte[TRUNK_ENTRIES_OFFSET];
      provider.read(trunk * PAGE_SIZE, head);
      int count = LittleEndian.getInt(head, 4);
      if (LittleEndian.getInt(head, 0) != TRUNK_TAG || count < 0 || count > TRUNK_CAPACITY) {
        throw new MemoryException("corrupt free-list trunk page " + trunk);
      }
      byte[] entries = new byte[count * 8];
      provider.read(trunk * PAGE_SIZE + TRUNK_ENTRIES_OFFSET, entries);
      for (int i = 0; i < count; i++) {
        markFreeWhileLoading(LittleEndian.getLong(entries, 8 * i), pages, "free page");
      }
      found += count;
      trunk = LittleEndian.getLong(head, 8);
    }
    if (found != freeCount) {
      throw new MemoryException(
          "corrupt free list: header counts " + freeCount + " free pages, the list holds " + found);
    }
  }

  private void markFreeWhileLoading(long pageId, long pages, String what) {
    if (pageId < 1 || pageId >= pages) {
      throw new MemoryException("corrupt free list: " + what + " " + pageId + " out of range");
    }
    if (freePages.contains(pageId)) {
      throw new MemoryException("corrupt free list: page " + pageId + " listed twice");
    }
    freePages.add(pageId);
  }

  private void writeHeader() {
    byte[] header = new byte[HEADER_LENGTH];
    System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
    LittleEndian.putInt(header, VERSION_OFFSET, FORMAT_VERSION);
    LittleEndian.putInt(header, PAGE_SIZE_OFFSET, PAGE_SIZE);
    LittleEndian.putLong(header, FREE_HEAD_OFFSET, freeHead);
    LittleEndian.putLong(header, FREE_COUNT_OFFSET, freeCount);
    for (int i = 0; i < ROOT_SLOTS; i++) {
      LittleEndian.putLong(header, ROOTS_OFFSET + 8 * i, roots[i]);
    }
    LittleEndian.putInt(header, CRC_OFFSET, crc(header));
    writeThrough(0, 0, header, 0, HEADER_LENGTH);
  }

  private static int crc(byte[] header) {
    return Crc32.of(header, 0, CRC_OFFSET);
  }

  /**
   * The value of a header root slot: a page id or number a layer above keeps in the header so it
   * can find its structures again. Slots {@link #ROOT_CATALOG_PAGE} and {@link
   * #ROOT_TABLE_DIRECTORY} are taken; slots 2 to 7 are zero and free for later layers (index
   * directory, autoincrement counters, journal state).
   *
   * @throws MemoryException if {@code slot} is not in {@code [0, ROOT_SLOTS)}
   */
  public long root(int slot) {
    return roots[checkRootSlot(slot)];
  }

  /**
   * Sets a header root slot and writes the header.
   *
   * @throws MemoryException if {@code slot} is not in {@code [0, ROOT_SLOTS)}
   */
  public void setRoot(int slot, long value) {
    roots[checkRootSlot(slot)] = value;
    writeHeader();
  }

  private static int checkRootSlot(int slot) {
    if (slot < 0 || slot >= ROOT_SLOTS) {
      throw new MemoryException("no header root slot " + slot);
    }
    return slot;
  }

  @Override
  public long allocate() {
    if (freeHead == 0) {
      long pageId = provider.grow(1);
      uncommitted = true;
      return pageId;
    }
    long pageId;
    byte[] head = new byte[TRUNK_ENTRIES_OFFSET];
    readThrough(freeHead, 0, head, 0, head.length);
    int count = LittleEndian.getInt(head, 4);
    if (count > 0) {
      byte[] entry = new byte[8];
      readThrough(freeHead, TRUNK_ENTRIES_OFFSET + 8 * (count - 1), entry, 0, entry.length);
      pageId = LittleEndian.getLong(entry, 0);
      LittleEndian.putInt(head, 4, count - 1);
      writeThrough(freeHead, 4, head, 4, 4);
    } else {
      pageId = freeHead;
      freeHead = LittleEndian.getLong(head, 8);
    }
    zero(pageId);
    freePages.remove(pageId);
    freeCount--;
    writeHeader();
    return pageId;
  }

  @Override
  public void free(long pageId) {
    checkPage(pageId);
    if (pageId == 0) {
      throw new MemoryException("page 0 holds the database header and cannot be freed");
    }
    if (freePages.contains(pageId)) {
      throw new MemoryException("page " + pageId + " is already free");
    }
    byte[] head = new byte[TRUNK_ENTRIES_OFFSET];
    int count = TRUNK_CAPACITY;
    if (freeHead != 0) {
      readThrough(freeHead, 0, head, 0, head.length);
      count = LittleEndian.getInt(head, 4);
    }
    if (count < TRUNK_CAPACITY) {
      byte[] entry = new byte[8];
      LittleEndian.putLong(entry, 0, pageId);
      writeThrough(freeHead, TRUNK_ENTRIES_OFFSET + 8 * count, entry, 0, 8);
      LittleEndian.putInt(head, 4, count + 1);
      writeThrough(freeHead, 4, head, 4, 4);
    } else {
      LittleEndian.putInt(head, 0, TRUNK_TAG);
      LittleEndian.putInt(head, 4, 0);
      LittleEndian.putLong(head, 8, freeHead);
      writeThrough(pageId, 0, head, 0, TRUNK_ENTRIES_OFFSET);
      freeHead = pageId;
    }
    freePages.add(pageId);
    freeCount++;
    writeHeader();
  }

  /**
   * Zeros a page taken from the free list by writing zeros only over its stretches that are not
   * zero already: a freed page mostly is, and every byte written costs twice more below (the bytes
   * it overwrites are kept for snapshots, and the journal compares and logs them), so reusing a
   * page must not cost a 64 KiB write. A stretch starts at the next non-zero byte (found by one
   * comparison over the rest of the page: comparing each of the page's 1,024 blocks of {@value
   * #ZERO_GAP} bytes on its own made an insert into an empty table take 10 µs instead of 4), runs
   * over the aligned blocks that are not all zero, and ends at its last non-zero byte; stretches
   * with a whole zero block between them are separate writes.
   */
  private void zero(long pageId) {
    if (scratch == null) {
      scratch = new byte[PAGE_SIZE];
    }
    byte[] page = scratch;
    readThrough(pageId, 0, page, 0, PAGE_SIZE);
    int block = 0;
    while (block < PAGE_SIZE) {
      int skipped = Arrays.mismatch(page, block, PAGE_SIZE, ZERO_PAGE, block, PAGE_SIZE);
      if (skipped < 0) {
        break;
      }
      int start = block + skipped;
      int end = (start / ZERO_GAP + 1) * ZERO_GAP;
      while (end < PAGE_SIZE
          && Arrays.mismatch(page, end, end + ZERO_GAP, ZERO_PAGE, 0, ZERO_GAP) >= 0) {
        end += ZERO_GAP;
      }
      block = end;
      while (page[end - 1] == 0) {
        end--;
      }
      writeThrough(pageId, start, ZERO_PAGE, 0, end - start);
      writtenForZeroing += end - start;
    }
  }

  /**
   * How many bytes {@link #allocate()} has written to zero pages taken from the free list since
   * opening (for tests: reusing a page writes only what is not zero already).
   */
  public long bytesWrittenForZeroing() {
    return writtenForZeroing;
  }

  /** Whether {@code pageId} is currently on the free list. */
  public boolean isFree(long pageId) {
    return freePages.contains(pageId);
  }

  /** The number of pages on the free list. */
  public long freePageCount() {
    return freeCount;
  }

  @Override
  public void read(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    checkRange(pageId, offset, length);
    readThrough(pageId, offset, buffer, bufferOffset, length);
  }

  /**
   * {@inheritDoc}
   *
   * @throws MemoryException also if {@code pageId} is the header page or a free page
   */
  @Override
  public void write(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    checkRange(pageId, offset, length);
    if (pageId == 0) {
      throw new MemoryException(
          "page 0 holds the database header and is written by the pager only");
    }
    if (freePages.contains(pageId)) {
      throw new MemoryException("page " + pageId + " is free and cannot be written");
    }
    writeThrough(pageId, offset, buffer, bufferOffset, length);
  }

  /**
   * The one method that writes page bytes to the provider. Arguments are already validated. A
   * journaling provider turns these writes into one atomic unit per {@link #commit()}.
   */
  private void writeThrough(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    uncommitted = true;
    if (batching) {
      this.buffer.write(pageId, offset, buffer, bufferOffset, length);
    } else {
      provider.write(pageId * PAGE_SIZE + offset, buffer, bufferOffset, length);
    }
  }

  /** The one method that reads page bytes once the store is open: a batch's writes included. */
  private void readThrough(long pageId, int offset, byte[] buffer, int bufferOffset, int length) {
    if (batching) {
      this.buffer.read(pageId, offset, buffer, bufferOffset, length);
    } else {
      provider.read(pageId * PAGE_SIZE + offset, buffer, bufferOffset, length);
    }
  }

  /**
   * Starts a batch: until {@link #endBatch()}, writes are kept in memory ({@link PageBuffer}) and
   * reach the provider once per changed stretch of each page when the batch ends, instead of once
   * per call. For writes of many rows in one commit; what the provider holds at the commit is the
   * same. A commit, sync or close ends the batch first.
   */
  public void beginBatch() {
    if (buffer == null) {
      buffer = new PageBuffer(provider);
    }
    batching = true;
  }

  /**
   * Ends the batch, if one is running: writes its pages to the provider.
   *
   * @throws MemoryException if the provider fails a write (as the writes themselves would have)
   */
  public void endBatch() {
    if (batching) {
      batching = false;
      buffer.flush();
    }
  }

  /** How many writes the flushes of batches have made to the provider so far (for tests). */
  public long batchProviderWrites() {
    return buffer == null ? 0 : buffer.providerWrites();
  }

  /**
   * Whether anything was written (or the store grown) through this pager since the last {@link
   * #commit()}, {@link #commitWithoutSync()} or {@link #sync()} returned: a commit without is a
   * needless round through every provider below.
   */
  public boolean hasUncommittedWrites() {
    return uncommitted;
  }

  @Override
  public long pageCount() {
    return provider.pages();
  }

  /**
   * Ends the current atomic unit: every page written since the previous commit becomes durable
   * together, when the provider journals (see {@link MemoryProvider#commit()}); a provider that
   * writes in place ignores it.
   */
  public void commit() {
    endBatch();
    provider.commit();
    uncommitted = false;
  }

  /**
   * Ends the current atomic unit without waiting for durability; see {@link
   * MemoryProvider#commitWithoutSync()}.
   */
  public void commitWithoutSync() {
    endBatch();
    provider.commitWithoutSync();
    uncommitted = false;
  }

  /** Makes every write so far durable; see {@link MemoryProvider#sync()}. */
  public void sync() {
    endBatch();
    provider.sync();
    uncommitted = false;
  }

  /** Closes the provider. Idempotent. */
  public void close() {
    // A batch the owner could not end is dropped: closing must not fail for its writes.
    batching = false;
    provider.close();
  }

  /**
   * Whether page {@code pageId} exists (free or not). Providers only grow, so a page below a count
   * seen once exists: most calls skip asking the provider, a synchronized call that cost about a
   * sixth of a filtered scan.
   */
  public boolean exists(long pageId) {
    if (pageId >= 0 && pageId < knownPages) {
      return true;
    }
    knownPages = provider.pages();
    return pageId >= 0 && pageId < knownPages;
  }

  private void checkPage(long pageId) {
    if (!exists(pageId)) {
      throw new MemoryException(
          "page " + pageId + " does not exist (the store has " + provider.pages() + " pages)");
    }
  }

  private void checkRange(long pageId, int offset, int length) {
    checkPage(pageId);
    if (offset < 0 || length < 0 || offset > PAGE_SIZE - length) {
      throw new MemoryException(
          "range [" + offset + ", +" + length + ") is not inside a " + PAGE_SIZE + "-byte page");
    }
  }
}
