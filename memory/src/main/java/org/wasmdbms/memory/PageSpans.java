package org.wasmdbms.memory;

/**
 * Splits a byte range of a provider into its parts within each 64 KiB page, in order: what every
 * provider that keeps or caches pages walks for a read or a write.
 */
public final class PageSpans {
  /** One page's share of a range. */
  @FunctionalInterface
  public interface Span {
    /**
     * Handles {@code length} bytes at {@code inPage} within page {@code page}, which are bytes
     * {@code done} to {@code done + length} of the range.
     */
    void accept(long page, int inPage, int done, int length);
  }

  private PageSpans() {}

  /** Calls {@code span} for each page that the {@code length} bytes at {@code offset} touch. */
  public static void forEach(long offset, int length, Span span) {
    long position = offset;
    int done = 0;
    while (done < length) {
      int inPage = (int) (position % MemoryProvider.PAGE_SIZE);
      int chunk = Math.min(length - done, MemoryProvider.PAGE_SIZE - inPage);
      span.accept(position / MemoryProvider.PAGE_SIZE, inPage, done, chunk);
      done += chunk;
      position += chunk;
    }
  }
}
