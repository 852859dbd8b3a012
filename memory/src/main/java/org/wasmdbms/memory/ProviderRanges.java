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
}
