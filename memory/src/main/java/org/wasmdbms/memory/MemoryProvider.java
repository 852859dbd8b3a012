package org.wasmdbms.memory;

/**
 * A linear, byte-addressed memory that grows in whole pages of {@link #PAGE_SIZE} bytes: the only
 * thing the storage layer needs from the place where bytes live (a heap array, a file, WASI file
 * calls in the guest).
 *
 * <p>Contract, common to every implementation and checked by one shared contract test suite:
 *
 * <ul>
 *   <li>{@link #size()} is always {@code pages() * PAGE_SIZE}; a new provider has zero pages unless
 *       it opened existing content.
 *   <li>{@link #grow(long)} appends whole pages, returns the page count before the call, and the
 *       new bytes read as zero.
 *   <li>{@link #read(long, byte[], int, int)} and {@link #write(long, byte[], int, int)} either
 *       transfer every requested byte or throw; a range that is not wholly inside {@code [0,
 *       size())}, a negative offset or length, or a buffer range outside the array throws {@link
 *       org.wasmdbms.api.error.MemoryException} and transfers nothing. There is no partial read.
 *   <li>A write that the storage below fails part-way (an I/O error, a full disk) throws {@link
 *       org.wasmdbms.api.error.MemoryException}. It leaves the size and every byte outside its
 *       range unchanged, and each byte inside its range holding its old value or the new one; so
 *       does reopening, which also keeps everything synced before. A provider may instead refuse
 *       every later call until it is reopened, when its state is unknown until recovery (the
 *       journaled provider does, once a commit has failed).
 *   <li>{@link #sync()} returns only once every byte written before it is durable (for volatile
 *       providers it does nothing). Writes not followed by a {@code sync} may be lost on power
 *       loss.
 *   <li>After {@link #close()}, every method but {@code close} throws {@link
 *       org.wasmdbms.api.error.MemoryException}; closing twice is harmless.
 *   <li>All failures are {@link org.wasmdbms.api.error.MemoryException}s with a message that says
 *       what failed; no other exception type escapes.
 * </ul>
 *
 * <p>Thread safety: the providers of this project that run on the JVM (heap, cache, journal, file)
 * are thread-safe: each call holds a monitor on its provider, so calls from several threads run one
 * at a time and each sees the whole effect of the ones before it. Their {@code synchronized}
 * methods cost the single-threaded WebAssembly guest a few nanoseconds per call (probed under TeaVM
 * 0.13.1). The guest's WASI provider is only ever called by the guest's one thread. The engine's
 * {@code Database} serialises its own calls anyway; providers are safe on their own because a cache
 * or journal can be reached through more than one path (a wrapper and whatever it wraps).
 */
public interface MemoryProvider extends AutoCloseable {
  /** The page size: 64 KiB, the WebAssembly page size. */
  int PAGE_SIZE = 65536;

  /** {@code log2(PAGE_SIZE)}: the page of byte {@code offset} is {@code offset >>> PAGE_SHIFT}. */
  int PAGE_SHIFT = 16;

  /** The current size in bytes: always {@code pages() * PAGE_SIZE}. */
  long size();

  /** The current number of pages. */
  long pages();

  /**
   * Appends {@code additionalPages} zero-filled pages.
   *
   * @param additionalPages how many pages to add; zero is allowed, negative is an error
   * @return the page count before the call
   * @throws org.wasmdbms.api.error.MemoryException if the pages cannot be added (out of space,
   *     closed, negative count); the size is then unchanged
   */
  long grow(long additionalPages);

  /**
   * Copies {@code length} bytes starting at {@code offset} into {@code buffer[bufferOffset ...]}.
   *
   * @throws org.wasmdbms.api.error.MemoryException if the range is out of bounds or the read fails
   */
  void read(long offset, byte[] buffer, int bufferOffset, int length);

  /**
   * Copies {@code length} bytes from {@code buffer[bufferOffset ...]} to {@code offset}.
   *
   * @throws org.wasmdbms.api.error.MemoryException if the range is out of bounds or the write fails
   */
  void write(long offset, byte[] buffer, int bufferOffset, int length);

  /**
   * Reads {@code buffer.length} bytes at {@code offset}; see {@link #read(long, byte[], int, int)}.
   */
  default void read(long offset, byte[] buffer) {
    read(offset, buffer, 0, buffer.length);
  }

  /** Writes all of {@code buffer} at {@code offset}; see {@link #write(long, byte[], int, int)}. */
  default void write(long offset, byte[] buffer) {
    write(offset, buffer, 0, buffer.length);
  }

  /**
   * Makes every earlier write durable.
   *
   * @throws org.wasmdbms.api.error.MemoryException if the data cannot be made durable
   */
  void sync();

  /**
   * Ends an atomic unit of writes: everything written since the previous commit becomes durable,
   * all of it or none of it, once this returns. A provider that writes in place (heap, a plain
   * file) cannot make a group of writes atomic, so its commit does nothing and {@link #sync()}
   * remains the way to make its writes durable; {@link
   * org.wasmdbms.memory.journal.JournaledMemoryProvider} overrides it with a journaled commit.
   *
   * @throws org.wasmdbms.api.error.MemoryException if the writes cannot be made durable
   */
  default void commit() {}

  /**
   * Ends an atomic unit of writes like {@link #commit()}, but may return before it is durable: the
   * rest of the work {@link #commit()} would have done (in full durability, the sync) is done by
   * the next {@link #finishCommits()}, which may serve several commits with one sync (group
   * commit). The default is {@link #commit()} itself.
   *
   * @throws org.wasmdbms.api.error.MemoryException if the writes cannot be written
   */
  default void commitWithoutSync() {
    commit();
  }

  /**
   * Completes every commit ended by {@link #commitWithoutSync()} so far: once this returns they are
   * as durable as {@link #commit()} makes them. Does not hold up reads of the provider while it
   * waits for the disk. The default does nothing (its {@code commitWithoutSync} commits in full).
   *
   * @throws org.wasmdbms.api.error.MemoryException if the commits cannot be made durable
   */
  default void finishCommits() {}

  /** Releases the underlying resource. Idempotent. */
  @Override
  void close();
}
