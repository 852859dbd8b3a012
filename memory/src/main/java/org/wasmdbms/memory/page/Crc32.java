package org.wasmdbms.memory.page;

/**
 * CRC-32 (the polynomial of zip, PNG and {@link java.util.zip.CRC32}) computed eight bytes at a
 * time with eight lookup tables ("slicing by 8"). It gives the same values as {@link
 * java.util.zip.CRC32}, which TeaVM implements one byte at a time: in the WebAssembly guest that
 * was most of a commit's CPU. Every checksum of the memory module (data-file header, journal
 * headers, records and data pages) goes through this class.
 *
 * <p>Stateless and thread-safe; the tables are built once, when the class is initialised.
 */
public final class Crc32 {
  private static final int POLYNOMIAL = 0xEDB88320;

  /** Table k at {@code [256 k, 256 k + 256)}: the CRC of a byte followed by k zero bytes. */
  private static final int[] TABLES = tables();

  private Crc32() {}

  private static int[] tables() {
    int[] tables = new int[8 * 256];
    for (int n = 0; n < 256; n++) {
      int c = n;
      for (int bit = 0; bit < 8; bit++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ POLYNOMIAL : c >>> 1;
      }
      tables[n] = c;
    }
    for (int i = 256; i < tables.length; i++) {
      int previous = tables[i - 256];
      tables[i] = (previous >>> 8) ^ tables[previous & 0xFF];
    }
    return tables;
  }

  /** The CRC-32 of {@code bytes[offset, offset + length)}. */
  public static int of(byte[] bytes, int offset, int length) {
    return update(0, bytes, offset, length);
  }

  /**
   * Continues the CRC-32 {@code crc} of some bytes over {@code bytes[offset, offset + length)}: the
   * result is the CRC-32 of the concatenation. Start with 0.
   */
  public static int update(int crc, byte[] bytes, int offset, int length) {
    int[] t = TABLES;
    int c = ~crc;
    int i = offset;
    int end = offset + length;
    for (int stop = end - 7; i < stop; i += 8) {
      int low =
          c
              ^ ((bytes[i] & 0xFF)
                  | (bytes[i + 1] & 0xFF) << 8
                  | (bytes[i + 2] & 0xFF) << 16
                  | bytes[i + 3] << 24);
      int high =
          (bytes[i + 4] & 0xFF)
              | (bytes[i + 5] & 0xFF) << 8
              | (bytes[i + 6] & 0xFF) << 16
              | bytes[i + 7] << 24;
      c =
          t[0x700 | (low & 0xFF)]
              ^ t[0x600 | ((low >>> 8) & 0xFF)]
              ^ t[0x500 | ((low >>> 16) & 0xFF)]
              ^ t[0x400 | (low >>> 24)]
              ^ t[0x300 | (high & 0xFF)]
              ^ t[0x200 | ((high >>> 8) & 0xFF)]
              ^ t[0x100 | ((high >>> 16) & 0xFF)]
              ^ t[high >>> 24];
    }
    for (; i < end; i++) {
      c = t[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
    }
    return ~c;
  }
}
