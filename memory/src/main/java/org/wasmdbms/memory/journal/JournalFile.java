package org.wasmdbms.memory.journal;

import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.page.Crc32;
import org.wasmdbms.memory.page.LittleEndian;

/**
 * The on-disk format of the journal: two header slots and a log of checksummed records, read and
 * written through the journal's {@link MemoryProvider}. This class knows the bytes; {@link
 * JournalScan} and {@link JournaledMemoryProvider} decide what they mean.
 *
 * <p><b>Header slots</b> at offsets 0 and {@value #SLOT_SIZE} (little-endian). A checkpoint writes
 * the slot that is not active, so a torn header write leaves the other slot intact; the valid slot
 * with the higher generation is the active one.
 *
 * <pre>
 * offset size field
 *      0    8 magic: ASCII "WDBMSJ" then 0x0D 0x0A
 *      8    4 journal format version (u32): {@value #VERSION} is written, 1 and 2 are read
 *     12    4 page size (u32), 65536
 *     16    8 generation (u64), at least 1; grows by one at every checkpoint
 *     24    8 data pages: the data file's page count at the checkpoint that began this generation
 *     32    4 CRC32 of bytes 0..31
 *     36   28 zero
 * </pre>
 *
 * A build refuses a journal whose either slot holds a valid header of a version it does not read,
 * with "unsupported journal format version N; this build reads versions 1 to 2" (version-1 builds
 * say "this build reads version 1"), so a newer file is never misread by an older build.
 *
 * <p><b>Records</b> start at offset {@value #RECORDS_START}, each at an offset that is a multiple
 * of 8, one after the other. Every record has a 40-byte header:
 *
 * <pre>
 * offset size field
 *      0    4 tag: ASCII "SUMS", "PAGE", "DELT" or "CMIT"
 *      4    4 CRC32 of bytes 0..3 and 8..39 of this header and of the payload
 *      8    8 generation (u64): records of another generation are not part of the log
 *     16    8 sequence (u64): 0 for SUMS, the commit number (from 1) for PAGE, DELT and CMIT
 *     24    8 SUMS: first data page covered; PAGE, DELT: page id; CMIT: page count after the commit
 *     32    8 SUMS: number n of checksums (1..16384); PAGE: 0; DELT: payload length n
 *              (1..{@value #MAX_DELTA}); CMIT: number of PAGE and DELT records of the commit
 * </pre>
 *
 * followed by the payload, zero-padded to a multiple of 8 bytes:
 *
 * <ul>
 *   <li>SUMS: n CRC32 values (u32) of data pages;
 *   <li>PAGE: the 65,536-byte page image (written by checkpoints, as the double-write of the pages
 *       they are about to overwrite in the data file, and by every commit of version 1);
 *   <li>DELT (version 2): n bytes of changed byte runs of the page, see {@link PageDelta};
 *   <li>CMIT: in version 2, 8 bytes: the highest commit number known to be synced when this one was
 *       written (commit number minus one in full durability); in version 1, none.
 * </ul>
 */
final class JournalFile {
  /** Bytes per header slot. */
  static final int SLOT_SIZE = 64;

  /** Offset of the first record. */
  static final long RECORDS_START = 2L * SLOT_SIZE;

  /** Bytes of a record header. */
  static final int RECORD_HEADER = 40;

  /** The most checksums one SUMS record holds. */
  static final int SUMS_PER_RECORD = MemoryProvider.PAGE_SIZE / 4;

  /** The journal format version this build writes. */
  static final int VERSION = 2;

  /** The oldest journal format version this build reads. */
  static final int OLDEST_VERSION = 1;

  /** The largest DELT payload. */
  static final int MAX_DELTA = 2 * MemoryProvider.PAGE_SIZE;

  static final int TAG_SUMS = LittleEndian.tag("SUMS");
  static final int TAG_PAGE = LittleEndian.tag("PAGE");
  static final int TAG_DELTA = LittleEndian.tag("DELT");
  static final int TAG_COMMIT = LittleEndian.tag("CMIT");

  private static final int PAGE_SIZE = MemoryProvider.PAGE_SIZE;
  private static final byte[] MAGIC = {'W', 'D', 'B', 'M', 'S', 'J', 0x0D, 0x0A};
  private static final int SLOT_CRC = 32;
  private static final int COMMIT_PAYLOAD = 8;

