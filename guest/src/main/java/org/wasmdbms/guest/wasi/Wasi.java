package org.wasmdbms.guest.wasi;

import org.teavm.interop.Address;
import org.teavm.interop.Import;

/**
 * The WASI preview 1 functions the guest calls directly (TeaVM's own file classes leak descriptors
 * and cannot create files). Each returns a WASI errno: 0 for success.
 */
final class Wasi {
  private static final String MODULE = "wasi_snapshot_preview1";

  /** {@code errno} 8: the descriptor is not open. */
  static final int EBADF = 8;

  private Wasi() {}

  @Import(module = MODULE, name = "fd_prestat_get")
  static native int fdPrestatGet(int fd, Address prestat);

  @Import(module = MODULE, name = "path_open")
  static native int pathOpen(
      int dirFd,
      int lookupFlags,
      Address path,
      int pathLength,
      int openFlags,
      long rightsBase,
      long rightsInheriting,
      int fdFlags,
      Address openedFd);

  @Import(module = MODULE, name = "fd_pread")
  static native int fdPread(int fd, Address iovecs, int iovecCount, long offset, Address read);

  @Import(module = MODULE, name = "fd_pwrite")
  static native int fdPwrite(int fd, Address iovecs, int iovecCount, long offset, Address written);

  @Import(module = MODULE, name = "fd_sync")
  static native int fdSync(int fd);

  @Import(module = MODULE, name = "fd_filestat_get")
  static native int fdFilestatGet(int fd, Address filestat);

  @Import(module = MODULE, name = "fd_filestat_set_size")
  static native int fdFilestatSetSize(int fd, long size);

  @Import(module = MODULE, name = "fd_close")
  static native int fdClose(int fd);

  @Import(module = MODULE, name = "environ_sizes_get")
  static native int environSizesGet(Address count, Address bufferSize);

  @Import(module = MODULE, name = "environ_get")
  static native int environGet(Address pointers, Address buffer);

  @Import(module = MODULE, name = "clock_time_get")
  static native int clockTimeGet(int clock, long precision, Address time);
}
