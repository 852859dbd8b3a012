package org.wasmdbms.wit;

import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.MemoryException;

/**
 * Memory as {@link Lower} writes it: a result block the guest is building, a parameter tuple the
 * host is building, or a guest's memory written by the host. A value's fixed-size part goes where
 * the caller says; strings and list contents go into memory allocated from {@link #heap()}, and a
 * pointer to them is written with {@link #pointer}. Implementations hold one call's state: not
 * thread-safe.
 */
public abstract class AbiWriter {
  /** Writes the low 8 bits of {@code value} at {@code at}. */
  public abstract void u8(int at, int value);

  /** Writes the low 16 bits of {@code value} at {@code at}, little-endian. */
  public abstract void u16(int at, int value);

  /** Writes {@code value} at {@code at}, little-endian. */
  public abstract void u32(int at, int value);

  /** Writes {@code value} at {@code at}, little-endian. */
  public abstract void u64(int at, long value);

  /** Writes at {@code at} a pointer to {@code address}, which {@link #heap()} allocated. */
  public abstract void pointer(int at, int address);

  /** The writer of the memory that pointers point into: this one, or the guest's memory. */
  public abstract AbiWriter heap();

  /**
   * Allocates {@code size} bytes aligned to {@code align} in this writer's memory.
   *
   * @return their address
   * @throws org.wasmdbms.api.error.DbmsException if they do not fit (the guest's result limit)
   */
  public abstract int allocate(long size, int align);

  /** Copies {@code data} to {@code address} of this writer's memory. */
  public abstract void copy(int address, byte[] data);

  /**
   * Writes {@code text} as UTF-8 at {@code address} of this writer's memory, where {@link
   * org.wasmdbms.api.bytes.Utf8#encodedLength} bytes are allocated. This encodes to an array and
   * copies it; a writer over a Java array overrides it to encode in place, without the array.
   */
  public void utf8(int address, String text) {
    copy(address, Utf8.encode(text));
  }

  /**
   * Allocates {@code text} in UTF-8 in this writer's memory and writes it there.
   *
   * @return where it went, as {@link #placedAddress} and {@link #placedLength} read it
   * @throws org.wasmdbms.api.error.InvalidQueryException if the text holds an unpaired surrogate
   * @throws MemoryException if its UTF-8 form is 2 GiB or more
   */
  public long placeString(String text) {
    long length = Utf8.encodedLength(text);
    if (length > Integer.MAX_VALUE - 8) {
      throw new MemoryException("text of " + length + " UTF-8 bytes is too large to encode");
    }
    int address = allocate(length, 1);
    utf8(address, text);
    return placed(address, (int) length);
  }

  /**
   * An address and a length in one {@code long}: {@link #placeString} returns both without an
   * object.
   */
  protected static long placed(int address, int length) {
    return (long) address << 32 | (length & 0xFFFFFFFFL);
  }

  /** The address of what {@link #placeString} placed. */
  public static int placedAddress(long placed) {
    return (int) (placed >>> 32);
  }

  /** The length in bytes of what {@link #placeString} placed. */
  public static int placedLength(long placed) {
    return (int) placed;
  }
}
