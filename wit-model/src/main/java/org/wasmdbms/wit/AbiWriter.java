package org.wasmdbms.wit;

import org.wasmdbms.api.bytes.Utf8;

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
}
