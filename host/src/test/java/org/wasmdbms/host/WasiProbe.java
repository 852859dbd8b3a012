package org.wasmdbms.host;

import static org.wasmdbms.host.WasmBinary.I32;
import static org.wasmdbms.host.WasmBinary.I64;

import com.dylibso.chicory.runtime.Memory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only guest that does nothing but pass calls through to WASI, so a test can make every path
 * call a guest could make, with any path and flags, and see the errno. The module imports the path
 * functions of {@code wasi_snapshot_preview1} (and the few fd functions needed to use what they
 * open) and exports each under the same name as a function that forwards its parameters unchanged;
 * it exports its memory, where this class puts paths and buffers.
 *
 * <p>It runs in a {@link GuestInstance}, exactly the WASI and directory setup of a real guest.
 */
final class WasiProbe implements AutoCloseable {
  /** The descriptor of the preopened directory (after stdin, stdout and stderr). */
  static final int PREOPEN = 3;

  /** Lookup flag {@code symlink_follow}. */
  static final int FOLLOW = 1;

  /** Open flags. */
  static final int CREAT = 1;

  static final int DIRECTORY = 2;
  static final int TRUNC = 8;

  /** Rights {@code fd_read} and {@code fd_write}. */
  static final long READ = 1L << 1;

  static final long WRITE = 1L << 6;

  /** Errnos, by value, as WASI preview 1 numbers them. */
  static final int SUCCESS = 0;

  static final int ACCES = 2;
  static final int LOOP = 32;
  static final int NOENT = 44;
  static final int PERM = 63;
  static final int NOTCAPABLE = 76;

  /** Filestat field {@code filetype} values. */
  static final int REGULAR_FILE = 4;

  static final int SYMBOLIC_LINK = 7;

  private static final int OUT = 16;
  private static final int IOVEC = 32;
  private static final int FIRST_PATH = 1024;
  private static final int SECOND_PATH = 2048;
  private static final int BUFFER = 4096;
  private static final int BUFFER_SIZE = 4096;

  /** Name and parameter types (all return one i32 errno) of each forwarded WASI function. */
  private record Import(String name, int... parameters) {}

  private static final List<Import> IMPORTS =
      List.of(
          new Import("path_open", I32, I32, I32, I32, I32, I64, I64, I32, I32),
          new Import("path_filestat_get", I32, I32, I32, I32, I32),
          new Import("path_filestat_set_times", I32, I32, I32, I32, I64, I64, I32),
          new Import("path_create_directory", I32, I32, I32),
          new Import("path_unlink_file", I32, I32, I32),
          new Import("path_rename", I32, I32, I32, I32, I32, I32),
          new Import("path_link", I32, I32, I32, I32, I32, I32, I32),
          new Import("path_symlink", I32, I32, I32, I32, I32),
          new Import("path_readlink", I32, I32, I32, I32, I32, I32),
          new Import("fd_read", I32, I32, I32, I32),
          new Import("fd_write", I32, I32, I32, I32),
          new Import("fd_readdir", I32, I32, I32, I64, I32),
          new Import("fd_close", I32));

  private final GuestInstance instance;

  /** Starts the probe with {@code directory} preopened, in {@code scratch} (for its .wasm). */
  WasiProbe(Path directory, Path scratch) throws IOException {
    Path wasm = Files.createTempFile(scratch, "wasi-probe", ".wasm");
    Files.write(wasm, module());
    instance =
        new GuestInstance(
            GuestModule.fromPath(wasm, GuestModule.Execution.INTERPRETER),
            new HostOptions(directory, System.out, System.err));
  }

  /**
   * {@code path_open} of {@code path} in the preopened directory; on success the descriptor is left
   * in memory for {@link #openedFd()}.
   */
  int open(String path, int lookupFlags, int openFlags, long rights) {
    int length = put(FIRST_PATH, path);
    return errno(
        "path_open", PREOPEN, lookupFlags, FIRST_PATH, length, openFlags, rights, rights, 0, OUT);
  }

  /** The descriptor the last successful {@link #open} returned. */
  int openedFd() {
    return memory().readInt(OUT);
  }

  /** Reads up to 4 KiB from {@code fd} as UTF-8, failing on an errno. */
  String read(int fd) {
    memory().writeI32(IOVEC, BUFFER);
    memory().writeI32(IOVEC + 4, BUFFER_SIZE);
    expectSuccess("fd_read", errno("fd_read", fd, IOVEC, 1, OUT));
    return new String(memory().readBytes(BUFFER, memory().readInt(OUT)), StandardCharsets.UTF_8);
  }

  /** Writes {@code text} as UTF-8 to {@code fd}, failing on an errno. */
  void write(int fd, String text) {
    int length = put(BUFFER, text);
    memory().writeI32(IOVEC, BUFFER);
    memory().writeI32(IOVEC + 4, length);
    expectSuccess("fd_write", errno("fd_write", fd, IOVEC, 1, OUT));
  }

  /** Closes {@code fd}, failing on an errno. */
  void close(int fd) {
    expectSuccess("fd_close", errno("fd_close", fd));
  }

  /** {@code path_filestat_get}; on success {@link #statType()} is the file type. */
  int stat(String path, int lookupFlags) {
    int length = put(FIRST_PATH, path);
    return errno("path_filestat_get", PREOPEN, lookupFlags, FIRST_PATH, length, BUFFER);
  }

  /** The file type of the last successful {@link #stat}. */
  int statType() {
    return memory().read(BUFFER + 16);
  }

