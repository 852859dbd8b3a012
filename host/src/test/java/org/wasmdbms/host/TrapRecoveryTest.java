package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wasmdbms.host.WasmBinary.body;
import static org.wasmdbms.host.WasmBinary.bytes;
import static org.wasmdbms.host.WasmBinary.export;
import static org.wasmdbms.host.WasmBinary.section;

import com.dylibso.chicory.runtime.TrapException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.InternalDbmsException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.wit.DbmsFunction;

/**
 * A guest that traps is reported as {@code internal-error}, replaced by a fresh instance on the
 * next call, and never called again. The example guest returns typed errors instead of trapping, so
 * this test assembles a tiny module of its own: {@code begin-transaction} counts calls in a global
 * (so a fresh instance starts again at 1) and {@code commit} executes {@code unreachable}.
 */
class TrapRecoveryTest {
  @TempDir Path directory;

  @Test
  void aTrapRestartsTheInstanceAndLosesItsTransactions() throws IOException {
    Path wasm = directory.resolve("trapping.wasm");
    Files.write(wasm, trappingModule());
    GuestModule module = GuestModule.fromPath(wasm, GuestModule.Execution.INTERPRETER);
    try (DbmsHost host = DbmsHost.start(module, HostOptions.withDirectory(directory))) {
      DatabaseClient db = host.client();
      assertEquals(1, db.begin().id());
      Transaction second = db.begin();
      assertEquals(2, second.id());

      InternalDbmsException trap = assertThrows(InternalDbmsException.class, second::commit);
      assertInstanceOf(TrapException.class, trap.getCause());

      Transaction fresh = db.begin();
      assertEquals(1, fresh.id(), "a fresh instance counts from 1 again");
      assertThrows(TransactionNotFoundException.class, second::rollback);
      second.close();
      assertEquals(2, db.begin().id(), "the lost transaction did not reach the new instance");
    }
  }

  /** The module: memory, cabi_realloc, begin-transaction, its post-return, and commit. */
  private static byte[] trappingModule() {
    ByteArrayOutputStream module = WasmBinary.module();
    section(
        module,
        1,
        bytes(
            4, // types
            0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 1, 0x7f, // 0: (i32 i32 i32 i32) -> i32
            0x60, 0, 1, 0x7f, // 1: () -> i32
            0x60, 1, 0x7f, 0, // 2: (i32) -> ()
            0x60, 1, 0x7e, 1, 0x7f)); // 3: (i64) -> i32
    section(module, 3, bytes(4, 0, 1, 2, 3));
    section(module, 5, bytes(1, 0, 1)); // one memory of one page
    section(module, 6, bytes(1, 0x7f, 1, 0x41, 0, 0x0b)); // global 0: mutable i32 = 0
    ByteArrayOutputStream exports = new ByteArrayOutputStream();
    exports.write(5);
    export(exports, "memory", 2, 0);
    export(exports, "cabi_realloc", 0, 0);
    export(exports, DbmsFunction.BEGIN_TRANSACTION.exportName(), 0, 1);
    export(exports, DbmsFunction.BEGIN_TRANSACTION.postReturnName(), 0, 2);
    export(exports, DbmsFunction.COMMIT.exportName(), 0, 3);
    section(module, 7, exports.toByteArray());
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    code.write(4);
    body(code, bytes(0, 0x41, 0x80, 0x08, 0x0b)); // i32.const 1024
    body(
        code,
        bytes(
            0, 0x23, 0, 0x41, 1, 0x6a, 0x24, 0, // global 0 += 1
            0x41, 16, 0x41, 0, 0x3a, 0, 0, // result case ok at 16
            0x41, 24, 0x23, 0, 0xad, 0x37, 3, 0, // u64 id = global 0 at 24
            0x41, 16, 0x0b)); // return 16
    body(code, bytes(0, 0x0b));
    body(code, bytes(0, 0x00, 0x0b)); // unreachable
    section(module, 10, code.toByteArray());
    return module.toByteArray();
  }
}
