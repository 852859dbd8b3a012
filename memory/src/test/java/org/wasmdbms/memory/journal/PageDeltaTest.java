package org.wasmdbms.memory.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.memory.MemoryProvider;

class PageDeltaTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  /**
   * The runs {@link PageDelta#encode} writes are exactly those of a byte-by-byte comparison of the
   * marked blocks, whatever the pattern of changes: the journal format does not depend on how the
   * equal stretches are skipped.
   */
  @Test
  void encodesTheSameRunsAsAByteByByteComparison() {
    Random random = new Random(27);
    for (int round = 0; round < 200; round++) {
      byte[] before = new byte[PAGE];
      random.nextBytes(before);
      byte[] after = before.clone();
      long[] blocks = new long[PageDelta.BITMAP_LONGS];
      int changes = random.nextInt(round % 10 == 0 ? 5_000 : 40);
      for (int c = 0; c < changes; c++) {
        int at = random.nextInt(PAGE);
        int length = Math.min(PAGE - at, 1 + random.nextInt(random.nextBoolean() ? 4 : 600));
        for (int i = at; i < at + length; i++) {
          after[i] = random.nextInt(4) == 0 ? before[i] : (byte) random.nextInt();
        }
        mark(blocks, at, length);
      }
      if (round % 7 == 0) {
        mark(blocks, 0, PAGE);
      }
      byte[] base = round % 3 == 0 ? null : before;
      if (base == null) {
        before = new byte[PAGE];
      }
      byte[] expected = new byte[PageDelta.maxLength()];
      int expectedLength = reference(before, after, blocks, expected);
      byte[] out = new byte[PageDelta.maxLength() + 3];
      int end = PageDelta.encode(base, after, blocks, out, 3);
      assertEquals(expectedLength, end - 3, "round " + round);
      assertArrayEquals(
          Arrays.copyOf(expected, expectedLength),
          Arrays.copyOfRange(out, 3, end),
          "round " + round);
      if (base != null) {
        byte[] rebuilt = before.clone();
        PageDelta.apply(Arrays.copyOfRange(out, 3, end), rebuilt);
        assertArrayEquals(after, rebuilt, "round " + round);
      }
    }
  }

  @Test
  void aWholePageWrittenWithTheBytesItHeldEncodesToNothing() {
    long[] blocks = new long[PageDelta.BITMAP_LONGS];
    mark(blocks, 0, PAGE);
    assertEquals(
        5, PageDelta.encode(null, new byte[PAGE], blocks, new byte[PageDelta.maxLength()], 5));
  }

  private static void mark(long[] blocks, int at, int length) {
    for (int block = at / PageDelta.BLOCK; block <= (at + length - 1) / PageDelta.BLOCK; block++) {
      blocks[block >>> 6] |= 1L << block;
    }
  }

  /** The encoding as first written: every byte of every marked block compared on its own. */
  private static int reference(byte[] before, byte[] after, long[] blocks, byte[] out) {
    int position = 0;
    int runStart = -1;
    int runEnd = -1;
    for (int block = 0; block < PAGE / PageDelta.BLOCK; block++) {
      if ((blocks[block >>> 6] & 1L << block) == 0) {
        continue;
      }
      for (int i = block * PageDelta.BLOCK; i < (block + 1) * PageDelta.BLOCK; i++) {
        if (before[i] == after[i]) {
          continue;
        }
        if (runStart >= 0 && i - runEnd < 8) {
          runEnd = i + 1;
          continue;
        }
        if (runStart >= 0) {
          position = put(after, runStart, runEnd, out, position);
        }
        runStart = i;
        runEnd = i + 1;
      }
    }
    return runStart >= 0 ? put(after, runStart, runEnd, out, position) : position;
  }

  private static int put(byte[] after, int start, int end, byte[] out, int at) {
    out[at] = (byte) start;
    out[at + 1] = (byte) (start >>> 8);
    out[at + 2] = (byte) (end - start - 1);
    out[at + 3] = (byte) (end - start - 1 >>> 8);
    System.arraycopy(after, start, out, at + 4, end - start);
    return at + 4 + end - start;
  }
}
