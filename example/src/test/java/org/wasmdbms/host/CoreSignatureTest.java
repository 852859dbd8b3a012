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
import org.wasmdbms.host.abi.DatabaseFunction;
import org.wasmdbms.host.abi.DatabaseTypes;
import org.wasmdbms.host.abi.WitType;

/**
 * The core signatures the host derives from the WIT types are the ones the example guest exports,
 * and the layouts match values worked out by hand from the canonical ABI.
 */
class CoreSignatureTest {
  @Test
  void everyExportHasTheDerivedSignature() {
    WasmModule module = ExampleGuest.module().module();
    for (DatabaseFunction function : DatabaseFunction.values()) {
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

  @Test
  void layoutsMatchTheCanonicalAbiWorkedByHand() {
    assertEquals(16, DatabaseTypes.VALUE.size());
    assertEquals(8, DatabaseTypes.VALUE.payloadOffset());
    assertEquals(24, DatabaseTypes.COLUMN_VALUE.size());
    assertEquals(96, DatabaseTypes.QUERY.size());
    assertEquals(64, DatabaseTypes.QUERY.fieldOffset(7));
    assertEquals(120, DatabaseFunction.SELECT.params().size());
    assertEquals(112, DatabaseFunction.AGGREGATE.params().fieldOffset(3));
    assertEquals(20, DatabaseTypes.QUERY.flat().size());
    assertEquals(24, DatabaseFunction.SELECT.params().flat().size());
    assertEquals(4, DatabaseFunction.INSERT.result().payloadOffset());
    assertEquals(8, DatabaseFunction.UPDATE.result().payloadOffset());
    assertEquals(16, DatabaseTypes.AGGREGATE_FUNCTION.size());
    assertEquals(List.of(WitType.Flat.I32, WitType.Flat.I64), WitType.option(WitType.U64).flat());
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
