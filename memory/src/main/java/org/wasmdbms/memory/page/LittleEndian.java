package org.wasmdbms.memory.page;

/**
 * Little-endian integer access to byte arrays, the byte order of every on-disk structure. Callers
 * pass offsets they have already validated against the array length.
 */
public final class LittleEndian {
  private LittleEndian() {}

  /** The unsigned 16-bit value at {@code offset}. */
  public static int getU16(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
  }

  /** Stores the low 16 bits of {@code value} at {@code offset}. */
  public static void putU16(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) value;
    bytes[offset + 1] = (byte) (value >>> 8);
  }

  /** The 32-bit value at {@code offset}. */
  public static int getInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFF)
        | (bytes[offset + 1] & 0xFF) << 8
        | (bytes[offset + 2] & 0xFF) << 16
        | (bytes[offset + 3] & 0xFF) << 24;
  }

  /** Stores {@code value} at {@code offset}. */
  public static void putInt(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) value;
    bytes[offset + 1] = (byte) (value >>> 8);
    bytes[offset + 2] = (byte) (value >>> 16);
    bytes[offset + 3] = (byte) (value >>> 24);
  }

  /** The 64-bit value at {@code offset}. */
  public static long getLong(byte[] bytes, int offset) {
    return (getInt(bytes, offset) & 0xFFFFFFFFL) | (long) getInt(bytes, offset + 4) << 32;
  }

  /** Stores {@code value} at {@code offset}. */
  public static void putLong(byte[] bytes, int offset, long value) {
    putInt(bytes, offset, (int) value);
    putInt(bytes, offset + 4, (int) (value >>> 32));
  }

  /** The four ASCII characters of {@code tag} as a 32-bit little-endian value (a page type tag). */
  public static int tag(String tag) {
    return tag.charAt(0) | tag.charAt(1) << 8 | tag.charAt(2) << 16 | tag.charAt(3) << 24;
  }
}
