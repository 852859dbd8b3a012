package org.wasmdbms.memory;

import org.wasmdbms.api.error.MemoryException;

/**
 * A read cache of whole pages in front of another provider (a file), holding at most a fixed number
 * of pages and dropping the least recently used one first. It changes no semantics: every write
 * goes to the provider below before it returns (write-through), so the cache never holds a byte the
 * provider does not, and {@link #sync()}, {@link #commit()} and {@link #close()} are the
 * provider's. A read of a page that is not cached reads the whole page once; later reads of it cost
 * a copy. Pages are found by their number as a primitive {@code long} ({@link PageCache}), so a
 * cached read allocates nothing and takes no lambda or boxed key.
 *
 * <p>Errors are the provider's. A write that fails drops the pages it touched from the cache, since
 * the provider may then hold part of it. The cache owns the provider: closing it closes the
 * provider, and every later call throws a {@link MemoryException}.
 *
 * <p>Thread-safe: every method but the commits and {@link #sync()} holds the cache's monitor, so a
 * read never sees a page half replaced; the commits and sync call the provider below without it
 * (they change no byte), so reads of the cache go on while the disk syncs. Guest-safe: the
 * WebAssembly guest caches its database file and journal with it.
 */
public final class CachedMemoryProvider implements MemoryProvider {
  /** The largest cache: 2^28 pages (16 TiB). */
  public static final int MAX_PAGES = 1 << 28;

  private final MemoryProvider below;
  private final PageCache pages;
  private volatile boolean closed;

  /**
   * A cache of at most {@code maxPages} pages of {@code below}, which it then owns.
   *
   * @throws IllegalArgumentException unless {@code maxPages} is between 1 and {@link #MAX_PAGES}
   */
  public CachedMemoryProvider(MemoryProvider below, int maxPages) {
    if (maxPages < 1 || maxPages > MAX_PAGES) {
      throw new IllegalArgumentException(
          "a page cache holds 1 to " + MAX_PAGES + " pages, not " + maxPages);
    }
    this.below = below;
    this.pages = new PageCache(maxPages);
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
    long page = offset >>> PAGE_SHIFT;
    int inPage = (int) (offset & (PAGE_SIZE - 1));
    int done = 0;
    // Most reads lie within one page: one lookup, one copy, no allocation once it is cached.
    while (done < length) {
      int chunk = Math.min(length - done, PAGE_SIZE - inPage);
      System.arraycopy(image(provider, page), inPage, buffer, bufferOffset + done, chunk);
      done += chunk;
      page++;
      inPage = 0;
    }
  }

  private byte[] image(MemoryProvider provider, long page) {
    byte[] image = pages.get(page);
    if (image == null) {
      image = new byte[PAGE_SIZE];
      provider.read(page * PAGE_SIZE, image);
      pages.put(page, image);
    }
    return image;
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
    long page = offset >>> PAGE_SHIFT;
    int inPage = (int) (offset & (PAGE_SIZE - 1));
    int done = 0;
    while (done < length) {
      int chunk = Math.min(length - done, PAGE_SIZE - inPage);
      byte[] image = pages.peek(page);
      if (image != null) {
        System.arraycopy(buffer, bufferOffset + done, image, inPage, chunk);
      }
      done += chunk;
      page++;
      inPage = 0;
    }
  }

  /** Drops the cached pages that the range {@code offset}, {@code length} touches. */
  private void forget(long offset, int length) {
    if (offset >= 0 && length > 0) {
      long last = (offset + length - 1) >>> PAGE_SHIFT;
      for (long page = offset >>> PAGE_SHIFT; page <= last; page++) {
        pages.remove(page);
      }
    }
  }

  // Sync and commit go to the provider below without the cache's monitor: it is write-through,
  // so they touch no cached page, and reads go on while the provider below waits for the disk.
  @Override
  public void sync() {
    open().sync();
  }

  @Override
  public void commit() {
    open().commit();
  }

  @Override
  public void commitWithoutSync() {
    open().commitWithoutSync();
  }

  @Override
  public void finishCommits() {
    open().finishCommits();
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
