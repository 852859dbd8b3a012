package org.wasmdbms.memory;

/**
 * Fixed-size pages of {@link MemoryProvider#PAGE_SIZE} bytes that can be allocated and freed: the
 * layer that tables, overflow chains and B+ tree nodes are built on.
 *
 * <p>Every page write of the storage layer goes through {@link #write(long, int, byte[], int,
 * int)}: it is the one write path where a journal hooks in for crash safety.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #allocate()} returns a page id that is not in use, reusing a freed page before
 *       growing the memory; the page reads as all zeros.
 *   <li>{@link #free(long)} returns a page for reuse; freeing a page that is not allocated, or a
 *       reserved page, throws {@link org.wasmdbms.api.error.MemoryException}.
 *   <li>Reads and writes address a page id plus an offset inside that page; a range that crosses
 *       the page end or names a page that does not exist throws {@link
 *       org.wasmdbms.api.error.MemoryException} and transfers nothing.
 * </ul>
 *
 * <p>Thread safety: not thread-safe; the engine's {@code Database} calls it from one thread at a
 * time.
 */
public interface PageStore {
  /** The page size in bytes. */
  int PAGE_SIZE = MemoryProvider.PAGE_SIZE;

  /** Allocates a zero-filled page and returns its id. */
  long allocate();

  /** Returns {@code pageId} to the free pages. */
  void free(long pageId);

  /** Copies {@code length} bytes at {@code offset} of page {@code pageId} into the buffer. */
  void read(long pageId, int offset, byte[] buffer, int bufferOffset, int length);

  /** Copies {@code length} bytes from the buffer to {@code offset} of page {@code pageId}. */
  void write(long pageId, int offset, byte[] buffer, int bufferOffset, int length);

  /** The number of pages the store spans, allocated, free and reserved together. */
  long pageCount();
}
