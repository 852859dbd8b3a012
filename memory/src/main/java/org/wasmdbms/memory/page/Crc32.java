package org.wasmdbms.memory.page;

/**
 * CRC-32 (the polynomial of zip, PNG and {@link java.util.zip.CRC32}) computed eight bytes at a
 * time with eight lookup tables ("slicing by 8"). It gives the same values as {@link
 * java.util.zip.CRC32}, which TeaVM implements one byte at a time: in the WebAssembly guest that
 * was most of a commit's CPU. Every checksum of the memory module (data-file header, journal
 * headers, records and data pages) goes through this class.
 *
 * <p>On a JVM, {@link #of} and {@link Running} use {@link java.util.zip.CRC32} instead, which
 * HotSpot and OpenJ9 compute with carry-less multiplication instructions, several times faster than
 * the tables: a bulk insert of 1,000 rows on a file checksums about 200 KB of journal records and
 * page images. TeaVM defines no {@code java.vm.name}, so the guest keeps the tables.
 *
 * <p>Stateless and thread-safe (a {@link Running} is not); the tables are built once, when the
 * class is initialised.
 */
public final class Crc32 {
  private static final int POLYNOMIAL = 0xEDB88320;

  /** Table k at {@code [256 k, 256 k + 256)}: the CRC of a byte followed by k zero bytes. */
  private static final int[] TABLES = tables();

  /** Whether {@link java.util.zip.CRC32} is native here (a JVM, not the TeaVM guest). */
  private static final boolean NATIVE = isJvm(System.getProperty("java.vm.name"));

  private Crc32() {}

  /** Whether {@code vmName} names a JVM whose {@link java.util.zip.CRC32} is an intrinsic. */
  static boolean isJvm(String vmName) {
    return vmName != null
        && (vmName.contains("HotSpot") || vmName.contains("OpenJDK") || vmName.contains("OpenJ9"));
  }

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
    // The guest's path allocates nothing.
    return NATIVE
        ? running().update(bytes, offset, length).value()
        : update(0, bytes, offset, length);
  }

  /** A CRC-32 over several stretches of bytes, the native one on a JVM. */
  public static Running running() {
    return new Running(NATIVE);
  }

  /**
   * A CRC-32 computed over the stretches given to {@link #update}, in order: the CRC-32 of their
   * concatenation. Not thread-safe.
   */
  public static final class Running {
    private final java.util.zip.CRC32 jvm;
    private int crc;

    /** With {@code useNative} false, the tables compute it whatever the VM (for tests). */
    Running(boolean useNative) {
      this.jvm = useNative ? new java.util.zip.CRC32() : null;
    }

    /** Adds {@code bytes[offset, offset + length)}. */
    public Running update(byte[] bytes, int offset, int length) {
      if (jvm != null) {
        jvm.update(bytes, offset, length);
      } else {
        crc = Crc32.update(crc, bytes, offset, length);
      }
      return this;
    }

    /** The CRC-32 of every byte added so far. */
    public int value() {
      return jvm != null ? (int) jvm.getValue() : crc;
    }
  }

  /**
   * Continues the CRC-32 {@code crc} of some bytes over {@code bytes[offset, offset + length)}: the
   * result is the CRC-32 of the concatenation. Start with 0. Always the tables: the portable path,
   * which {@link Running} takes in the guest.
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
