package org.wasmdbms.memory.journal;

import java.util.zip.CRC32;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;
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
 *      8    4 journal format version (u32), {@value #VERSION}
 *     12    4 page size (u32), 65536
 *     16    8 generation (u64), at least 1; grows by one at every checkpoint
 *     24    8 data pages: the data file's page count at the checkpoint that began this generation
 *     32    4 CRC32 of bytes 0..31
 *     36   28 zero
 * </pre>
 *
 * <p><b>Records</b> start at offset {@value #RECORDS_START}, each at an offset that is a multiple
 * of 8, one after the other. Every record has a 40-byte header:
 *
 * <pre>
 * offset size field
 *      0    4 tag: ASCII "SUMS", "PAGE" or "CMIT"
 *      4    4 CRC32 of bytes 0..3 and 8..39 of this header and of the payload
 *      8    8 generation (u64): records of another generation are not part of the log
 *     16    8 sequence (u64): 0 for SUMS, the commit number (from 1) for PAGE and CMIT
 *     24    8 SUMS: first data page covered; PAGE: page id; CMIT: page count after the commit
 *     32    8 SUMS: number n of checksums (1..16384); PAGE: 0; CMIT: number of PAGE records
 * </pre>
 *
 * followed by the payload: for SUMS, n CRC32 values (u32) of data pages, zero-padded to a multiple
 * of 8 bytes; for PAGE, the 65,536-byte page image; CMIT has none.
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

  /** The journal format version this build writes and reads. */
  static final int VERSION = 1;

  static final int TAG_SUMS = LittleEndian.tag("SUMS");
  static final int TAG_PAGE = LittleEndian.tag("PAGE");
  static final int TAG_COMMIT = LittleEndian.tag("CMIT");

  private static final int PAGE_SIZE = MemoryProvider.PAGE_SIZE;
  private static final byte[] MAGIC = {'W', 'D', 'B', 'M', 'S', 'J', 0x0D, 0x0A};
  private static final int SLOT_CRC = 32;

  /** A valid header slot. */
  record Header(int slot, long generation, long dataPages) {}

  /**
   * A record whose header and payload passed every check.
   *
   * @param payload the payload bytes for SUMS; null for PAGE (read on demand) and CMIT
   */
  record Record(int tag, long offset, long sequence, long a, long b, byte[] payload) {
    /** Where the payload starts. */
    long payloadOffset() {
      return offset + RECORD_HEADER;
    }

    /** The offset just past the record (and its padding). */
    long end() {
      return offset + RECORD_HEADER + padded(payloadLength(tag, b));
    }
  }

  private final MemoryProvider provider;

  JournalFile(MemoryProvider provider) {
    this.provider = provider;
  }

  /** The journal's provider. */
  MemoryProvider provider() {
    return provider;
  }

  /**
   * The active header, or null for a journal that was never written (no pages, or both slots
   * entirely zero: a creation that a crash interrupted before anything was committed).
   *
   * @throws MemoryException if a slot is from a newer or different format, or neither slot is valid
   *     while they are not blank
   */
  Header readActiveHeader() {
    if (provider.size() < RECORDS_START) {
      return null;
    }
    byte[] slots = new byte[(int) RECORDS_START];
    provider.read(0, slots);
    Header best = null;
    boolean blank = true;
    for (int slot = 0; slot < 2; slot++) {
      int base = slot * SLOT_SIZE;
      for (int i = 0; i < SLOT_SIZE; i++) {
        blank &= slots[base + i] == 0;
      }
      Header header = parseSlot(slots, slot);
      if (header != null && (best == null || header.generation() > best.generation())) {
        best = header;
      }
    }
    if (best == null && !blank) {
      throw new MemoryException("journal header is corrupt: neither header slot is valid");
    }
    return best;
  }

  private static Header parseSlot(byte[] slots, int slot) {
    int base = slot * SLOT_SIZE;
    for (int i = 0; i < MAGIC.length; i++) {
      if (slots[base + i] != MAGIC[i]) {
        return null;
      }
    }
    CRC32 crc = new CRC32();
    crc.update(slots, base, SLOT_CRC);
    if ((int) crc.getValue() != LittleEndian.getInt(slots, base + SLOT_CRC)) {
      return null;
    }
    int version = LittleEndian.getInt(slots, base + 8);
    if (version != VERSION) {
      throw new MemoryException(
          "unsupported journal format version "
              + (version & 0xFFFFFFFFL)
              + "; this build reads version "
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
    return new Header(slot, generation, dataPages);
  }

  /** Writes header slot {@code slot}; not synced. */
  void writeHeader(int slot, long generation, long dataPages) {
    byte[] bytes = new byte[SLOT_SIZE];
    System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
    LittleEndian.putInt(bytes, 8, VERSION);
    LittleEndian.putInt(bytes, 12, PAGE_SIZE);
    LittleEndian.putLong(bytes, 16, generation);
    LittleEndian.putLong(bytes, 24, dataPages);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, SLOT_CRC);
    LittleEndian.putInt(bytes, SLOT_CRC, (int) crc.getValue());
    ensureSize(RECORDS_START);
    provider.write((long) slot * SLOT_SIZE, bytes);
  }

  /**
   * Writes a record at {@code offset}, growing the journal as needed; not synced.
   *
   * @return the offset just past the record
   */
  long writeRecord(
      long offset, int tag, long generation, long sequence, long a, long b, byte[] payload) {
    int length = payloadLength(tag, b);
    byte[] header = new byte[RECORD_HEADER];
    LittleEndian.putInt(header, 0, tag);
    LittleEndian.putLong(header, 8, generation);
    LittleEndian.putLong(header, 16, sequence);
    LittleEndian.putLong(header, 24, a);
    LittleEndian.putLong(header, 32, b);
    LittleEndian.putInt(header, 4, checksum(header, payload, length));
    long end = offset + RECORD_HEADER + padded(length);
    ensureSize(end);
    provider.write(offset, header);
    if (length > 0) {
      byte[] body = payload;
      if (padded(length) != payload.length) {
        body = new byte[padded(length)];
        System.arraycopy(payload, 0, body, 0, length);
      }
      provider.write(offset + RECORD_HEADER, body);
    }
    return end;
  }

  /**
   * The record at {@code offset} if it is whole, of generation {@code generation} and its checksum
   * matches; null otherwise. Reads at most one record; never throws for bad content.
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
        || (tag == TAG_SUMS && (b < 1 || b > SUMS_PER_RECORD))) {
      return null;
    }
    int length = payloadLength(tag, b);
    if (padded(length) > size - offset - RECORD_HEADER) {
      return null;
    }
    byte[] payload = new byte[length];
    provider.read(offset + RECORD_HEADER, payload);
    if (checksum(header, payload, length) != LittleEndian.getInt(header, 4)) {
      return null;
    }
    long sequence = LittleEndian.getLong(header, 16);
    long a = LittleEndian.getLong(header, 24);
    return new Record(tag, offset, sequence, a, b, tag == TAG_SUMS ? payload : null);
  }

  /** Reads the page image of a PAGE record whose payload starts at {@code payloadOffset}. */
  void readImage(long payloadOffset, byte[] page) {
    provider.read(payloadOffset, page);
  }

  /**
   * Whether a valid record of {@code generation} with a sequence of at least {@code minSequence}
   * starts anywhere at or after {@code from}: the sign that the log goes on past a damaged record.
   * Reads the journal once, a window at a time; bounded by its size.
   */
  boolean laterRecordExists(long from, long generation, long minSequence) {
    long size = provider.size();
    long start = Math.max(RECORDS_START, (from + 7) & ~7L);
    byte[] window = new byte[PAGE_SIZE + RECORD_HEADER];
    for (long base = start; base <= size - RECORD_HEADER; base += PAGE_SIZE) {
      int length = (int) Math.min(window.length, size - base);
      provider.read(base, window, 0, length);
      for (int i = 0; i <= length - RECORD_HEADER && i < PAGE_SIZE; i += 8) {
        if (plausible(window, i, generation, minSequence)
            && readRecord(base + i, generation) != null) {
          return true;
        }
      }
    }
    return false;
  }

  /** A cheap pre-check of a record header: known tag, generation, sequence at least the given. */
  private static boolean plausible(byte[] bytes, int at, long generation, long minSequence) {
    int tag = LittleEndian.getInt(bytes, at);
    long sequence = LittleEndian.getLong(bytes, at + 16);
    return (tag == TAG_SUMS || tag == TAG_PAGE || tag == TAG_COMMIT)
        && LittleEndian.getLong(bytes, at + 8) == generation
        && sequence >= minSequence
        && (tag == TAG_SUMS) == (sequence == 0);
  }

  private static int payloadLength(int tag, long b) {
    if (tag == TAG_PAGE) {
      return PAGE_SIZE;
    }
    return tag == TAG_SUMS ? (int) b * 4 : 0;
  }

  private static int padded(int length) {
    return (length + 7) & ~7;
  }

  private static int checksum(byte[] header, byte[] payload, int length) {
    CRC32 crc = new CRC32();
    crc.update(header, 0, 4);
    crc.update(header, 8, RECORD_HEADER - 8);
    crc.update(payload, 0, length);
    return (int) crc.getValue();
  }

  /** The CRC32 of a whole page image. */
  static int pageChecksum(byte[] page) {
    CRC32 crc = new CRC32();
    crc.update(page, 0, PAGE_SIZE);
    return (int) crc.getValue();
  }

  private void ensureSize(long bytes) {
    long missing = bytes - provider.size();
    if (missing > 0) {
      provider.grow((missing + PAGE_SIZE - 1) / PAGE_SIZE);
    }
  }
}
