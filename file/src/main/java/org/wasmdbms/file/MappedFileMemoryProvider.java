package org.wasmdbms.file;

import java.nio.MappedByteBuffer;
import java.util.Arrays;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.CachedMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.ProviderRanges;

/**
 * A {@link MemoryProvider} over one file whose reads come from a read-only memory mapping of the
 * file ({@link java.nio.channels.FileChannel#map}), so a read of a page the operating system holds
 * in its page cache costs a copy, like a read from the heap. JVM only: the WebAssembly guest never
 * compiles this class.
 *
 * <p>The first {@code mapBytes} bytes of the file are mapped, in chunks of {@link #CHUNK_BYTES} (a
 * {@link java.nio.ByteBuffer} addresses at most 2 GiB). A chunk is mapped on its first read, and
 * mapped again, larger, when a read needs a page that growth appended after it was mapped; full
 * chunks are never mapped again. Bytes past {@code mapBytes} are read through a bounded page cache
 * ({@link CachedMemoryProvider}, {@code cachePages} pages) as an unmapped file is.
 *
 * <p>Writes, growth and {@link #sync()} go to the file through that cache ({@link
 * FileMemoryProvider}: positional writes, {@code force}); a shared mapping shows what the file
 * holds, so a read after a write sees it, and a write that fails leaves the mapping showing
 * whatever part of it reached the file, exactly as a read of the file would.
 *
 * <p>What mapping costs on Java 17, and how it is handled:
 *
 * <ul>
 *   <li>There is no explicit unmap: a mapping is released when its buffer is garbage collected.
 *       {@link #close()} drops every buffer, and a chunk mapped again drops the smaller one. The
 *       address space used is therefore at most the mapped part of the file, plus the smaller
 *       mappings of a growing last chunk that the collector has not released yet. Address space is
 *       not memory: only the pages read are resident, and they belong to the operating system's
 *       page cache, which may evict them.
 *   <li>Touching a mapped byte whose part of the file was truncated away crashes the JVM (SIGBUS).
 *       No region is ever mapped beyond the file's length, and the file never shrinks below a
 *       mapped region: {@link FileMemoryProvider} only truncates a torn tail before anything is
 *       mapped, and after a failed growth back to the length it had before it (which is all that is
 *       ever mapped). The file is locked against other openers; a process that ignores the lock and
 *       truncates the file can still crash this one.
 * </ul>
 *
 * <p>Errors are {@link MemoryException}s, as for every provider. The provider owns the file:
 * closing it closes the file.
 *
 * <p>Thread-safe: every method holds the provider's monitor; reads use absolute positions of the
 * mapped buffers, which are never moved.
 */
public final class MappedFileMemoryProvider implements MemoryProvider {
  /** The size of a mapped chunk: 1 GiB. */
  public static final int CHUNK_BYTES = 1 << 30;

  private static final int CHUNK_SHIFT = 30;

  private final FileMemoryProvider file;
  private final MemoryProvider below;
  private final long mapBytes;
  private MappedByteBuffer[] chunks = new MappedByteBuffer[0];
  // The file's size, kept here so that a read asks nothing of the file: only grow changes it.
  private long size;
  private boolean closed;

  /**
   * Maps up to {@code mapBytes} bytes of {@code file}, which it then owns; the rest is read through
   * a cache of {@code cachePages} pages.
   *
   * @param mapBytes how much of the file may be mapped, rounded down to whole pages; 0 maps nothing
   * @throws MemoryException if {@code mapBytes} is negative or {@code cachePages} is below 1
   */
  public MappedFileMemoryProvider(FileMemoryProvider file, long mapBytes, int cachePages) {
    if (mapBytes < 0) {
      throw new MemoryException("negative mapping size: " + mapBytes);
    }
    if (cachePages < 1) {
      throw new MemoryException("a page cache needs room for a page: " + cachePages);
    }
    this.file = file;
    this.below = new CachedMemoryProvider(file, cachePages);
    this.mapBytes = mapBytes - mapBytes % PAGE_SIZE;
    this.size = file.size();
  }

  /** How many chunks are mapped now (for tests and diagnostics). */
  public synchronized int mappedChunks() {
    int mapped = 0;
    for (MappedByteBuffer chunk : chunks) {
      mapped += chunk == null ? 0 : 1;
    }
    return mapped;
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
    MemoryProvider provider = open();
    try {
      return provider.grow(additionalPages);
    } finally {
      size = provider.size();
    }
  }

  @Override
  public synchronized void read(long offset, byte[] buffer, int bufferOffset, int length) {
    open();
    ProviderRanges.check(offset, buffer, bufferOffset, length, size);
    int done = 0;
    while (done < length) {
      long position = offset + done;
      if (position >= mapBytes) {
        below.read(position, buffer, bufferOffset + done, length - done);
        return;
      }
      int inChunk = (int) (position & (CHUNK_BYTES - 1));
      int count =
          (int) Math.min(length - done, Math.min(CHUNK_BYTES - inChunk, mapBytes - position));
      chunk(position >>> CHUNK_SHIFT, inChunk + count)
          .get(inChunk, buffer, bufferOffset + done, count);
      done += count;
    }
  }

  /**
   * The mapping of chunk {@code index}, mapped (again) if it holds fewer than {@code needed} bytes.
   */
  private MappedByteBuffer chunk(long index, int needed) {
    int i = (int) index;
    if (i >= chunks.length) {
      chunks = Arrays.copyOf(chunks, i + 1);
    }
    MappedByteBuffer mapped = chunks[i];
    if (mapped == null || mapped.capacity() < needed) {
      long start = index << CHUNK_SHIFT;
      int bytes = (int) Math.min(CHUNK_BYTES, Math.min(size, mapBytes) - start);
      mapped = file.map(start, bytes);
      chunks[i] = mapped;
    }
    return mapped;
  }

  @Override
  public synchronized void write(long offset, byte[] buffer, int bufferOffset, int length) {
    open().write(offset, buffer, bufferOffset, length);
  }

  @Override
  public synchronized void sync() {
    open().sync();
  }

  @Override
  public synchronized void commit() {
    open().commit();
  }

  /** Drops the mappings (the collector releases them) and closes the file. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      chunks = new MappedByteBuffer[0];
      below.close();
    }
  }

  private MemoryProvider open() {
    if (closed) {
      throw new MemoryException("memory provider is closed: " + file.path());
    }
    return below;
  }
}
