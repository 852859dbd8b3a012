package org.wasmdbms.build;

import java.io.ByteArrayOutputStream;

/**
 * Rewrites the maximum size of the memory a WebAssembly core module defines, leaving every other
 * byte of the module as it was.
 *
 * <p>TeaVM 0.13.1 declares a memory whose maximum is exactly what its fixed heap needs, so a guest
 * cannot grow memory above the heap for its own non-moving allocations. This patcher raises that
 * maximum. Only the memory section (id 5) is rebuilt: its single 32-bit, unshared memory gets flags
 * {@code 0x01} (a maximum is present), the original minimum and the new maximum.
 */
public final class WasmMemoryPatcher {
  /** The largest page count a 32-bit memory may declare (4 GiB). */
  public static final int MAX_PAGES = 65536;

  private static final int MEMORY_SECTION = 5;
  private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

  private WasmMemoryPatcher() {}

  /**
   * Returns a copy of {@code module} whose memory has maximum {@code maxPages} pages.
   *
   * @throws IllegalArgumentException if {@code module} is not a well-formed binary module with
   *     exactly one defined 32-bit unshared memory, or if {@code maxPages} is below its minimum or
   *     above {@link #MAX_PAGES}
   */
  public static byte[] withMemoryMaximum(byte[] module, int maxPages) {
    if (maxPages < 1 || maxPages > MAX_PAGES) {
      throw new IllegalArgumentException(
          "maximum of " + maxPages + " pages outside 1.." + MAX_PAGES);
    }
    Reader in = new Reader(module);
    for (int i = 0; i < HEADER.length; i++) {
      if (in.u8() != (HEADER[i] & 0xFF)) {
        throw new IllegalArgumentException("not a WebAssembly 1.0 binary module");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(module.length + 8);
    out.write(module, 0, HEADER.length);
    boolean patched = false;
    while (in.position < module.length) {
      int id = in.u8();
      int size = in.u32();
      int start = in.position;
      in.require(size);
      out.write(id);
      if (id == MEMORY_SECTION) {
        byte[] section = memorySection(new Reader(module, start, start + size), maxPages);
        writeU32(out, section.length);
        out.write(section, 0, section.length);
        patched = true;
      } else {
        writeU32(out, size);
        out.write(module, start, size);
      }
      in.position = start + size;
    }
    if (!patched) {
      throw new IllegalArgumentException("the module defines no memory");
    }
    return out.toByteArray();
  }

  private static byte[] memorySection(Reader in, int maxPages) {
    if (in.u32() != 1) {
      throw new IllegalArgumentException("the module must define exactly one memory");
    }
    int flags = in.u8();
    if (flags != 0 && flags != 1) {
      throw new IllegalArgumentException(
          "unsupported memory flags 0x" + Integer.toHexString(flags));
    }
    int min = in.u32();
    if (flags == 1) {
      in.u32();
    }
    if (in.position != in.end) {
      throw new IllegalArgumentException("trailing bytes in the memory section");
    }
    if (maxPages < min) {
      throw new IllegalArgumentException(
          "maximum of " + maxPages + " pages is below the minimum of " + min);
    }
    ByteArrayOutputStream section = new ByteArrayOutputStream();
    writeU32(section, 1);
    section.write(1);
    writeU32(section, min);
    writeU32(section, maxPages);
    return section.toByteArray();
  }

  private static void writeU32(ByteArrayOutputStream out, int value) {
    long v = value & 0xFFFFFFFFL;
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }

  /** Reads bytes and unsigned LEB128 numbers inside {@code [position, end)}. */
  private static final class Reader {
    private final byte[] bytes;
    private final int end;
    private int position;

    Reader(byte[] bytes) {
      this(bytes, 0, bytes.length);
    }

    Reader(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.position = start;
      this.end = end;
    }

    void require(int count) {
      if (count < 0 || count > end - position) {
        throw new IllegalArgumentException("truncated module at byte " + position);
      }
    }

    int u8() {
      require(1);
      return bytes[position++] & 0xFF;
    }

    int u32() {
      long result = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int b = u8();
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          if (result > 0xFFFFFFFFL) {
            break;
          }
          return (int) result;
        }
      }
      throw new IllegalArgumentException("malformed u32 at byte " + position);
    }
  }
}
