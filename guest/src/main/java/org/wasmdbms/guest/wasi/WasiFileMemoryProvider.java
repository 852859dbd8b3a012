package org.wasmdbms.guest.wasi;

import org.teavm.interop.Address;
import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.guest.abi.NativeHeap;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.ProviderRanges;

/**
 * A {@link MemoryProvider} over one file in the WASI preopened directory, through WASI preview 1
 * calls ({@code path_open}, {@code fd_pread}, {@code fd_pwrite}, {@code fd_sync}, {@code
 * fd_filestat_get}, {@code fd_filestat_set_size}, {@code fd_close}). The guest's counterpart of the
 * JVM's file provider: byte {@code i} of the memory is byte {@code i} of the file, and the file is
 * always a whole number of {@link #PAGE_SIZE}-byte pages (opening one that is not fails with {@link
 * MemoryException}).
 *
 * <p>{@link #grow(long)} extends the file with {@code fd_filestat_set_size}, which reads back as
 * zeros; {@link #sync()} is {@code fd_sync}. Every WASI failure is a {@link MemoryException} naming
 * the call and its errno. The scratch buffer the calls need (an iovec, a result word, a filestat)
 * lives in the {@link NativeHeap}, so its address is stable; data buffers are Java arrays whose
 * address is taken right before each call, with no allocation in between, so they cannot move.
 *
 * <p>WASI has no file locks: two instances on the same directory would both write. Not thread-safe,
 * like every provider.
 */
public final class WasiFileMemoryProvider implements MemoryProvider {
  private static final int LOOKUP_SYMLINK_FOLLOW = 1;
  private static final int OPEN_CREATE = 1;
  private static final long ALL_RIGHTS = 0x1FFFFFFFL;
  private static final int FIRST_PREOPEN = 3;
  private static final int LAST_PREOPEN = 64;
  private static final int FILESTAT_SIZE = 64;
  private static final int FILESTAT_SIZE_OFFSET = 32;

  private final String name;
  private final int scratch;
  private int fd;
  private long pages;

  private WasiFileMemoryProvider(String name, int scratch, int fd, long pages) {
    this.name = name;
    this.scratch = scratch;
    this.fd = fd;
    this.pages = pages;
  }

  /**
   * Opens {@code name} in the first preopened directory, creating an empty file if there is none.
   *
   * @throws MemoryException if there is no preopened directory, the file cannot be opened, or its
   *     length is not a whole number of pages
   */
  public static WasiFileMemoryProvider open(String name) {
    return open(name, false);
  }

  /**
   * Opens {@code name} like {@link #open(String)}, but cuts a partial last page off instead of
   * refusing the file: for the journaled database files, which never trust bytes past their last
   * checkpoint, and where a crash while growing can leave such a page.
   */
  public static WasiFileMemoryProvider openCuttingTornTail(String name) {
    return open(name, true);
  }

  private static WasiFileMemoryProvider open(String name, boolean cutTornTail) {
    int scratch = NativeHeap.allocate(FILESTAT_SIZE);
    if (scratch == 0) {
      throw new MemoryException("out of memory opening " + name);
    }
    int fd = -1;
    boolean opened = false;
    try {
      int directory = firstPreopen(scratch);
      byte[] path = Utf8.encode(name);
      // No Java allocation between taking the path's address and the call.
      int errno =
          Wasi.pathOpen(
              directory,
              LOOKUP_SYMLINK_FOLLOW,
              Address.ofData(path),
              path.length,
              OPEN_CREATE,
              ALL_RIGHTS,
              ALL_RIGHTS,
              0,
              Address.fromInt(scratch));
      check(errno, "path_open", name);
      fd = Address.fromInt(scratch).getInt();
      long length = fileSize(fd, scratch, name);
      if (length % PAGE_SIZE != 0 && cutTornTail && startsLikeOurFiles(fd, scratch, name, length)) {
        length -= length % PAGE_SIZE;
        check(Wasi.fdFilestatSetSize(fd, length), "fd_filestat_set_size", name);
      }
      if (length % PAGE_SIZE != 0) {
        throw new MemoryException(
            "file "
                + name
                + " is "
                + length
                + " bytes, not a whole number of "
                + PAGE_SIZE
                + "-byte pages");
      }
      WasiFileMemoryProvider provider =
          new WasiFileMemoryProvider(name, scratch, fd, length / PAGE_SIZE);
      opened = true;
      return provider;
    } finally {
      if (!opened) {
        if (fd >= 0) {
          Wasi.fdClose(fd);
        }
        NativeHeap.free(scratch);
      }
    }
  }

