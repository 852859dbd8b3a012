package org.wasmdbms.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
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
 * {@link #sync()} is {@link FileChannel#force(boolean) force}{@code (}{@link #SYNC_METADATA}{@code
 * )}, a data sync; {@link #grow(long)} writes zero pages at the end of the file. Every I/O failure
 * is reported as a {@link MemoryException}.
 *
 * <p>Thread-safe: every method holds the provider's monitor, so one thread at a time uses the
 * channel, except the force of {@link #sync()}, which runs beside the other calls.
 *
 * <p>Interrupts: a {@link FileChannel} closes itself for good when a thread is interrupted inside
 * one of its operations ({@link java.nio.channels.ClosedByInterruptException}), and a thread whose
 * interrupt status is set closes it at its next operation. Since an application (a web server
 * cancelling a request) may interrupt any thread that calls the database, the provider survives it:
 * each call sets a pending interrupt status aside while it works, and when an interrupt closes the
 * channel during the call it reopens the file, takes the lock again and redoes the operation (every
 * operation is idempotent: positional reads and writes, zero-filling growth, force). The interrupt
 * status is restored before the call returns, so the interrupted call completes and the thread
 * still learns of its interrupt. While the channel is closed the file is unlocked; if another
 * opener took the lock in that instant, or the file shrank, the call fails with a {@link
 * MemoryException} and the next call tries to reopen again.
 */
public final class FileMemoryProvider implements MemoryProvider {
  private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];

  /**
   * Whether {@link #sync()} also forces metadata that reading the file back does not need: false, a
   * data sync ({@code fdatasync} on Linux, what SQLite uses too). The file's length is still made
   * durable with its data (growth writes zeros, so a grown region is data like any other); what is
   * skipped is the modification time, whose update otherwise costs a file-system journal commit on
   * every sync, measured at about a third of a 4 KiB write-and-sync here. The benchmarks' raw-sync
   * baseline uses the same flag.
   */
  public static final boolean SYNC_METADATA = false;

  /**
   * How often one call reopens the channel before it gives up: only a thread interrupted again and
   * again during the same call gets that far.
   */
  private static final int MAX_REOPENS = 16;

  /** How long a reopen waits for the closed channel's lock to be released in this JVM. */
  private static final long RELOCK_PATIENCE_NANOS = 200_000_000L;

  private final Path path;
  // Null once closed; a channel that an interrupt closed stays here until the next call reopens.
  // The file lock is the channel's: it lives until the channel closes.
  private FileChannel channel;
  private long pages;
  private int reopens;

  private FileMemoryProvider(Path path, FileChannel channel, long pages) {
    this.path = path;
    this.channel = channel;
    this.pages = pages;
  }

  /** One use of the channel, which {@link #io} may run again on a reopened channel. */
  private interface ChannelOp<T> {
    T run(FileChannel channel) throws IOException;
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
    // A pending interrupt would close the new channel at its first operation.
    boolean interrupted = Thread.interrupted();
    try {
      FileChannel channel = openChannel(path, true);
      try {
        lockExclusively(path, channel, 0);
        long length = channel.size();
        if (length % PAGE_SIZE != 0 && cutTornTail && startsLikeOurFiles(channel)) {
          length -= length % PAGE_SIZE;
          channel.truncate(length);
        }
        if (length % PAGE_SIZE != 0) {
          throw new MemoryException(
              "file "
                  + path
                  + " is "
                  + length
                  + " bytes, not a whole number of "
                  + PAGE_SIZE
                  + "-byte pages");
        }
        return new FileMemoryProvider(path, channel, length / PAGE_SIZE);
      } catch (IOException e) {
        closeQuietly(channel);
        throw new MemoryException("cannot open " + path + ": " + e);
      } catch (MemoryException e) {
        closeQuietly(channel);
        throw e;
      }
    } finally {
      restoreInterrupt(interrupted);
    }
  }

  private static FileChannel openChannel(Path path, boolean create) {
    try {
      return create
          ? FileChannel.open(
              path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE)
          : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException | RuntimeException e) {
      throw new MemoryException("cannot open " + path + ": " + e);
    }
  }

  private static boolean startsLikeOurFiles(FileChannel channel) throws IOException {
    ByteBuffer start = ByteBuffer.allocate(ProviderRanges.FILE_PREFIX_LENGTH);
    while (start.hasRemaining() && channel.read(start, start.position()) > 0) {
      // read until the prefix is full or the file ends
    }
    return ProviderRanges.mayCutTornTail(start.array(), start.position());
  }

  /**
   * Takes the exclusive lock on {@code channel}, or fails with "database is locked". An overlap
   * reported by this JVM's lock table is retried for {@code patienceNanos}: after an interrupt, the
   * channel it closed releases its lock in the interrupting thread, and until it has, the overlap
   * is not another opener (a sync runs without the monitor, so a thread interrupted during it can
   * still be closing while another thread reopens). A first open waits for nothing.
   */
  private static void lockExclusively(Path path, FileChannel channel, long patienceNanos)
      throws IOException {
    long deadline = System.nanoTime() + patienceNanos;
    while (true) {
      try {
        if (channel.tryLock() != null) {
          return;
        }
        break;
      } catch (OverlappingFileLockException e) {
        if (System.nanoTime() - deadline >= 0) {
          break;
        }
        Thread.yield();
      }
    }
    throw new MemoryException("database is locked: " + path + " is open elsewhere");
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // The open already failed; that failure is the one reported.
    }
  }

  private static void restoreInterrupt(boolean interrupted) {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The file this provider works on. */
  public Path path() {
    return path;
  }

  /** How often an interrupt closed the file and a call reopened it (for tests and diagnostics). */
  public synchronized int reopens() {
    return reopens;
  }

  @Override
  public synchronized long size() {
    open();
    return pages * PAGE_SIZE;
  }

  @Override
  public synchronized long pages() {
    open();
    return pages;
  }

  @Override
  public synchronized long grow(long additionalPages) {
    open();
    long before = pages;
    ProviderRanges.checkGrowth(before, additionalPages, ProviderRanges.ADDRESSABLE_PAGES);
    try {
      io(
          ch -> {
            for (long i = 0; i < additionalPages; i++) {
              writeFully(ch, (before + i) * PAGE_SIZE, ZERO_PAGE, 0, PAGE_SIZE);
            }
            return null;
          });
    } catch (IOException | MemoryException e) {
      truncateAfterFailedGrowth(before);
      throw new MemoryException("cannot grow " + path + " by " + additionalPages + " pages: " + e);
    }
    pages = before + additionalPages;
    return before;
  }

  private void truncateAfterFailedGrowth(long pageCount) {
    try {
      io(ch -> ch.truncate(pageCount * PAGE_SIZE));
    } catch (IOException | MemoryException ignored) {
      // A partly grown file is refused on the next open (not a whole number of pages) or ends
      // in zero pages; the growth failure is the one reported.
    }
  }

  @Override
  public synchronized void read(long offset, byte[] buffer, int bufferOffset, int length) {
    open();
    ProviderRanges.check(offset, buffer, bufferOffset, length, pages * PAGE_SIZE);
    try {
      io(
          ch -> {
            ByteBuffer target = ByteBuffer.wrap(buffer, bufferOffset, length);
            while (target.hasRemaining()) {
              long at = offset + (target.position() - bufferOffset);
              if (ch.read(target, at) < 0) {
                throw new MemoryException("unexpected end of " + path + " at " + at);
              }
            }
            return null;
          });
    } catch (IOException e) {
      throw new MemoryException("cannot read " + length + " bytes at " + offset + ": " + e);
    }
  }

  @Override
  public synchronized void write(long offset, byte[] buffer, int bufferOffset, int length) {
    open();
    ProviderRanges.check(offset, buffer, bufferOffset, length, pages * PAGE_SIZE);
    try {
      io(
          ch -> {
            writeFully(ch, offset, buffer, bufferOffset, length);
            return null;
          });
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

  /**
   * Forces the file to disk. The force runs without the provider's monitor, so other threads' reads
   * and writes (the next commits' journal records, for group commit) go on while the disk works; it
   * covers every write that returned before it began. If an interrupt closes the channel meanwhile,
   * the sync is redone the way every call is (see the class comment).
   */
  @Override
  public void sync() {
    FileChannel ch;
    synchronized (this) {
      ch = open();
    }
    if (ch.isOpen() && !Thread.currentThread().isInterrupted()) {
      try {
        ch.force(SYNC_METADATA);
        return;
      } catch (ClosedChannelException e) {
        // An interrupt (or a close) closed the channel: redo it below, reopening if need be.
      } catch (IOException e) {
        throw new MemoryException("cannot sync " + path + ": " + e);
      }
    }
    syncReopening();
  }

  private synchronized void syncReopening() {
    try {
      io(
          ch -> {
            ch.force(SYNC_METADATA);
            return null;
          });
    } catch (IOException e) {
      throw new MemoryException("cannot sync " + path + ": " + e);
    }
  }

  /**
   * Maps {@code size} bytes of the file at {@code position} read-only, for {@link
   * MappedFileMemoryProvider}. The region must lie inside the file: mapping past its end would
   * extend it. The mapping stays valid after the channel closes.
   *
   * @throws MemoryException if the region is outside the file or the mapping fails
   */
  synchronized MappedByteBuffer map(long position, int size) {
    open();
    if (position < 0 || size < 0 || position > pages * PAGE_SIZE - size) {
      throw new MemoryException(
          "cannot map [" + position + ", +" + size + ") of " + pages * PAGE_SIZE + " bytes");
    }
    try {
      return io(ch -> ch.map(FileChannel.MapMode.READ_ONLY, position, size));
    } catch (IOException e) {
      throw new MemoryException("cannot map " + size + " bytes of " + path + ": " + e);
    }
  }

  /** Closes the file, which releases its lock. Idempotent. */
  @Override
  public synchronized void close() {
    FileChannel ch = channel;
    if (ch == null) {
      return;
    }
    channel = null;
    try {
      ch.close();
    } catch (IOException e) {
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

  /**
   * Runs {@code op} on the channel, reopening it first if an interrupt closed it, and again
   * whenever an interrupt closes it during {@code op}; see the class comment.
   *
   * @throws IOException any other I/O failure of {@code op}
   * @throws MemoryException if the provider is closed, the file cannot be reopened and locked, or
   *     interrupts closed the channel more than {@link #MAX_REOPENS} times
   */
  private <T> T io(ChannelOp<T> op) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      for (int attempt = 0; ; attempt++) {
        try {
          FileChannel ch = open();
          return op.run(ch.isOpen() ? ch : reopen());
        } catch (ClosedChannelException e) {
          interrupted |= Thread.interrupted();
          if (attempt == MAX_REOPENS) {
            throw new MemoryException(
                "interrupts closed " + path + " " + attempt + " times during one call: " + e);
          }
        }
      }
    } finally {
      restoreInterrupt(interrupted);
    }
  }

  /**
   * Opens the file again after an interrupt closed its channel, and locks it again. The file must
   * still exist (it is not created) and must not have shrunk while it was unlocked.
   */
  private FileChannel reopen() throws IOException {
    FileChannel ch = openChannel(path, false);
    try {
      lockExclusively(path, ch, RELOCK_PATIENCE_NANOS);
      if (ch.size() < pages * PAGE_SIZE) {
        throw new MemoryException(path + " shrank while an interrupt had closed it");
      }
    } catch (IOException | MemoryException e) {
      closeQuietly(ch);
      throw e;
    }
    channel = ch;
    reopens++;
    return ch;
  }
}
