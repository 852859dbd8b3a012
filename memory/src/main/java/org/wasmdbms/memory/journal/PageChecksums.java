package org.wasmdbms.memory.journal;

import java.util.Arrays;
import org.wasmdbms.memory.page.LittleEndian;

/**
 * The CRC32 of every data-file page as of the last checkpoint, and which of those pages have been
 * read and checked since the database was opened (each page is checked once, on first read).
 */
final class PageChecksums {
  private int[] sums;
  private long[] verified;
  private int count;

  PageChecksums(int[] sums) {
    this.sums = sums;
    this.count = sums.length;
    this.verified = new long[(sums.length >>> 6) + 1];
  }

  /** The number of pages covered. */
  int count() {
    return count;
  }

  /** The expected checksum of page {@code page}, which is below {@link #count()}. */
  int expected(long page) {
    return sums[(int) page];
  }

  /** Whether page {@code page} was checked since opening (or written by this session). */
  boolean isVerified(long page) {
    return (verified[(int) (page >>> 6)] & 1L << page) != 0;
  }

  /** Records that page {@code page} matched its checksum. */
  void markVerified(long page) {
    verified[(int) (page >>> 6)] |= 1L << page;
  }

  /** Sets the checksum of a page just written (and synced) to the data file, growing as needed. */
  void set(long page, int checksum) {
    int index = (int) page;
    if (index >= sums.length) {
      int capacity = Math.max(index + 1, sums.length * 2);
      sums = Arrays.copyOf(sums, capacity);
      verified = Arrays.copyOf(verified, (capacity >>> 6) + 1);
    }
    sums[index] = checksum;
    count = Math.max(count, index + 1);
    markVerified(page);
  }

  /** Checksums {@code [from, from + length)} as a SUMS payload (u32 little-endian each). */
  byte[] payload(int from, int length) {
    byte[] bytes = new byte[4 * length];
    for (int i = 0; i < length; i++) {
      LittleEndian.putInt(bytes, 4 * i, sums[from + i]);
    }
    return bytes;
  }
}