  /** A valid header slot. */
  record Header(int slot, int version, long generation, long dataPages) {}

  /**
   * A record whose header and payload passed every check.
   *
   * @param payload the payload bytes for SUMS, DELT and CMIT; null for PAGE (read on demand)
   */
  record Record(int tag, long offset, long sequence, long a, long b, byte[] payload, long end) {
    /** Where the payload starts. */
    long payloadOffset() {
      return offset + RECORD_HEADER;
    }

    /**
     * For a CMIT: the highest commit number known synced when it was written (version 1 synced
     * every commit, so the one before).
     */
    long syncedThrough() {
      return payload.length == COMMIT_PAYLOAD ? LittleEndian.getLong(payload, 0) : sequence - 1;
    }
  }

  private final MemoryProvider provider;
  private int version = VERSION;
  private byte[] staged = new byte[1024];
  private int stagedLength;

  JournalFile(MemoryProvider provider) {
    this.provider = provider;
  }

  /** The journal's provider. */
  MemoryProvider provider() {
    return provider;
  }

  /**
   * The active header, or null for a journal that was never written: no pages; or both slots
   * entirely zero; or slot 0 torn, slot 1 zero and no record begun, which is a creation that a
   * crash interrupted while it wrote the first header. The first header always goes to slot 0 and
   * is synced before any record is written, and slot 0 is not written again until slot 1 has been,
   * so that state holds no commit; a damaged header of a journal in use is told apart by its
   * records or its other slot. Records are then read and written in the active header's version,
   * until {@link #writeHeader} starts a generation of the current version.
   *
   * @throws MemoryException if a slot is from a newer or different format, or neither slot is valid
   *     while the journal is not one that was never written
   */
  Header readActiveHeader() {
    if (provider.size() < RECORDS_START) {
      return null;
    }
    byte[] slots = new byte[(int) RECORDS_START];
    provider.read(0, slots);
    Header best = null;
    for (int slot = 0; slot < 2; slot++) {
      Header header = parseSlot(slots, slot);
      if (header != null && (best == null || header.generation() > best.generation())) {
        best = header;
      }
    }
    if (best == null
        && !(isZero(slots, SLOT_SIZE, SLOT_SIZE)
            && (isZero(slots, 0, SLOT_SIZE) || noRecordBegun()))) {
      throw new MemoryException("journal header is corrupt: neither header slot is valid");
    }
    if (best != null) {
      version = best.version();
    }
    return best;
  }

