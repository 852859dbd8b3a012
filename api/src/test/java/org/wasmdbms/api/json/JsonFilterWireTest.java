package org.wasmdbms.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.JsonFilter;
import org.wasmdbms.api.query.JsonPath;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.JsonValue;

/** The wire form of {@code Json} filters: exact shapes, canonical printing, refusals, limits. */
class JsonFilterWireTest {
  private static void assertCanonical(String json) {
    assertEquals(json, WireFormat.printFilter(WireFormat.parseFilter(json)));
  }

  private static void assertRefused(String json, String messagePart) {
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> WireFormat.parseFilter(json), json);
    assertTrue(e.detail().contains(messagePart), json + " gave: " + e.detail());
  }

  @Test
  void theIssuesExamplesParseToTheModelAndPrintBack() {
    String hasKey = "{\"Json\":[\"metadata\",{\"HasKey\":\"user.tags[0]\"}]}";
    String extract =
        "{\"Json\":[\"metadata\",{\"Extract\":[\"user.age\",{\"Gt\":{\"Int64\":18}}]}]}";
    String contains = "{\"Json\":[\"metadata\",{\"Contains\":{\"tags\":[\"wasm\"]}}]}";
    assertEquals(
        new Filter.Json("metadata", new JsonFilter.HasKey(JsonPath.parse("user.tags[0]"))),
        WireFormat.parseFilter(hasKey));
    assertEquals(
        new Filter.Json(
            "metadata",
            new JsonFilter.Extract(
                JsonPath.parse("user.age"), JsonFilter.Test.GT, new Int64Value(18))),
        WireFormat.parseFilter(extract));
    assertEquals(
        new Filter.Json(
            "metadata", new JsonFilter.Contains(JsonParser.parse("{\"tags\":[\"wasm\"]}", 64))),
        WireFormat.parseFilter(contains));
    assertCanonical(hasKey);
    assertCanonical(extract);
    assertCanonical(contains);
  }

  @Test
  void everyComparisonHasItsShape() {
    for (String tag : new String[] {"Eq", "Ne", "Gt", "Ge", "Lt", "Le"}) {
      assertCanonical(
          "{\"Json\":[\"m\",{\"Extract\":[\"a\",{\"" + tag + "\":{\"Text\":\"x\"}}]}]}");
    }
    assertCanonical(
        "{\"Json\":[\"m\",{\"Extract\":[\"a[0]\",{\"In\":[{\"Int8\":1},{\"Json\":\"[1]\"}]}]}]}");
    assertCanonical("{\"Json\":[\"m\",{\"Extract\":[\"a\",{\"In\":[]}]}]}");
    assertCanonical("{\"Json\":[\"m\",{\"Extract\":[\"a\",\"IsNull\"]}]}");
    assertCanonical("{\"Json\":[\"m\",{\"Extract\":[\"a\",\"NotNull\"]}]}");
    assertCanonical("{\"Json\":[\"m\",{\"Contains\":1.50}]}");
    assertCanonical("{\"Json\":[\"m\",{\"Contains\":null}]}");
    assertCanonical(
        "{\"Not\":{\"And\":[{\"Json\":[\"m\",{\"HasKey\":\"a\"}]},{\"IsNull\":\"m\"}]}}");
  }

  @Test
  void pathsPrintInCanonicalForm() {
    Filter f =
        WireFormat.parseFilter("{\"Json\":[\"m\",{\"HasKey\":\"\\\"a\\\".\\\"b.c\\\"[1]\"}]}");
    assertEquals("{\"Json\":[\"m\",{\"HasKey\":\"a.\\\"b.c\\\"[1]\"}]}", WireFormat.printFilter(f));
  }

  @Test
  void malformedJsonFiltersAreRefusedWithAReason() {
    assertRefused("{\"Json\":[\"m\"]}", "Json needs [column, operand], got an array of 1");
    assertRefused("{\"Json\":[1,{\"HasKey\":\"a\"}]}", "Json column needs a string");
    assertRefused("{\"Json\":[\"m\",{\"Has\":\"a\"}]}", "unknown JSON operation tag \"Has\"");
    assertRefused("{\"Json\":[\"m\",\"HasKey\"]}", "expected a JSON operation");
    assertRefused("{\"Json\":[\"m\",{\"HasKey\":[\"a\"]}]}", "HasKey path needs a string");
    assertRefused("{\"Json\":[\"m\",{\"HasKey\":\"a..b\"}]}", "malformed JSON path \"a..b\"");
    assertRefused("{\"Json\":[\"m\",{\"Extract\":[\"a\"]}]}", "Extract needs [path, comparison]");
    assertRefused("{\"Json\":[\"m\",{\"Extract\":\"a\"}]}", "Extract needs an array");
    assertRefused(
        "{\"Json\":[\"m\",{\"Extract\":[\"a\",\"Eq\"]}]}", "is not \"IsNull\" or \"NotNull\"");
    assertRefused(
        "{\"Json\":[\"m\",{\"Extract\":[\"a\",{\"IsNull\":1}]}]}",
        "unknown Extract comparison tag \"IsNull\"");
    assertRefused(
        "{\"Json\":[\"m\",{\"Extract\":[\"a\",{\"Like\":\"x\"}]}]}",
        "unknown Extract comparison tag \"Like\"");
    assertRefused("{\"Json\":[\"m\",{\"Extract\":[\"a\",{\"Eq\":\"Null\"}]}]}", "not Null");
    assertRefused(
        "{\"Json\":[\"m\",{\"Extract\":[\"a\",{\"Eq\":{\"Uuid\":\"00000000-0000-0000-0000-"
            + "000000000000\"}}]}]}",
        "not Uuid");
    assertRefused(
        "{\"Json\":[\"m\",{\"Extract\":[\"a\",{\"In\":{\"Int8\":1}}]}]}", "needs an array");
    assertRefused("{\"Json\":[\"m\",{\"Extract\":[\"a\",{\"Eq\":[]}]}]}", "expected a value");
    assertRefused("{\"Json\":[\"m\",{\"Contains\":{\"a\":1,\"a\":2}}]}", "repeated key");
    assertRefused("{\"Json\":[\"m\",{\"HasKey\":\"a\",\"Contains\":1}]}", "one tag");
  }

  @Test
  void theDeepestFiltersStillFitTheJsonLimit() {
    // A Contains pattern 29 deep is the most a Json filter holds, and it still fits in 29 Nots.
    String pattern = "[".repeat(Filter.MAX_DEPTH - 1) + "]".repeat(Filter.MAX_DEPTH - 1);
    String leaf = "{\"Json\":[\"m\",{\"Contains\":" + pattern + "}]}";
    assertEquals(Filter.MAX_DEPTH, WireFormat.parseFilter(leaf).depth());
    assertRefused("{\"Json\":[\"m\",{\"Contains\":[" + pattern + "]}]}", "deeper than 29 levels");
    assertRefused("{\"Not\":" + leaf + "}", "nests filters deeper than 30 levels");
    // An Extract with In counts 2 and prints 7 deep: 28 Nots around it reach 63.
    Filter f =
        new Filter.Json(
            "m",
            new JsonFilter.Extract(
                JsonPath.parse("a"), JsonFilter.Test.IN, List.of(new JsonValue("{}"))));
    for (int i = 0; i < Filter.MAX_DEPTH - 2; i++) {
      f = new Filter.Not(f);
    }
    assertEquals(Filter.MAX_DEPTH, f.depth());
    assertEquals(f, WireFormat.parseFilter(WireFormat.printFilter(f)));
    Filter deepest = f;
    assertThrows(InvalidQueryException.class, () -> new Filter.Not(deepest));
  }
}
