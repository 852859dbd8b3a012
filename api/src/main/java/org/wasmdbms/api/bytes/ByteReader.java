package org.wasmdbms.api.bytes;

import org.wasmdbms.api.error.MemoryException;

/**
 * A cursor over a byte array region that reads little-endian integers. Every read checks the
 * remaining length first and throws {@link MemoryException} when the data is too short, so a
 * corrupt length taken from stored bytes can never cause an array exception (which traps in the
 * WebAssembly guest). Not thread-safe.
 */
public final class ByteReader {
  private final byte[] data;
  private final int end;
  private int position;

  /** Reads all of {@code data}. */
  public ByteReader(byte[] data) {
    this(data, 0, data.length);
  }

  /**
   * Reads {@code length} bytes of {@code data} starting at {@code offset}.
   *
   * @throws MemoryException if the region lies outside {@code data}
   */
  public ByteReader(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new MemoryException(
          "region [" + offset + ", +" + length + ") outside a buffer of " + data.length);
    }
    this.data = data;
    this.position = offset;
    this.end = offset + length;
  }

  /** The absolute index of the next byte to read. */
  public int position() {
    return position;
  }

  /** The number of bytes left to read. */
  public int remaining() {
    return end - position;
  }

  /**
   * Fails unless every byte has been read.
   *
   * @param what names the structure for the error message
   * @throws MemoryException if bytes remain
   */
  public void expectEnd(String what) {
    if (position != end) {
      throw new MemoryException(what + ": " + remaining() + " unexpected trailing bytes");
    }
  }

  private void need(int count) {
    if (count < 0 || count > end - position) {
      throw new MemoryException(
          "truncated data: need " + count + " bytes at " + position + ", have " + remaining());
    }
  }

  /** Reads one unsigned byte. */
  public int u8() {
    need(1);
    return data[position++] & 0xFF;
  }

  /** Reads an unsigned little-endian 16-bit integer. */
  public int u16() {
    need(2);
    int v = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8;
    position += 2;
    return v;
  }

  /** Reads a little-endian 32-bit integer. */
  public int i32() {
    need(4);
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (data[position + i] & 0xFF) << (8 * i);
    }
    position += 4;
    return v;
  }

  /** Reads a little-endian 64-bit integer. */
  public long i64() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v |= (data[position + i] & 0xFFL) << (8 * i);
    }
    position += 8;
    return v;
  }

  /**
   * Reads a little-endian 32-bit length and checks it against a maximum and the remaining bytes.
   *
   * @param max the largest acceptable length
   * @param what names the field for the error message
   * @return the length, in {@code [0, max]} and not more than {@link #remaining()}
   * @throws MemoryException if the length is negative, above {@code max} or past the end
   */
  public int length(int max, String what) {
    int n = i32();
    if (n < 0 || n > max) {
      throw new MemoryException(what + ": length " + n + " outside [0, " + max + "]");
    }
    need(n);
    return n;
  }

  /**
   * Moves past {@code count} bytes without reading them.
   *
   * @throws MemoryException if fewer than {@code count} bytes remain
   */
  public void skip(int count) {
    need(count);
    position += count;
  }

  /** Reads {@code count} bytes into a new array. */
  public byte[] bytes(int count) {
    need(count);
    byte[] copy = new byte[count];
    System.arraycopy(data, position, copy, 0, count);
    position += count;
    return copy;
  }

  /**
   * Reads {@code count} bytes as strict UTF-8.
   *
   * @throws MemoryException if the bytes are truncated or not well-formed UTF-8
   */
  public String utf8(int count) {
    need(count);
    String s = Utf8.decode(data, position, count);
    position += count;
    return s;
  }
}
