package org.wasmdbms.guest.wasi;

import java.nio.charset.StandardCharsets;
import org.teavm.interop.Address;
import org.wasmdbms.guest.abi.NativeHeap;

/** The guest's WASI environment variables and clock. Single-threaded, like the guest. */
public final class WasiEnvironment {
  private static final int MONOTONIC = 1;
  private static final int REALTIME = 0;
  private static final int NANOS_PER_MILLI = 1_000_000;

  private WasiEnvironment() {}

  /**
   * The value of environment variable {@code name}, or null if the host did not set it (or the
   * environment cannot be read).
   */
  public static String variable(String name) {
    int sizes = NativeHeap.allocate(8);
    if (sizes == 0) {
      return null;
    }
    try {
      if (Wasi.environSizesGet(Address.fromInt(sizes), Address.fromInt(sizes + 4)) != 0) {
        return null;
      }
      int count = Address.fromInt(sizes).getInt();
      int bufferSize = Address.fromInt(sizes + 4).getInt();
      if (count <= 0 || bufferSize <= 0 || count > bufferSize) {
        return null;
      }
      return find(name, count, bufferSize);
    } finally {
      NativeHeap.free(sizes);
    }
  }

  private static String find(String name, int count, int bufferSize) {
    int pointers = NativeHeap.allocate(4 * count);
    int buffer = pointers == 0 ? 0 : NativeHeap.allocate(bufferSize);
    try {
      if (buffer == 0 || Wasi.environGet(Address.fromInt(pointers), Address.fromInt(buffer)) != 0) {
        return null;
      }
      byte[] bytes = new byte[bufferSize];
      for (int i = 0; i < bufferSize; i++) {
        bytes[i] = Address.fromInt(buffer + i).getByte();
      }
      // Entries are "NAME=value" each ended by a zero byte, one after the other in the buffer.
      String prefix = name + "=";
      int start = 0;
      for (int i = 0; i < bufferSize; i++) {
        if (bytes[i] == 0) {
          String entry = new String(bytes, start, i - start, StandardCharsets.UTF_8);
          if (entry.startsWith(prefix)) {
            return entry.substring(prefix.length());
          }
          start = i + 1;
        }
      }
      return null;
    } finally {
      if (buffer != 0) {
        NativeHeap.free(buffer);
      }
      if (pointers != 0) {
        NativeHeap.free(pointers);
      }
    }
  }

  /**
   * Milliseconds of the host's monotonic clock (its real-time clock if it has no monotonic one), or
   * 0 if it has neither.
   */
  public static long millis() {
    int time = NativeHeap.allocate(8);
    if (time == 0) {
      return 0;
    }
    try {
      if (Wasi.clockTimeGet(MONOTONIC, NANOS_PER_MILLI, Address.fromInt(time)) != 0
          && Wasi.clockTimeGet(REALTIME, NANOS_PER_MILLI, Address.fromInt(time)) != 0) {
        return 0;
      }
      return Address.fromInt(time).getLong() / NANOS_PER_MILLI;
    } finally {
      NativeHeap.free(time);
    }
  }
}
