package org.wasmdbms.build;

import java.util.Properties;

/**
 * The options of one guest build, with today's values as defaults: the data file's name in the
 * preopened directory, the fixed Java heap, the module's memory maximum in 64 KiB pages, the
 * largest single string or blob argument and the largest result of one call. They reach the guest
 * as TeaVM properties ({@link #toProperties()}); {@link GuestBinding} turns them into constants in
 * the compiled guest. Immutable and thread-safe.
 *
 * @param dataFile the data file's name in the preopened directory (its journal is the same name
 *     plus {@code -journal})
 * @param heapMiB the Java heap in MiB, fixed (1..1024)
 * @param maxPages the module's memory maximum in 64 KiB pages (heap included; at most 65536)
 * @param maxValueBytes the largest single string or blob argument; one call's arguments may hold
 *     twice as much
 * @param maxResultBytes the largest result of one call in canonical-ABI form
 */
public record GuestBuildOptions(
    String dataFile, int heapMiB, int maxPages, int maxValueBytes, int maxResultBytes) {
  /** The data file's name unless set: {@value}. */
  public static final String DEFAULT_DATA_FILE = "wasm-dbms.db";

  /** The heap unless set: {@value} MiB. */
  public static final int DEFAULT_HEAP_MIB = 256;

  /** The memory maximum unless set: {@value} pages (1 GiB). */
  public static final int DEFAULT_MAX_PAGES = 16384;

  /** The largest value unless set: {@value} bytes (4 MiB). */
  public static final int DEFAULT_MAX_VALUE_BYTES = 4 << 20;

  /** The largest result unless set: {@value} bytes (16 MiB). */
  public static final int DEFAULT_MAX_RESULT_BYTES = 16 << 20;

  private static final String PREFIX = "wasm-dbms.guest.";
  private static final int PAGE = 65536;

  /**
   * Checks the options together.
   *
   * @throws IllegalArgumentException naming the option that is out of range, and why
   */
  public GuestBuildOptions {
    if (dataFile == null
        || dataFile.isEmpty()
        || dataFile.length() > 200
        || dataFile.equals(".")
        || dataFile.equals("..")
        || dataFile.indexOf('/') >= 0
        || dataFile.indexOf('\\') >= 0
        || dataFile.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "dataFile \""
              + dataFile
              + "\" must be a plain file name (1..200 characters, no '/', '\\\\', '.' or '..'):"
              + " the guest opens it in the preopened directory");
    }
    if (heapMiB < 1 || heapMiB > 1024) {
      throw new IllegalArgumentException("heapMiB " + heapMiB + " is outside 1..1024");
    }
    if (maxValueBytes < 1 || maxValueBytes > (256 << 20)) {
      throw new IllegalArgumentException(
          "maxValueBytes " + maxValueBytes + " is outside 1.." + (256 << 20));
    }
    if (maxResultBytes < 1024 || maxResultBytes > (512 << 20)) {
      throw new IllegalArgumentException(
          "maxResultBytes " + maxResultBytes + " is outside 1024.." + (512 << 20));
    }
    // A call holds its arguments as Java strings (two bytes a character) and its result while it
    // builds it: the fixed heap must hold a few copies of both, with room for the engine's pages.
    long callBytes = 4L * (2L * maxValueBytes) + 2L * maxResultBytes;
    if (callBytes > ((long) heapMiB << 20) / 2) {
      throw new IllegalArgumentException(
          "heapMiB "
              + heapMiB
              + " is too small for maxValueBytes "
              + maxValueBytes
              + " and maxResultBytes "
              + maxResultBytes
              + ": a call may need "
              + (callBytes >> 20)
              + " MiB, and the heap must be at least twice that; raise heapMiB or lower the limits");
    }
    // The arena for canonical-ABI buffers lies above the heap and needs room for a request and a
    // result.
    long needPages = (((long) heapMiB << 20) + 2L * maxValueBytes + maxResultBytes) / PAGE + 16;
    if (maxPages < needPages || maxPages > 65536) {
      throw new IllegalArgumentException(
          "maxPages "
              + maxPages
              + " is outside "
              + needPages
              + "..65536: the memory holds the heap plus one request and one result above it");
    }
  }

  /** Today's values. */
  public static GuestBuildOptions defaults() {
    return new GuestBuildOptions(
        DEFAULT_DATA_FILE,
        DEFAULT_HEAP_MIB,
        DEFAULT_MAX_PAGES,
        DEFAULT_MAX_VALUE_BYTES,
        DEFAULT_MAX_RESULT_BYTES);
  }

  /** These options as the TeaVM properties {@link #fromProperties} reads. */
  public Properties toProperties() {
    Properties properties = new Properties();
    properties.setProperty(PREFIX + "dataFile", dataFile);
    properties.setProperty(PREFIX + "heapMiB", Integer.toString(heapMiB));
    properties.setProperty(PREFIX + "maxPages", Integer.toString(maxPages));
    properties.setProperty(PREFIX + "maxValueBytes", Integer.toString(maxValueBytes));
    properties.setProperty(PREFIX + "maxResultBytes", Integer.toString(maxResultBytes));
    return properties;
  }

  /**
   * The options in {@code properties}, defaults for those not set.
   *
   * @throws IllegalArgumentException if a value is not a number or out of range
   */
  public static GuestBuildOptions fromProperties(Properties properties) {
    return new GuestBuildOptions(
        properties.getProperty(PREFIX + "dataFile", DEFAULT_DATA_FILE),
        number(properties, "heapMiB", DEFAULT_HEAP_MIB),
        number(properties, "maxPages", DEFAULT_MAX_PAGES),
        number(properties, "maxValueBytes", DEFAULT_MAX_VALUE_BYTES),
        number(properties, "maxResultBytes", DEFAULT_MAX_RESULT_BYTES));
  }

  private static int number(Properties properties, String name, int fallback) {
    String text = properties.getProperty(PREFIX + name);
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " \"" + text + "\" is not a whole number", e);
    }
  }
}
