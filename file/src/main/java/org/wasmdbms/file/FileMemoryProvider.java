package org.wasmdbms.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.ProviderRanges;

/**
 * A {@link MemoryProvider} over one file, through a {@link FileChannel}. JVM only.
 *
 * <p>The file is the memory: byte {@code i} of the memory is byte {@code i} of the file, and the
 * file is always a whole number of {@link #PAGE_SIZE}-byte pages. A file whose length is not a
 * whole number of pages (a growth that a crash interrupted) is refused by {@link #open(Path)};
 * {@link #openCuttingTornTail(Path)} cuts the partial page off instead, for callers that never
 * trust pages past their last checkpoint (the journaled database files, see {@link DatabaseFiles}).
 *
 * <p>While open, the provider holds an exclusive {@link FileLock} on the file, so a second opener,
 * in this JVM or in another process, fails with {@link MemoryException} "database is locked".
 * {@link #sync()} is {@link FileChannel#force(boolean) force(true)}; {@link #grow(long)} writes
 * zero pages at the end of the file. Every I/O failure is reported as a {@link MemoryException}.
 *
 * <p>Not thread-safe, like every provider.
 */
public final class FileMemoryProvider implements MemoryProvider {
  private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];

  private final Path path;
  private FileChannel channel;
  private final FileLock lock;
  private long pages;

  private FileMemoryProvider(Path path, FileChannel channel, FileLock lock, long pages) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.pages = pages;
  }

  /**
   * Opens {@code path}, creating an empty file if it does not exist, and locks it exclusively.
   *
   * @param path the database file
   * @return the provider; its page count is the file length divided by {@link #PAGE_SIZE}
   * @throws MemoryException if the file cannot be opened, is locked by another opener, or its
   *     length is not a whole number of pages
   */
  public static FileMemoryProvider open(Path path) {
    return open(path, false);
  }

  /**
   * Opens {@code path} like {@link #open(Path)}, but a partial page at the end of the file, left by
   * a growth that a crash interrupted, is truncated away instead of refused. Only for files whose
   * owner does not trust pages past its last durable checkpoint, such as a journaled database.
   *
   * @throws MemoryException if the file cannot be opened, truncated, or is locked by another opener
   */
  public static FileMemoryProvider openCuttingTornTail(Path path) {
    return open(path, true);
  }

  private static FileMemoryProvider open(Path path, boolean cutTornTail) {
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    } catch (IOException | RuntimeException e) {
      throw new MemoryException("cannot open " + path + ": " + e);
    }
    try {
      FileLock lock = lockExclusively(path, channel);
      long length = channel.size();
      if (length % PAGE_SIZE != 0 && cutTornTail && startsLikeOurFiles(channel)) {
        length -= length % PAGE_SIZE;
        channel.truncate(length);
      }
      if (length % PAGE_SIZE != 0) {
        lock.release();
        throw new MemoryException(
            "file "
                + path
                + " is "
                + length
                + " bytes, not a whole number of "
                + PAGE_SIZE
                + "-byte pages");
      }
      return new FileMemoryProvider(path, channel, lock, length / PAGE_SIZE);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new MemoryException("cannot open " + path + ": " + e);
    } catch (MemoryException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static boolean startsLikeOurFiles(FileChannel channel) throws IOException {
    ByteBuffer start = ByteBuffer.allocate(ProviderRanges.FILE_PREFIX_LENGTH);
    while (start.hasRemaining() && channel.read(start, start.position()) > 0) {
      // read until the prefix is full or the file ends
    }
    return ProviderRanges.mayCutTornTail(start.array(), start.position());
  }

  private static FileLock lockExclusively(Path path, FileChannel channel) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new MemoryException("database is locked: " + path + " is open elsewhere");
    }
    return lock;
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // The open already failed; that failure is the one reported.
    }
  }

  /** The file this provider works on. */
  public Path path() {
    return path;
  }

  @Override
  public long size() {
    open();
    return pages * PAGE_SIZE;
  }

  @Override
  public long pages() {
    open();
    return pages;
  }

  @Override
  public long grow(long additionalPages) {
    FileChannel ch = open();
    long before = pages;
    ProviderRanges.checkGrowth(before, additionalPages, ProviderRanges.ADDRESSABLE_PAGES);
    try {
      for (long i = 0; i < additionalPages; i++) {
        writeFully(ch, (before + i) * PAGE_SIZE, ZERO_PAGE, 0, PAGE_SIZE);
      }
    } catch (IOException e) {
      truncateAfterFailedGrowth(ch, before);
      throw new MemoryException("cannot grow " + path + " by " + additionalPages + " pages: " + e);
    }
    pages = before + additionalPages;
    return before;
  }

  private void truncateAfterFailedGrowth(FileChannel ch, long pageCount) {
    try {
      ch.truncate(pageCount * PAGE_SIZE);
    } catch (IOException ignored) {
      // A partly grown file is refused on the next open (not a whole number of pages) or ends
      // in zero pages; the growth failure is the one reported.
    }
  }

  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int length) {
    FileChannel ch = open();
    ProviderRanges.check(offset, buffer, bufferOffset, length, pages * PAGE_SIZE);
    ByteBuffer target = ByteBuffer.wrap(buffer, bufferOffset, length);
    try {
      while (target.hasRemaining()) {
        int n = ch.read(target, offset + (target.position() - bufferOffset));
        if (n < 0) {
          throw new MemoryException(
              "unexpected end of " + path + " at " + (offset + target.position() - bufferOffset));
        }
      }
    } catch (IOException e) {
      throw new MemoryException("cannot read " + length + " bytes at " + offset + ": " + e);
    }
  }

  @Override
  public void write(long offset, byte[] buffer, int bufferOffset, int length) {
    FileChannel ch = open();
    ProviderRanges.check(offset, buffer, bufferOffset, length, pages * PAGE_SIZE);
    try {
      writeFully(ch, offset, buffer, bufferOffset, length);
    } catch (IOException e) {
      throw new MemoryException("cannot write " + length + " bytes at " + offset + ": " + e);
    }
  }

  private static void writeFully(FileChannel ch, long offset, byte[] buffer, int from, int length)
      throws IOException {
    ByteBuffer source = ByteBuffer.wrap(buffer, from, length);
    while (source.hasRemaining()) {
      ch.write(source, offset + (source.position() - from));
    }
  }

  @Override
  public void sync() {
    FileChannel ch = open();
    try {
      ch.force(true);
    } catch (IOException e) {
      throw new MemoryException("cannot sync " + path + ": " + e);
    }
  }

  @Override
  public void close() {
    FileChannel ch = channel;
    if (ch == null) {
      return;
    }
    channel = null;
    try {
      lock.release();
      ch.close();
    } catch (IOException e) {
      closeQuietly(ch);
      throw new MemoryException("cannot close " + path + ": " + e);
    }
  }

  private FileChannel open() {
    FileChannel ch = channel;
    if (ch == null) {
      throw new MemoryException("memory provider is closed: " + path);
    }
    return ch;
  }
}
