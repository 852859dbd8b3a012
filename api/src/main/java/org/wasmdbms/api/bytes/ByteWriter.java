package org.wasmdbms.api.bytes;

import org.wasmdbms.api.error.ConstraintViolationException;

/**
 * A growable byte array written front to back, with little-endian integer writes (and big-endian
 * ones for order-preserving keys). Not thread-safe.
 *
 * <p>The written size is capped at {@link #MAX_SIZE}; growing past it throws {@link
 * ConstraintViolationException} so that no caller can overflow an {@code int} length.
 */
public final class ByteWriter {
  /** The largest number of bytes a writer holds (1 GiB). */
  public static final int MAX_SIZE = 1 << 30;

  private byte[] buffer;
  private int size;

  /** Creates an empty writer. */
  public ByteWriter() {
    this(64);
  }

  /**
   * Creates an empty writer with room for {@code capacity} bytes before it grows.
   *
   * @param capacity the initial capacity, at least 1
   */
  public ByteWriter(int capacity) {
    buffer = new byte[capacity < 1 ? 1 : capacity];
  }

  /** The number of bytes written so far. */
  public int size() {
    return size;
  }

  private void ensure(int extra) {
    if (extra < 0 || extra > MAX_SIZE - size) {
      throw new ConstraintViolationException(
          "encoded data exceeds " + MAX_SIZE + " bytes (have " + size + ", adding " + extra + ")");
    }
    int needed = size + extra;
    if (needed > buffer.length) {
      int grown = buffer.length > MAX_SIZE / 2 ? MAX_SIZE : buffer.length * 2;
      byte[] copy = new byte[grown < needed ? needed : grown];
      System.arraycopy(buffer, 0, copy, 0, size);
      buffer = copy;
    }
  }

  /** Appends the low 8 bits of {@code v}. */
  public ByteWriter u8(int v) {
    ensure(1);
    buffer[size++] = (byte) v;
    return this;
  }

  /** Appends the low 16 bits of {@code v}, little-endian. */
  public ByteWriter u16(int v) {
    ensure(2);
    buffer[size++] = (byte) v;
    buffer[size++] = (byte) (v >>> 8);
    return this;
  }

  /** Appends {@code v}, little-endian. */
  public ByteWriter i32(int v) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buffer[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Appends {@code v}, little-endian. */
  public ByteWriter i64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buffer[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Appends {@code v}, big-endian (used where byte order must follow numeric order). */
  public ByteWriter i32BigEndian(int v) {
    ensure(4);
    for (int i = 3; i >= 0; i--) {
      buffer[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Appends {@code v}, big-endian (used where byte order must follow numeric order). */
  public ByteWriter i64BigEndian(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buffer[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Appends all of {@code bytes}. */
  public ByteWriter bytes(byte[] bytes) {
    return bytes(bytes, 0, bytes.length);
  }

  /**
   * Appends {@code length} bytes of {@code bytes} starting at {@code offset}.
   *
   * @throws IllegalArgumentException if the range lies outside {@code bytes}
   */
  public ByteWriter bytes(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IllegalArgumentException("range outside the source array");
    }
    ensure(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
    return this;
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    byte[] copy = new byte[size];
    System.arraycopy(buffer, 0, copy, 0, size);
    return copy;
  }
}
