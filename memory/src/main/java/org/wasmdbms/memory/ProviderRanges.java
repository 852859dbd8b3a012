package org.wasmdbms.memory;

import org.wasmdbms.api.error.MemoryException;

/**
 * The argument checks every {@link MemoryProvider} makes before a transfer, shared so that all
 * providers reject exactly the same ranges with the same messages.
 */
public final class ProviderRanges {
  private ProviderRanges() {}

  /**
   * Checks that {@code [offset, offset + length)} lies inside {@code [0, size)} and that {@code
   * [bufferOffset, bufferOffset + length)} lies inside {@code buffer}, without overflowing.
   *
   * @throws MemoryException naming the first violated bound
   */
  public static void check(long offset, byte[] buffer, int bufferOffset, int length, long size) {
    if (buffer == null) {
      throw new MemoryException("buffer is null");
    }
    if (length < 0) {
      throw new MemoryException("negative length: " + length);
    }
    if (bufferOffset < 0 || bufferOffset > buffer.length - length) {
      throw new MemoryException(
          "buffer range ["
              + bufferOffset
              + ", +"
              + length
              + ") outside a buffer of "
              + buffer.length
              + " bytes");
    }
    if (offset < 0 || offset > size - length) {
      throw new MemoryException(
          "range [" + offset + ", +" + length + ") outside memory of " + size + " bytes");
    }
  }

  /**
   * Checks a {@link MemoryProvider#grow(long)} request: {@code additionalPages} is not negative and
   * {@code pages + additionalPages} stays within {@code maxPages}.
   *
   * @throws MemoryException "out of space" or naming the negative count
   */
  public static void checkGrowth(long pages, long additionalPages, long maxPages) {
    if (additionalPages < 0) {
      throw new MemoryException("cannot grow by a negative page count: " + additionalPages);
    }
    if (additionalPages > maxPages - pages) {
      throw new MemoryException(
          "out of space: "
              + pages
              + " pages in use, "
              + additionalPages
              + " more requested, at most "
              + maxPages
              + " possible");
    }
  }

  /** The most pages a 64-bit byte offset can address. */
  public static final long ADDRESSABLE_PAGES = Long.MAX_VALUE / MemoryProvider.PAGE_SIZE;

  /** How many leading bytes {@link #mayCutTornTail} looks at. */
  public static final int FILE_PREFIX_LENGTH = 5;

  /**
   * Whether a file whose length is not a whole number of pages may lose its partial last page: only
   * a file that starts like the files this project writes (the data file and the journal both start
   * with ASCII {@code WDBMS}), or one too short to tell, which a crash while it was first grown can
   * leave. A foreign file is never cut: opening it fails and it stays as it was.
   *
   * @param start the file's first bytes
   * @param length how many of them there are (the file may be shorter than the prefix)
   */
  public static boolean mayCutTornTail(byte[] start, int length) {
    byte[] prefix = {'W', 'D', 'B', 'M', 'S'};
    boolean ours = true;
    boolean zeros = true;
    for (int i = 0; i < prefix.length && i < length; i++) {
      ours &= start[i] == prefix[i];
      zeros &= start[i] == 0;
    }
    return ours || zeros;
  }
}
