package org.wasmdbms.memory.btree;

/**
 * The key order of every tree: lexicographic over bytes taken as unsigned, shorter prefix first.
 */
final class UnsignedBytes {
  private UnsignedBytes() {}

  /** Negative, zero or positive as {@code a} sorts before, equal to or after {@code b}. */
  static int compare(byte[] a, byte[] b) {
    return compare(a, 0, a.length, b, 0, b.length);
  }

  /** Compares {@code a[aFrom, aFrom + aLength)} with {@code b[bFrom, bFrom + bLength)}. */
  static int compare(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
    int common = Math.min(aLength, bLength);
    for (int i = 0; i < common; i++) {
      int x = a[aFrom + i] & 0xFF;
      int y = b[bFrom + i] & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return aLength - bLength;
  }
}
