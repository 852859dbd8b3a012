package org.wasmdbms.guest.abi;

import org.teavm.interop.Address;
import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.wit.AbiWriter;

/**
 * Builds one canonical-ABI result as a single block of linear memory, so that the export's {@code
 * cabi_post_*} function frees it with one call; {@link org.wasmdbms.wit.Lower} writes into it.
 *
 * <p>The result is first laid out in a Java array, with every pointer written relative to the
 * block's start and remembered; {@link #place()} allocates the block in the {@link NativeHeap},
 * adds its address to each remembered pointer and copies the bytes in. Offsets are relative to the
 * block, which is 8-byte aligned, so aligning an offset aligns the address. The first allocation
 * (offset 0) is the return area the export hands back.
 *
 * <p>A result larger than its limit fails with {@link MemoryException} before the array grows past
 * the limit.
 */
public final class ResultWriter extends AbiWriter {
  private final int limit;
  private byte[] bytes = new byte[64];
  private int size;
  private int[] pointers = new int[8];
  private int pointerCount;

  /** A writer for results of at most {@code limit} bytes. */
  public ResultWriter(int limit) {
    this.limit = limit;
  }

  /**
   * Reserves {@code length} zeroed bytes aligned to {@code align} (a power of two up to 8).
   *
   * @return their offset in the block
   * @throws MemoryException if the result would exceed its limit
   */
  @Override
  public int allocate(long length, int align) {
    int start = (size + align - 1) & -align;
    if (length < 0 || start + length > limit) {
      throw new MemoryException(
          "the result exceeds the limit of " + limit + " bytes; ask for fewer rows with a limit");
    }
    int end = (int) (start + length);
    reserve(end);
    size = end;
    return start;
  }

  /** Makes the array hold at least {@code end} bytes, {@code end} being within the limit. */
  private void reserve(int end) {
    if (end > bytes.length) {
      long grown = Math.max(end, Math.min((long) bytes.length * 2, limit));
      bytes = grownCopy(bytes, (int) grown, size);
    }
  }

  /**
   * A larger copy of the first {@code used} bytes: {@code System.arraycopy} is one block move under
   * TeaVM, where its {@code Arrays.copyOf} copies byte by byte (a wasm memory access each).
   */
  private static byte[] grownCopy(byte[] data, int length, int used) {
    byte[] grown = new byte[length];
    System.arraycopy(data, 0, grown, 0, used);
    return grown;
  }

  /**
   * Text that is all ASCII (the usual case) is copied in one pass, its length being its number of
   * chars; {@link AbiWriter#placeString} measures it first and then encodes it, two passes of
   * {@code charAt}, each a call under TeaVM. Other text takes that way.
   */
  @Override
  public long placeString(String text) {
    int length = text.length();
    int start = size;
    if (start + (long) length <= limit) {
      reserve(start + length);
      byte[] out = bytes;
      int i = 0;
      while (i < length) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          // The bytes written so far lie inside what the general way allocates here and rewrites.
          return super.placeString(text);
        }
        out[start + i] = (byte) c;
        i++;
      }
      size = start + length;
      return placed(start, length);
    }
    return super.placeString(text);
  }

  /** Strings and lists go into the same block. */
  @Override
  public AbiWriter heap() {
    return this;
  }

  @Override
  public void u8(int offset, int value) {
    bytes[offset] = (byte) value;
  }

  @Override
  public void u16(int offset, int value) {
    bytes[offset] = (byte) value;
    bytes[offset + 1] = (byte) (value >>> 8);
  }

  @Override
  public void u32(int offset, int value) {
    byte[] out = bytes;
    out[offset] = (byte) value;
    out[offset + 1] = (byte) (value >>> 8);
    out[offset + 2] = (byte) (value >>> 16);
    out[offset + 3] = (byte) (value >>> 24);
  }

  @Override
  public void u64(int offset, long value) {
    u32(offset, (int) value);
    u32(offset + 4, (int) (value >>> 32));
  }

  /** Writes at {@code offset} a pointer to {@code target}, an offset in this block. */
  @Override
  public void pointer(int offset, int target) {
    if (pointerCount == pointers.length) {
      int[] grown = new int[pointerCount * 2];
      System.arraycopy(pointers, 0, grown, 0, pointerCount);
      pointers = grown;
    }
    pointers[pointerCount++] = offset;
    u32(offset, target);
  }

  @Override
  public void copy(int offset, byte[] data) {
    System.arraycopy(data, 0, bytes, offset, data.length);
  }

  /** Encodes into the block itself: a result's strings need no array of their own. */
  @Override
  public void utf8(int offset, String text) {
    Utf8.encodeInto(text, bytes, offset);
  }

  /**
   * Copies the result into a newly allocated block of the {@link NativeHeap}.
   *
   * @return the block's address (that of the return area), or 0 if memory is exhausted
   */
  public int place() {
    int block = NativeHeap.allocate(size);
    if (block == 0) {
      return 0;
    }
    for (int i = 0; i < pointerCount; i++) {
      int at = pointers[i];
      int relative =
          (bytes[at] & 0xFF)
              | (bytes[at + 1] & 0xFF) << 8
              | (bytes[at + 2] & 0xFF) << 16
              | (bytes[at + 3] & 0xFF) << 24;
      u32(at, block + relative);
    }
    // No Java allocation between taking the array's address and the copy, so it cannot move.
    Address.moveMemoryBlock(Address.ofData(bytes), Address.fromInt(block), size);
    return block;
  }
}
