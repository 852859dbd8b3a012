package org.wasmdbms.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wasmdbms.api.error.MemoryException;

/**
 * A read cache of whole pages in front of another provider (a file), holding at most a fixed number
 * of pages and dropping the least recently used one first. It changes no semantics: every write
 * goes to the provider below before it returns (write-through), so the cache never holds a byte the
 * provider does not, and {@link #sync()}, {@link #commit()} and {@link #close()} are the
 * provider's. A read of a page that is not cached reads the whole page once; later reads of it cost
 * a copy.
 *
 * <p>Errors are the provider's. A write that fails drops the pages it touched from the cache, since
 * the provider may then hold part of it. The cache owns the provider: closing it closes the
 * provider, and every later call throws a {@link MemoryException}.
 *
 * <p>Thread-safe: every method holds the cache's monitor, so a read never sees a page half
 * replaced, and the provider below is called by one thread at a time. Guest-safe: the WebAssembly
 * guest caches its database file and journal with it.
 */
public final class CachedMemoryProvider implements MemoryProvider {
  private final MemoryProvider below;
  private final Map<Long, byte[]> pages;
  private boolean closed;

  /**
   * A cache of at most {@code maxPages} pages of {@code below}, which it then owns.
   *
   * @throws IllegalArgumentException unless {@code maxPages} is at least 1
   */
  public CachedMemoryProvider(MemoryProvider below, int maxPages) {
    if (maxPages < 1) {
      throw new IllegalArgumentException("a page cache needs room for a page: " + maxPages);
    }
    this.below = below;
    this.pages =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > maxPages;
          }
        };
  }

  /** The number of pages cached now (for tests and diagnostics). */
  public synchronized int cachedPages() {
    return pages.size();
  }

  @Override
  public synchronized long size() {
    return open().size();
  }

  @Override
  public synchronized long pages() {
    return open().pages();
  }

  @Override
  public synchronized long grow(long additionalPages) {
    return open().grow(additionalPages);
  }

  @Override
  public synchronized void read(long offset, byte[] buffer, int bufferOffset, int length) {
    MemoryProvider provider = open();
    ProviderRanges.check(offset, buffer, bufferOffset, length, provider.size());
    PageSpans.forEach(
        offset,
        length,
        (page, inPage, done, chunk) -> {
          byte[] image = pages.get(page);
          if (image == null) {
            image = new byte[PAGE_SIZE];
            provider.read(page * PAGE_SIZE, image);
            pages.put(page, image);
          }
          System.arraycopy(image, inPage, buffer, bufferOffset + done, chunk);
        });
  }

  @Override
  public synchronized void write(long offset, byte[] buffer, int bufferOffset, int length) {
    MemoryProvider provider = open();
    try {
      provider.write(offset, buffer, bufferOffset, length);
    } catch (MemoryException e) {
      forget(offset, length);
      throw e;
    }
    PageSpans.forEach(
        offset,
        length,
        (page, inPage, done, chunk) -> {
          byte[] image = pages.get(page);
          if (image != null) {
            System.arraycopy(buffer, bufferOffset + done, image, inPage, chunk);
          }
        });
  }

  /** Drops the cached pages that the range {@code offset}, {@code length} touches. */
  private void forget(long offset, int length) {
    if (offset >= 0 && length > 0) {
      PageSpans.forEach(offset, length, (page, inPage, done, chunk) -> pages.remove(page));
    }
  }

  @Override
  public synchronized void sync() {
    open().sync();
  }

  @Override
  public synchronized void commit() {
    open().commit();
  }

  /** Drops the cache and closes the provider below. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      pages.clear();
      below.close();
    }
  }

  private MemoryProvider open() {
    if (closed) {
      throw new MemoryException("memory provider is closed");
    }
    return below;
  }
}
