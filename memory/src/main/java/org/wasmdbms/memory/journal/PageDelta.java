package org.wasmdbms.memory.journal;

import java.util.Arrays;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.page.LittleEndian;

/**
 * The changed bytes of one page, as the payload of a DELT journal record: a sequence of runs, each
 * a 4-byte run header (u16 offset in the page, u16 length minus one, little-endian) followed by
 * that many bytes of the new content. Runs are in ascending order and do not overlap. Changes less
 * than {@value #MERGE_GAP} bytes apart are written as one run, since a run header costs 4 bytes.
 *
 * <p>A page being changed keeps a bitmap of the {@value #BLOCK}-byte blocks that were written and
 * their content before, so {@link #encode} compares only those blocks.
 *
 * <p>Stateless and thread-safe.
 */
final class PageDelta {
  /** Bytes per block of the written-blocks bitmap. */
  static final int BLOCK = 256;

  /** Longs in the written-blocks bitmap of one page. */
  static final int BITMAP_LONGS = MemoryProvider.PAGE_SIZE / BLOCK / 64;

  private static final int PAGE_SIZE = MemoryProvider.PAGE_SIZE;
  private static final int RUN_HEADER = 4;
  private static final int MERGE_GAP = 8;
  private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];

  private PageDelta() {}

  /**
   * Appends the runs that turn {@code before} (all zeros if null) into {@code after} to {@code out}
   * from {@code at}, looking only at the blocks marked in {@code blocks}. The caller makes sure
   * {@code out} has room for {@link #maxLength()} bytes from {@code at}.
   *
   * @return the position just past the runs; {@code at} when nothing changed
   */
  static int encode(byte[] before, byte[] after, long[] blocks, byte[] out, int at) {
    byte[] base = before == null ? ZERO_PAGE : before;
    int position = at;
    int runStart = -1;
    int runEnd = -1;
    int blockCount = PAGE_SIZE / BLOCK;
    for (int block = 0; block < blockCount; block++) {
      if (!marked(blocks, block)) {
        continue;
      }
      int last = block;
      while (last + 1 < blockCount && marked(blocks, last + 1)) {
        last++;
      }
      // Equal stretches are skipped with Arrays.mismatch (vectorized on the JVM): a block written
      // with the bytes it held, such as the zeros of a reused page, costs next to nothing.
      int end = (last + 1) * BLOCK;
      int i = block * BLOCK;
      while (i < end) {
        int equal = Arrays.mismatch(base, i, end, after, i, end);
        if (equal < 0) {
          break;
        }
        i += equal;
        if (runStart < 0 || i - runEnd >= MERGE_GAP) {
          if (runStart >= 0) {
            position = putRun(after, runStart, runEnd, out, position);
          }
          runStart = i;
        }
        i++;
        while (i < end && base[i] != after[i]) {
          i++;
        }
        runEnd = i;
      }
      block = last;
    }
    if (runStart >= 0) {
      position = putRun(after, runStart, runEnd, out, position);
    }
    return position;
  }

  private static boolean marked(long[] blocks, int block) {
    return (blocks[block >>> 6] & 1L << block) != 0;
  }

  /** The most bytes {@link #encode} appends for one page. */
  static int maxLength() {
    return PAGE_SIZE + RUN_HEADER * (PAGE_SIZE / (MERGE_GAP + 1) + 1);
  }

  private static int putRun(byte[] after, int start, int end, byte[] out, int at) {
    LittleEndian.putU16(out, at, start);
    LittleEndian.putU16(out, at + 2, end - start - 1);
    System.arraycopy(after, start, out, at + RUN_HEADER, end - start);
    return at + RUN_HEADER + end - start;
  }

  /**
   * Whether {@code payload} is a well-formed sequence of runs: ascending, not overlapping, within a
   * page, and filling the payload exactly. Checked before {@link #apply}, since a record whose
   * checksum holds can still have been written by a different program.
   */
  static boolean isValid(byte[] payload) {
    int at = 0;
    int next = 0;
    while (at < payload.length) {
      if (payload.length - at < RUN_HEADER + 1) {
        return false;
      }
      int offset = LittleEndian.getU16(payload, at);
      int length = LittleEndian.getU16(payload, at + 2) + 1;
      if (offset < next
          || offset + length > PAGE_SIZE
          || length > payload.length - at - RUN_HEADER) {
        return false;
      }
      next = offset + length;
      at += RUN_HEADER + length;
    }
    return payload.length > 0;
  }

  /** Applies the runs of a {@link #isValid valid} payload to {@code page}. */
  static void apply(byte[] payload, byte[] page) {
    for (int at = 0; at < payload.length; ) {
      int offset = LittleEndian.getU16(payload, at);
      int length = LittleEndian.getU16(payload, at + 2) + 1;
      System.arraycopy(payload, at + RUN_HEADER, page, offset, length);
      at += RUN_HEADER + length;
    }
  }
}