  /** {@code path_filestat_set_times} setting both times to now. */
  int touch(String path, int lookupFlags) {
    int length = put(FIRST_PATH, path);
    int accessNow = 2;
    int modifiedNow = 8;
    return errno(
        "path_filestat_set_times",
        PREOPEN,
        lookupFlags,
        FIRST_PATH,
        length,
        0L,
        0L,
        accessNow | modifiedNow);
  }

  /** {@code path_create_directory}. */
  int createDirectory(String path) {
    return errno("path_create_directory", PREOPEN, FIRST_PATH, put(FIRST_PATH, path));
  }

  /** {@code path_unlink_file}. */
  int unlink(String path) {
    return errno("path_unlink_file", PREOPEN, FIRST_PATH, put(FIRST_PATH, path));
  }

  /** {@code path_rename} within the preopened directory. */
  int rename(String from, String to) {
    int fromLength = put(FIRST_PATH, from);
    int toLength = put(SECOND_PATH, to);
    return errno("path_rename", PREOPEN, FIRST_PATH, fromLength, PREOPEN, SECOND_PATH, toLength);
  }

  /** {@code path_link} (a hard link) within the preopened directory. */
  int link(String existing, int lookupFlags, String link) {
    int existingLength = put(FIRST_PATH, existing);
    int linkLength = put(SECOND_PATH, link);
    return errno(
        "path_link",
        PREOPEN,
        lookupFlags,
        FIRST_PATH,
        existingLength,
        PREOPEN,
        SECOND_PATH,
        linkLength);
  }

  /** {@code path_symlink}: a link named {@code link} whose target is {@code target}. */
  int symlink(String target, String link) {
    int targetLength = put(FIRST_PATH, target);
    int linkLength = put(SECOND_PATH, link);
    return errno("path_symlink", FIRST_PATH, targetLength, PREOPEN, SECOND_PATH, linkLength);
  }

  /** {@code path_readlink}. */
  int readlink(String path) {
    int length = put(FIRST_PATH, path);
    return errno("path_readlink", PREOPEN, FIRST_PATH, length, BUFFER, BUFFER_SIZE, OUT);
  }

  /** The names {@code fd_readdir} lists for the preopened directory, failing on an errno. */
  List<String> list() {
    expectSuccess("fd_readdir", errno("fd_readdir", PREOPEN, BUFFER, BUFFER_SIZE, 0L, OUT));
    int used = memory().readInt(OUT);
    List<String> names = new ArrayList<>();
    int entry = 0;
    while (entry + 24 <= used) {
      int nameLength = memory().readInt(BUFFER + entry + 16);
      names.add(
          new String(memory().readBytes(BUFFER + entry + 24, nameLength), StandardCharsets.UTF_8));
      entry += 24 + nameLength;
    }
    return names;
  }

  @Override
  public void close() {
    instance.close();
  }

  private Memory memory() {
    return instance.memory();
  }

  private int put(int address, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    memory().write(address, utf8);
    return utf8.length;
  }

  private int errno(String function, long... args) {
    return (int) instance.call(function, args)[0];
  }

  private static void expectSuccess(String function, int errno) {
    if (errno != SUCCESS) {
      throw new AssertionError(function + " failed with errno " + errno);
    }
  }

  /** The module: imports, one forwarding export per import, and one page of memory. */
  private static byte[] module() {
    int count = IMPORTS.size();
    ByteArrayOutputStream types = new ByteArrayOutputStream();
    WasmBinary.unsigned(types, count);
    ByteArrayOutputStream imports = new ByteArrayOutputStream();
    WasmBinary.unsigned(imports, count);
    ByteArrayOutputStream functions = new ByteArrayOutputStream();
    WasmBinary.unsigned(functions, count);
    ByteArrayOutputStream exports = new ByteArrayOutputStream();
    WasmBinary.unsigned(exports, count + 1);
    WasmBinary.export(exports, "memory", WasmBinary.MEMORY, 0);
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    WasmBinary.unsigned(code, count);
    for (int i = 0; i < count; i++) {
      Import wasi = IMPORTS.get(i);
      types.write(0x60);
      WasmBinary.unsigned(types, wasi.parameters().length);
      types.writeBytes(WasmBinary.bytes(wasi.parameters()));
      types.writeBytes(WasmBinary.bytes(1, I32));
      WasmBinary.name(imports, "wasi_snapshot_preview1");
      WasmBinary.name(imports, wasi.name());
      imports.write(WasmBinary.FUNCTION);
      WasmBinary.unsigned(imports, i);
      WasmBinary.unsigned(functions, i);
      WasmBinary.export(exports, wasi.name(), WasmBinary.FUNCTION, count + i);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(0); // no locals
      for (int parameter = 0; parameter < wasi.parameters().length; parameter++) {
        body.write(0x20); // local.get
        WasmBinary.unsigned(body, parameter);
      }
      body.write(0x10); // call
      WasmBinary.unsigned(body, i);
      body.write(0x0b); // end
      WasmBinary.body(code, body.toByteArray());
    }
    ByteArrayOutputStream module = WasmBinary.module();
    WasmBinary.section(module, 1, types.toByteArray());
    WasmBinary.section(module, 2, imports.toByteArray());
    WasmBinary.section(module, 3, functions.toByteArray());
    WasmBinary.section(module, 5, WasmBinary.bytes(1, 0, 1)); // one memory of one page
    WasmBinary.section(module, 7, exports.toByteArray());
    WasmBinary.section(module, 10, code.toByteArray());
    return module.toByteArray();
  }
}