  private static boolean isZero(byte[] bytes, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the first record's header is absent or entirely zero. */
  private boolean noRecordBegun() {
    int length = (int) Math.min(RECORD_HEADER, Math.max(0, provider.size() - RECORDS_START));
    byte[] first = new byte[length];
    provider.read(RECORDS_START, first);
    return isZero(first, 0, length);
  }

  private static Header parseSlot(byte[] slots, int slot) {
    int base = slot * SLOT_SIZE;
    for (int i = 0; i < MAGIC.length; i++) {
      if (slots[base + i] != MAGIC[i]) {
        return null;
      }
    }
    if (Crc32.of(slots, base, SLOT_CRC) != LittleEndian.getInt(slots, base + SLOT_CRC)) {
      return null;
    }
    int version = LittleEndian.getInt(slots, base + 8);
    if (version < OLDEST_VERSION || version > VERSION) {
      throw new MemoryException(
          "unsupported journal format version "
              + (version & 0xFFFFFFFFL)
              + "; this build reads versions "
              + OLDEST_VERSION
              + " to "
              + VERSION);
    }
    int pageSize = LittleEndian.getInt(slots, base + 12);
    if (pageSize != PAGE_SIZE) {
      throw new MemoryException(
          "journal page size " + (pageSize & 0xFFFFFFFFL) + "; this build uses " + PAGE_SIZE);
    }
    long generation = LittleEndian.getLong(slots, base + 16);
    long dataPages = LittleEndian.getLong(slots, base + 24);
    if (generation < 1 || dataPages < 0) {
      throw new MemoryException("journal header slot " + slot + " holds impossible values");
    }
    return new Header(slot, version, generation, dataPages);
  }

  /**
   * Writes header slot {@code slot} in the current format version, which records use from now on;
   * not synced.
   */
  void writeHeader(int slot, long generation, long dataPages) {
    byte[] bytes = new byte[SLOT_SIZE];
    System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
    LittleEndian.putInt(bytes, 8, VERSION);
    LittleEndian.putInt(bytes, 12, PAGE_SIZE);
    LittleEndian.putLong(bytes, 16, generation);
    LittleEndian.putLong(bytes, 24, dataPages);
    LittleEndian.putInt(bytes, SLOT_CRC, Crc32.of(bytes, 0, SLOT_CRC));
    ensureSize(RECORDS_START);
    provider.write((long) slot * SLOT_SIZE, bytes);
    version = VERSION;
  }

  /**
   * Writes a record at {@code offset}, growing the journal as needed; not synced.
   *
   * @return the offset just past the record
   */
  long writeRecord(
      long offset, int tag, long generation, long sequence, long a, long b, byte[] payload) {
    stage(tag, generation, sequence, a, b, payload, 0, payloadLength(tag, b));
    return writeStaged(offset);
  }

  /**
   * Adds a record to the records {@link #writeStaged} will write in one piece; its payload is
   * {@code payload[from, from + length)}. A CMIT's payload is {@code syncedThrough}'s 8 bytes (in
   * version 2).
   */
  void stage(
      int tag,
      long generation,
      long sequence,
      long a,
      long b,
      byte[] payload,
      int from,
      int length) {
    int total = RECORD_HEADER + padded(length);
    if (staged.length - stagedLength < total) {
      byte[] bigger = new byte[Math.max(staged.length * 2, stagedLength + total)];
      System.arraycopy(staged, 0, bigger, 0, stagedLength);
      staged = bigger;
    }
    int at = stagedLength;
    LittleEndian.putInt(staged, at, tag);
    LittleEndian.putLong(staged, at + 8, generation);
    LittleEndian.putLong(staged, at + 16, sequence);
    LittleEndian.putLong(staged, at + 24, a);
    LittleEndian.putLong(staged, at + 32, b);
    System.arraycopy(payload, from, staged, at + RECORD_HEADER, length);
    for (int i = at + RECORD_HEADER + length; i < at + total; i++) {
      staged[i] = 0;
    }
    LittleEndian.putInt(staged, at + 4, checksum(staged, at, staged, at + RECORD_HEADER, length));
    stagedLength += total;
  }

  /** The bytes staged and not written yet. */
  int stagedBytes() {
    return stagedLength;
  }

  /** Stages the CMIT of commit {@code sequence}. */
  void stageCommit(long generation, long sequence, long pages, long records, long syncedThrough) {
    byte[] payload = new byte[COMMIT_PAYLOAD];
    LittleEndian.putLong(payload, 0, syncedThrough);
    stage(
        TAG_COMMIT,
        generation,
        sequence,
        pages,
        records,
        payload,
        0,
        version == 1 ? 0 : COMMIT_PAYLOAD);
  }

  /**
   * Writes the staged records at {@code offset} with one write, growing the journal as needed; not
   * synced. Nothing stays staged, even if the write fails.
   *
   * @return the offset just past them
   */
  long writeStaged(long offset) {
    int length = stagedLength;
    stagedLength = 0;
    long end = offset + length;
    ensureSize(end);
    provider.write(offset, staged, 0, length);
    if (staged.length > (1 << 20)) {
      staged = new byte[1024];
    }
    return end;
  }

  /**
   * The record at {@code offset} if it is whole, of generation {@code generation} and of the
   * journal's version, and its checksum matches; null otherwise. Reads at most one record; never
   * throws for bad content.
   */
  Record readRecord(long offset, long generation) {
    long size = provider.size();
    if (offset < RECORDS_START || offset > size - RECORD_HEADER) {
      return null;
    }
    byte[] header = new byte[RECORD_HEADER];
    provider.read(offset, header);
    int tag = LittleEndian.getInt(header, 0);
    long b = LittleEndian.getLong(header, 32);
    if (!plausible(header, 0, generation, 0)
        || (tag == TAG_SUMS && (b < 1 || b > SUMS_PER_RECORD))
        || (tag == TAG_DELTA && (b < 1 || b > MAX_DELTA))) {
      return null;
    }
    int length = payloadLength(tag, b);
    if (padded(length) > size - offset - RECORD_HEADER) {
      return null;
    }
    byte[] payload = new byte[length];
    provider.read(offset + RECORD_HEADER, payload);
    if (checksum(header, 0, payload, 0, length) != LittleEndian.getInt(header, 4)) {
      return null;
    }
    long sequence = LittleEndian.getLong(header, 16);
    long a = LittleEndian.getLong(header, 24);
    long end = offset + RECORD_HEADER + padded(length);
    return new Record(tag, offset, sequence, a, b, tag == TAG_PAGE ? null : payload, end);
  }

  /** Reads the page image of a PAGE record whose payload starts at {@code payloadOffset}. */
  void readImage(long payloadOffset, byte[] page) {
    provider.read(payloadOffset, page);
  }

  /**
   * Looks at the journal past the end {@code from} of the readable log of {@code generation}, which
   * stopped at commit {@code inFlight} (0 when the SUMS records were incomplete).
   *
   * @return the offset just past the last record header of {@code generation} found there (left by
   *     commits that were written but never synced), or {@code from} if there is none
   * @throws MemoryException if a valid CMIT there was written after commit {@code inFlight} was
   *     synced (for {@code inFlight} 0, after any commit of the generation was synced, which synced
   *     the SUMS records before it too): the log goes on past a damaged record, which a crash
   *     cannot cause, since it loses only writes that were never synced
   */
  long scanTail(long from, long generation, long inFlight) {
    long size = provider.size();
    long start = Math.max(RECORDS_START, (from + 7) & ~7L);
    long tailEnd = from;
    byte[] window = new byte[PAGE_SIZE + RECORD_HEADER];
    for (long base = start; base <= size - RECORD_HEADER; base += PAGE_SIZE) {
      int length = (int) Math.min(window.length, size - base);
      provider.read(base, window, 0, length);
      for (int i = 0; i <= length - RECORD_HEADER && i < PAGE_SIZE; i += 8) {
        if (!plausible(window, i, generation, inFlight)) {
          continue;
        }
        tailEnd = base + i + RECORD_HEADER;
        Record commit =
            LittleEndian.getInt(window, i) == TAG_COMMIT ? readRecord(base + i, generation) : null;
        if (commit != null
            && commit.sequence() > inFlight
            && commit.syncedThrough() >= Math.max(inFlight, 1)) {
          throw new MemoryException(
              "journal is damaged at offset "
                  + from
                  + ": intact commits follow a record that fails its checksum");
        }
      }
    }
    return tailEnd;
  }

  /** Overwrites {@code [from, to)} with zeros; not synced. */
  void erase(long from, long to) {
    byte[] zeros = new byte[(int) Math.min(PAGE_SIZE, to - from)];
    for (long at = from; at < to; at += zeros.length) {
      provider.write(at, zeros, 0, (int) Math.min(zeros.length, to - at));
    }
  }

  /** A cheap pre-check of a record header: known tag, generation, sequence at least the given. */
  private boolean plausible(byte[] bytes, int at, long generation, long minSequence) {
    int tag = LittleEndian.getInt(bytes, at);
    long sequence = LittleEndian.getLong(bytes, at + 16);
    boolean known =
        tag == TAG_SUMS
            || tag == TAG_PAGE
            || tag == TAG_COMMIT
            || (tag == TAG_DELTA && version > 1);
    return known
        && LittleEndian.getLong(bytes, at + 8) == generation
        && sequence >= minSequence
        && (tag == TAG_SUMS) == (sequence == 0);
  }

  private int payloadLength(int tag, long b) {
    if (tag == TAG_PAGE) {
      return PAGE_SIZE;
    }
    if (tag == TAG_COMMIT) {
      return version == 1 ? 0 : COMMIT_PAYLOAD;
    }
    return tag == TAG_SUMS ? (int) b * 4 : (int) b;
  }

  private static int padded(int length) {
    return (length + 7) & ~7;
  }

  private static int checksum(
      byte[] header, int headerAt, byte[] payload, int payloadAt, int length) {
    return Crc32.running()
        .update(header, headerAt, 4)
        .update(header, headerAt + 8, RECORD_HEADER - 8)
        .update(payload, payloadAt, length)
        .value();
  }

  /** The CRC32 of a whole page image. */
  static int pageChecksum(byte[] page) {
    return Crc32.of(page, 0, PAGE_SIZE);
  }

  private void ensureSize(long bytes) {
    long missing = bytes - provider.size();
    if (missing > 0) {
      provider.grow((missing + PAGE_SIZE - 1) / PAGE_SIZE);
    }
  }
}
