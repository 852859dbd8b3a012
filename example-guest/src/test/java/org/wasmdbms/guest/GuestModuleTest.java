package org.wasmdbms.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.Import;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.host.abi.DatabaseAbi;
import org.wasmdbms.wit.DbmsFunction;

/** The built artifact: its size, imports, exports and memory match what the guest promises. */
class GuestModuleTest {
  @TempDir Path directory;

  @Test
  void theModuleIsSmallerThanTwoMegabytes() throws Exception {
    long size = Files.size(GuestInstance.WASM);
    System.out.println(GuestInstance.WASM + ": " + size + " bytes");
    assertTrue(size < 2_000_000, size + " bytes");
  }

  @Test
  void itImportsOnlyWasi() {
    WasmModule module = GuestInstance.module();
    Set<String> imports = new TreeSet<>();
    for (int i = 0; i < module.importSection().importCount(); i++) {
      Import imported = module.importSection().getImport(i);
      assertEquals("wasi_snapshot_preview1", imported.module(), imported.name());
      imports.add(imported.name());
    }
    System.out.println("imports: " + imports);
  }

  @Test
  void itExportsEveryFunctionWithItsPostReturnAndTheAllocator() {
    WasmModule module = GuestInstance.module();
    Set<String> exports = new TreeSet<>();
    for (int i = 0; i < module.exportSection().exportCount(); i++) {
      Export export = module.exportSection().getExport(i);
      exports.add(export.name());
    }
    assertTrue(exports.contains("cabi_realloc"), exports.toString());
    for (DbmsFunction function : DbmsFunction.values()) {
      assertTrue(exports.contains(function.exportName()), function.witName());
      assertTrue(exports.contains(function.postReturnName()), function.witName());
    }
  }

  @Test
  void memoryMatchesTheDocumentedBudget() {
    try (GuestInstance guest = new GuestInstance(directory)) {
      assertEquals(GuestMemory.MAX_PAGES, guest.memory().maximumPages());
      new DatabaseAbi(guest).beginTransaction();
      int pages = guest.memory().pages();
      assertTrue(pages >= GuestMemory.HEAP_MIB * 16, "pages " + pages);
      System.out.println("memory after the first call: " + pages + " pages");
    }
  }
}
