package org.wasmdbms.api.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.row.Row;

/** Infinities and NaN print like any other value, and the JSON wire form still refuses them. */
class NonFiniteTextTest {
  @Test
  void infinitiesAndNanHaveALiteral() {
    assertEquals("Infinity", ValueText.display(new Float64Value(Double.POSITIVE_INFINITY)));
    assertEquals("-Infinity", ValueText.display(new Float64Value(Double.NEGATIVE_INFINITY)));
    assertEquals("NaN", ValueText.display(new Float64Value(Double.NaN)));
    assertEquals("Infinity", ValueText.display(new Float32Value(Float.POSITIVE_INFINITY)));
    assertEquals("-Infinity", ValueText.display(new Float32Value(Float.NEGATIVE_INFINITY)));
    assertEquals("NaN", ValueText.display(new Float32Value(Float.NaN)));
    assertEquals("1.5", ValueText.display(new Float64Value(1.5)));
  }

  @Test
  void aRowHoldingThemPrints() {
    Row row =
        Row.builder()
            .set("id", new Int32Value(2))
            .set("f", new Float64Value(Double.POSITIVE_INFINITY))
            .set("g", new Float32Value(Float.NaN))
            .set("h", new Float64Value(Double.NEGATIVE_INFINITY))
            .build();
    assertEquals("{ id: 2, f: Infinity, g: NaN, h: -Infinity }", row.toString());
  }

  @Test
  void theWireFormStillRefusesThem() {
    assertThrows(
        InvalidQueryException.class,
        () -> WireFormat.valueToJson(new Float64Value(Double.NEGATIVE_INFINITY)));
    assertThrows(
        InvalidQueryException.class, () -> WireFormat.valueToJson(new Float32Value(Float.NaN)));
  }
}
