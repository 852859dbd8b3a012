package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.demo.ExampleGuest;
import org.wasmdbms.wit.DbmsFunction;
import org.wasmdbms.wit.WitType;

/**
 * The core signatures the model derives from the WIT types are the ones the example guest exports
 * (the layouts themselves are checked against values worked out by hand in the model's own tests).
 */
class CoreSignatureTest {
  @Test
  void everyExportHasTheDerivedSignature() {
    WasmModule module = ExampleGuest.module().module();
    for (DbmsFunction function : DbmsFunction.values()) {
      FunctionType type = exportType(module, function.exportName());
      assertEquals(valTypes(function.coreParams()), type.params(), function.witName());
      assertEquals(valTypes(function.coreResults()), type.returns(), function.witName());
      FunctionType post = exportType(module, function.postReturnName());
      assertEquals(List.of(ValType.I32), post.params(), function.postReturnName());
    }
    assertEquals(
        List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32),
        exportType(module, "cabi_realloc").params());
  }

  private static FunctionType exportType(WasmModule module, String name) {
    for (int i = 0; i < module.exportSection().exportCount(); i++) {
      Export export = module.exportSection().getExport(i);
      if (export.name().equals(name) && export.exportType() == ExternalType.FUNCTION) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        int typeIndex = module.functionSection().getFunctionType(export.index() - imported);
        return module.typeSection().getType(typeIndex);
      }
    }
    throw new AssertionError("no export " + name);
  }

  private static List<ValType> valTypes(List<WitType.Flat> flat) {
    List<ValType> types = new ArrayList<>();
    for (WitType.Flat f : flat) {
      types.add(
          switch (f) {
            case I32 -> ValType.I32;
            case I64 -> ValType.I64;
            case F32 -> ValType.F32;
            case F64 -> ValType.F64;
          });
    }
    return types;
  }
}
