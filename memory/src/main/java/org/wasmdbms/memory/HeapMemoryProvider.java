package org.wasmdbms.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wasmdbms.api.error.MemoryException;

/**
 * A volatile {@link MemoryProvider} on the Java heap. Guest-safe.
 *
 * <p>Pages are kept as separate {@link #PAGE_SIZE}-byte arrays in a list rather than one large
 * array, so the memory can grow beyond 2 GiB and growing never copies existing pages. A page's
 * array is created on its first write: grown pages that were never written read as zeros and cost
 * no memory. {@link #sync()} does nothing; everything is lost on {@link #close()}.
 *
 * <p>An optional page limit turns growth beyond it into a {@link MemoryException} ("out of space")
 * instead of an out-of-memory failure, which in the WebAssembly guest would kill the module.
 *
 * <p>Thread-safe: every method holds the provider's monitor (see {@link MemoryProvider}).
 */
public final class HeapMemoryProvider implements MemoryProvider {
  private final long maxPages;
  private List<byte[]> pages = new ArrayList<>();

  /** Creates an empty provider limited only by the list capacity ({@code Integer.MAX_VALUE}). */
  public HeapMemoryProvider() {
    this(Integer.MAX_VALUE);
  }

  /**
   * Creates an empty provider that refuses to grow beyond {@code maxPages} pages.
   *
   * @param maxPages the page limit, between 0 and {@code Integer.MAX_VALUE}
   * @throws MemoryException if the limit is out of that range
   */
  public HeapMemoryProvider(long maxPages) {
    if (maxPages < 0 || maxPages > Integer.MAX_VALUE) {
      throw new MemoryException("page limit out of range: " + maxPages);
    }
    this.maxPages = maxPages;
  }

  @Override
  public long size() {
    return pages() * PAGE_SIZE;
  }

  @Override
  public synchronized long pages() {
    return open().size();
  }

  @Override
  public synchronized long grow(long additionalPages) {
    List<byte[]> list = open();
    long before = list.size();
    ProviderRanges.checkGrowth(before, additionalPages, maxPages);
    for (long i = 0; i < additionalPages; i++) {
      list.add(null);
    }
    return before;
  }

  @Override
  public synchronized void read(long offset, byte[] buffer, int bufferOffset, int length) {
    List<byte[]> list = open();
    ProviderRanges.check(offset, buffer, bufferOffset, length, (long) list.size() * PAGE_SIZE);
    int index = (int) (offset >>> PAGE_SHIFT);
    int inPage = (int) (offset & (PAGE_SIZE - 1));
    int done = 0;
    while (done < length) {
      int chunk = Math.min(length - done, PAGE_SIZE - inPage);
      byte[] page = list.get(index);
      if (page == null) {
        Arrays.fill(buffer, bufferOffset + done, bufferOffset + done + chunk, (byte) 0);
      } else {
        System.arraycopy(page, inPage, buffer, bufferOffset + done, chunk);
      }
      done += chunk;
      index++;
      inPage = 0;
    }
  }

  @Override
  public synchronized void write(long offset, byte[] buffer, int bufferOffset, int length) {
    List<byte[]> list = open();
    ProviderRanges.check(offset, buffer, bufferOffset, length, (long) list.size() * PAGE_SIZE);
    int index = (int) (offset >>> PAGE_SHIFT);
    int inPage = (int) (offset & (PAGE_SIZE - 1));
    int done = 0;
    while (done < length) {
      int chunk = Math.min(length - done, PAGE_SIZE - inPage);
      byte[] page = list.get(index);
      if (page == null) {
        page = new byte[PAGE_SIZE];
        list.set(index, page);
      }
      System.arraycopy(buffer, bufferOffset + done, page, inPage, chunk);
      done += chunk;
      index++;
      inPage = 0;
    }
  }

  @Override
  public synchronized void sync() {
    open();
  }

  @Override
  public synchronized void close() {
    pages = null;
  }

  private List<byte[]> open() {
    List<byte[]> list = pages;
    if (list == null) {
      throw new MemoryException("memory provider is closed");
    }
    return list;
  }
}
