package org.wasmdbms.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Pieces of the WebAssembly binary format for the small modules tests assemble by hand: the header,
 * sections, names, exports, function bodies and unsigned LEB128 numbers.
 */
final class WasmBinary {
  /** Value type {@code i32}. */
  static final int I32 = 0x7f;

  /** Value type {@code i64}. */
  static final int I64 = 0x7e;

  /** Export kind of a function. */
  static final int FUNCTION = 0;

  /** Export kind of a memory. */
  static final int MEMORY = 2;

  private WasmBinary() {}

  /** A new module holding the magic number and version 1. */
  static ByteArrayOutputStream module() {
    ByteArrayOutputStream module = new ByteArrayOutputStream();
    module.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    return module;
  }

  /** {@code values} as bytes (each taken modulo 256). */
  static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  /** Appends section {@code id} holding {@code content}. */
  static void section(ByteArrayOutputStream module, int id, byte[] content) {
    module.write(id);
    unsigned(module, content.length);
    module.writeBytes(content);
  }

  /** Appends {@code name} as a length-prefixed UTF-8 string. */
  static void name(ByteArrayOutputStream out, String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    unsigned(out, utf8.length);
    out.writeBytes(utf8);
  }

  /** Appends one export entry. */
  static void export(ByteArrayOutputStream out, String name, int kind, int index) {
    name(out, name);
    out.write(kind);
    unsigned(out, index);
  }

  /** Appends one function body (locals and code) with its size. */
  static void body(ByteArrayOutputStream code, byte[] body) {
    unsigned(code, body.length);
    code.writeBytes(body);
  }

  /** Appends {@code value} as unsigned LEB128. */
  static void unsigned(ByteArrayOutputStream out, int value) {
    if (value < 0) {
      throw new UncheckedIOException(new IOException("negative LEB128 " + value));
    }
    int rest = value;
    do {
      int low = rest & 0x7f;
      rest >>>= 7;
      out.write(rest == 0 ? low : low | 0x80);
    } while (rest != 0);
  }
}