  private static int firstPreopen(int scratch) {
    for (int fd = FIRST_PREOPEN; fd <= LAST_PREOPEN; fd++) {
      int errno = Wasi.fdPrestatGet(fd, Address.fromInt(scratch));
      if (errno == 0) {
        return fd;
      }
      if (errno == Wasi.EBADF) {
        break;
      }
    }
    throw new MemoryException("the host gave the guest no preopened directory");
  }

  /** Reads the first bytes of the file into the scratch buffer and checks them. */
  private static boolean startsLikeOurFiles(int fd, int scratch, String name, long length) {
    int wanted = (int) Math.min(ProviderRanges.FILE_PREFIX_LENGTH, length);
    Address iovec = Address.fromInt(scratch);
    Address data = iovec.add(16);
    iovec.putInt(data.toInt());
    iovec.add(4).putInt(wanted);
    check(Wasi.fdPread(fd, iovec, 1, 0, iovec.add(8)), "fd_pread", name);
    int read = iovec.add(8).getInt();
    byte[] start = new byte[ProviderRanges.FILE_PREFIX_LENGTH];
    for (int i = 0; i < read && i < start.length; i++) {
      start[i] = data.add(i).getByte();
    }
    return ProviderRanges.mayCutTornTail(start, read < 0 ? 0 : read);
  }

  private static long fileSize(int fd, int scratch, String name) {
    check(Wasi.fdFilestatGet(fd, Address.fromInt(scratch)), "fd_filestat_get", name);
    return Address.fromInt(scratch).add(FILESTAT_SIZE_OFFSET).getLong();
  }

  private static void check(int errno, String call, String name) {
    if (errno != 0) {
      throw new MemoryException(call + " on " + name + " failed with WASI errno " + errno);
    }
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
    int file = open();
    long before = pages;
    ProviderRanges.checkGrowth(before, additionalPages, ProviderRanges.ADDRESSABLE_PAGES);
    if (additionalPages > 0) {
      check(
          Wasi.fdFilestatSetSize(file, (before + additionalPages) * PAGE_SIZE),
          "fd_filestat_set_size",
          name);
      pages = before + additionalPages;
    }
    return before;
  }

  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int length) {
    transfer(false, offset, buffer, bufferOffset, length);
  }

  @Override
  public void write(long offset, byte[] buffer, int bufferOffset, int length) {
    transfer(true, offset, buffer, bufferOffset, length);
  }

  /** Reads or writes every byte of the range with {@code fd_pread} or {@code fd_pwrite} calls. */
  private void transfer(boolean write, long offset, byte[] buffer, int bufferOffset, int length) {
    int file = open();
    ProviderRanges.check(offset, buffer, bufferOffset, length, pages * PAGE_SIZE);
    String call = write ? "fd_pwrite" : "fd_pread";
    int done = 0;
    while (done < length) {
      Address iovec = Address.fromInt(scratch);
      // No Java allocation between taking the buffer's address and the call.
      iovec.putInt(Address.ofData(buffer).add(bufferOffset + done).toInt());
      iovec.add(4).putInt(length - done);
      long at = offset + done;
      int errno =
          write
              ? Wasi.fdPwrite(file, iovec, 1, at, iovec.add(8))
              : Wasi.fdPread(file, iovec, 1, at, iovec.add(8));
      check(errno, call, name);
      int n = iovec.add(8).getInt();
      if (n <= 0 || n > length - done) {
        throw new MemoryException(
            call
                + " on "
                + name
                + " moved "
                + n
                + " bytes at byte "
                + at
                + " of a "
                + length
                + "-byte transfer");
      }
      done += n;
    }
  }

  @Override
  public void sync() {
    check(Wasi.fdSync(open()), "fd_sync", name);
  }

  @Override
  public void close() {
    if (fd < 0) {
      return;
    }
    int file = fd;
    fd = -1;
    NativeHeap.free(scratch);
    check(Wasi.fdClose(file), "fd_close", name);
  }

  private int open() {
    if (fd < 0) {
      throw new MemoryException("memory provider is closed: " + name);
    }
    return fd;
  }
}
