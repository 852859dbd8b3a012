package org.wasmdbms.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.json.JsonParser;
import org.wasmdbms.api.json.JsonWriter;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.value.DateValue;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.NullValue;

/**
 * One test per JSON operation, path shape and comparison rule, each with documents that must match
 * and documents that must not. Operations are written in their wire form.
 */
class JsonMatcherTest {
  private static final String DOC =
      "{\"user\":{\"name\":\"Ada\",\"age\":36,\"tags\":[\"wasm\",\"db\"],\"nick\":null},"
          + "\"score\":1.5,\"ok\":true,\"a.b\":{\"c\":1},\"0\":\"zero\",\"list\":[[1,2],{\"x\":3}],"
          + "\"empty\":{},\"none\":[]}";

  private static JsonMatcher matcher(String operation) {
    Filter f = WireFormat.parseFilter("{\"Json\":[\"metadata\"," + operation + "]}");
    return JsonMatcher.compile(((Filter.Json) f).operation());
  }

  private static boolean matches(String operation, String document) {
    return matcher(operation).matches(document);
  }

  private static void yes(String operation, String... documents) {
    for (String d : documents) {
      assertTrue(matches(operation, d), operation + " should match " + d);
    }
  }

  private static void no(String operation, String... documents) {
    for (String d : documents) {
      assertEquals(false, matches(operation, d), operation + " should not match " + d);
    }
  }

  private static String quoted(String s) {
    StringBuilder sb = new StringBuilder();
    JsonWriter.quote(sb, s);
    return sb.toString();
  }

  private static String hasKey(String path) {
    return "{\"HasKey\":" + quoted(path) + "}";
  }

  private static String extract(String path, String comparison) {
    return "{\"Extract\":[" + quoted(path) + "," + comparison + "]}";
  }

  private static String contains(String pattern) {
    return "{\"Contains\":" + pattern + "}";
  }

  // ---- HasKey and path shapes ----

  @Test
  void hasKeyFollowsKeysAndIndices() {
    yes(hasKey("user"), DOC);
    yes(hasKey("user.name"), DOC);
    yes(hasKey("user.tags[0]"), DOC);
    yes(hasKey("user.tags[1]"), DOC);
    yes(hasKey("list[0][1]"), DOC);
    yes(hasKey("list[1].x"), DOC);
    no(hasKey("user.tags[2]"), DOC);
    no(hasKey("user.email"), DOC);
    no(hasKey("missing.deeper"), DOC);
    no(hasKey("list[1][0]"), DOC);
    no(hasKey("user.tags.0"), DOC);
    no(hasKey("user.name.first"), DOC);
    no(hasKey("empty.x"), DOC);
    no(hasKey("none[0]"), DOC);
  }

  @Test
  void hasKeyIsTrueForAJsonNull() {
    yes(hasKey("user.nick"), DOC);
    yes(hasKey("a"), "{\"a\":null}");
    no(hasKey("b"), "{\"a\":null}");
  }

  @Test
  void aTopLevelIndexNeedsATopLevelArray() {
    yes(hasKey("[2]"), "[0,1,2]", "[[],{},null]");
    no(hasKey("[2]"), "[0,1]", "{\"2\":1}", "\"abc\"", "2");
  }

  @Test
  void aDigitKeyIsAKeyNotAnIndex() {
    yes(hasKey("0"), DOC);
    yes(extract("0", "{\"Eq\":{\"Text\":\"zero\"}}"), DOC);
    no(hasKey("a.0"), "{\"a\":[5]}");
    yes(hasKey("a.0"), "{\"a\":{\"0\":5}}");
    no(hasKey("a[0]"), "{\"a\":{\"0\":5}}");
  }

  @Test
  void quotedKeysReachKeysWithDotsAndQuotes() {
    yes(hasKey("\"a.b\".c"), DOC);
    no(hasKey("a.b.c"), DOC);
    yes(hasKey("\"q\\\"x\""), "{\"q\\\"x\":1}");
    yes(hasKey("\"\""), "{\"\":1}");
    no(hasKey("\"\""), "{\"a\":1}");
  }

  @Test
  void keysAreComparedAfterUnescaping() {
    yes(hasKey("caf\u00e9"), "{\"caf\\u00e9\":1}", "{\"caf\u00e9\":1}");
    yes(hasKey("tab\tkey"), "{\"tab\\tkey\":1}");
    no(hasKey("cafe"), "{\"caf\\u00e9\":1}");
  }

  @Test
  void theLastOfRepeatedKeysCounts() {
    yes(extract("a", "{\"Eq\":{\"Int64\":2}}"), "{\"a\":1,\"a\":2}");
    no(extract("a", "{\"Eq\":{\"Int64\":1}}"), "{\"a\":1,\"a\":2}");
    yes(contains("{\"a\":2}"), "{\"a\":1,\"a\":2}");
    no(contains("{\"a\":1}"), "{\"a\":1,\"a\":2}");
  }

  @Test
  void whitespaceInTheDocumentDoesNotMatter() {
    String spaced = " { \"a\" : [ 1 , { \"b\" : \"x\" } ] , \"c\" : true } ";
    yes(hasKey("a[1].b"), spaced);
    yes(extract("a[1].b", "{\"Eq\":{\"Text\":\"x\"}}"), spaced);
    yes(extract("c", "{\"Eq\":{\"Boolean\":true}}"), spaced);
    yes(contains("{\"a\":[{\"b\":\"x\"}]}"), spaced);
  }

  // ---- Extract ----

  @Test
  void numbersCompareWithIntegersAndDecimalsByExactValue() {
    yes(extract("user.age", "{\"Eq\":{\"Int64\":36}}"), DOC);
    yes(extract("user.age", "{\"Eq\":{\"Uint8\":36}}"), DOC);
    yes(extract("user.age", "{\"Eq\":{\"Decimal\":\"36.000\"}}"), DOC);
    yes(extract("n", "{\"Eq\":{\"Int32\":1}}"), "{\"n\":1.0}", "{\"n\":10e-1}", "{\"n\":1}");
    no(extract("n", "{\"Eq\":{\"Int32\":1}}"), "{\"n\":1.0000000000000000001}", "{\"n\":\"1\"}");
    yes(extract("user.age", "{\"Gt\":{\"Int64\":18}}"), DOC);
    no(extract("user.age", "{\"Gt\":{\"Int64\":36}}"), DOC);
    yes(extract("user.age", "{\"Ge\":{\"Int64\":36}}"), DOC);
    yes(extract("user.age", "{\"Lt\":{\"Decimal\":\"36.5\"}}"), DOC);
    no(extract("user.age", "{\"Lt\":{\"Int64\":36}}"), DOC);
    yes(extract("user.age", "{\"Le\":{\"Int64\":36}}"), DOC);
    yes(
        extract("big", "{\"Eq\":{\"Uint64\":\"18446744073709551615\"}}"),
        "{\"big\":18446744073709551615}",
        "{\"big\":1.8446744073709551615e19}");
    no(
        extract("big", "{\"Eq\":{\"Uint64\":\"18446744073709551615\"}}"),
        "{\"big\":18446744073709551616}");
    yes(extract("x", "{\"Gt\":{\"Int64\":\"9223372036854775807\"}}"), "{\"x\":1e999999999}");
    yes(extract("x", "{\"Lt\":{\"Int64\":0}}"), "{\"x\":-1e-999999999}");
  }

  @Test
  void numbersCompareWithFloatsAsDoubles() {
    yes(extract("score", "{\"Eq\":{\"Float64\":1.5}}"), DOC);
    yes(extract("score", "{\"Eq\":{\"Float32\":1.5}}"), DOC);
    yes(
        extract("n", "{\"Eq\":{\"Float64\":0.1}}"),
        "{\"n\":0.1}",
        "{\"n\":0.10000000000000000001}");
    // 0.1 as a Float32 widened to double is not the double nearest 0.1.
    no(extract("n", "{\"Eq\":{\"Float32\":0.1}}"), "{\"n\":0.1}");
    yes(extract("n", "{\"Gt\":{\"Float64\":1e308}}"), "{\"n\":1e400}");
    yes(extract("n", "{\"Eq\":{\"Float64\":-0.0}}"), "{\"n\":0}");
    yes(extract("score", "{\"Lt\":{\"Float64\":2}}"), DOC);
    no(extract("score", "{\"Lt\":{\"Float64\":1.5}}"), DOC);
  }

  @Test
  void stringsCompareWithTextByCodePoint() {
    yes(extract("user.name", "{\"Eq\":{\"Text\":\"Ada\"}}"), DOC);
    no(extract("user.name", "{\"Eq\":{\"Text\":\"ada\"}}"), DOC);
    yes(extract("user.name", "{\"Gt\":{\"Text\":\"Ab\"}}"), DOC);
    yes(extract("user.name", "{\"Lt\":{\"Text\":\"Adam\"}}"), DOC);
    // U+FF5E sorts below U+1F600 by code point, though not by UTF-16 unit.
    yes(extract("s", "{\"Lt\":{\"Text\":\"\\ud83d\\ude00\"}}"), "{\"s\":\"\\uff5e\"}");
    yes(
        extract("s", "{\"Eq\":{\"Text\":\"\u00e9\"}}"),
        "{\"s\":\"\\u00e9\"}",
        "{\"s\":\"\u00e9\"}");
  }

  @Test
  void booleansCompareWithBooleanForEqualityOnly() {
    yes(extract("ok", "{\"Eq\":{\"Boolean\":true}}"), DOC);
    no(extract("ok", "{\"Eq\":{\"Boolean\":false}}"), DOC);
    yes(extract("ok", "{\"Ne\":{\"Boolean\":false}}"), DOC);
    no(extract("ok", "{\"Gt\":{\"Boolean\":false}}"), DOC);
    no(extract("ok", "{\"Le\":{\"Boolean\":true}}"), DOC);
  }

  @Test
  void anyJsonValueComparesWithAJsonOperandStructurally() {
    yes(extract("user.tags", "{\"Eq\":{\"Json\":\"[\\\"wasm\\\", \\\"db\\\"]\"}}"), DOC);
    no(extract("user.tags", "{\"Eq\":{\"Json\":\"[\\\"db\\\",\\\"wasm\\\"]\"}}"), DOC);
    no(extract("user.tags", "{\"Eq\":{\"Json\":\"[\\\"wasm\\\"]\"}}"), DOC);
    yes(extract("a.b", "{\"Eq\":{\"Json\":\"{\\\"c\\\":1.0}\"}}"), "{\"a\":{\"b\":{\"c\":1}}}");
    yes(
        extract("o", "{\"Eq\":{\"Json\":\"{\\\"y\\\":[2],\\\"x\\\":1}\"}}"),
        "{\"o\":{\"x\":1,\"y\":[2.0]}}");
    no(extract("o", "{\"Eq\":{\"Json\":\"{\\\"x\\\":1}\"}}"), "{\"o\":{\"x\":1,\"y\":2}}");
    no(extract("o", "{\"Eq\":{\"Json\":\"{\\\"x\\\":1,\\\"y\\\":2}\"}}"), "{\"o\":{\"x\":1}}");
    yes(extract("user.nick", "{\"Eq\":{\"Json\":\"null\"}}"), DOC);
    yes(extract("user.age", "{\"Eq\":{\"Json\":\"3.6e1\"}}"), DOC);
    no(extract("user.tags", "{\"Gt\":{\"Json\":\"[]\"}}"), DOC);
    assertThrows(
        InvalidQueryException.class,
        () -> matcher(extract("o", "{\"Eq\":{\"Json\":\"{\\\"x\\\":1,\\\"x\\\":2}\"}}")));
  }

  @Test
  void typeMismatchesAndMissingPathsAreFalseAndNeIsTheirNegation() {
    String[] mismatched = {
      "{\"Eq\":{\"Text\":\"36\"}}",
      "{\"Gt\":{\"Text\":\"1\"}}",
      "{\"Ge\":{\"Boolean\":true}}",
      "{\"Lt\":{\"Text\":\"zzz\"}}",
      "{\"Le\":{\"Json\":\"99\"}}",
      "{\"In\":[{\"Text\":\"36\"},{\"Boolean\":true}]}",
    };
    for (String comparison : mismatched) {
      no(extract("user.age", comparison), DOC);
      no(extract("user.missing", comparison), DOC);
    }
    no(extract("user.tags", "{\"Lt\":{\"Int64\":5}}"), DOC);
    no(extract("user.missing", "{\"Eq\":{\"Int64\":36}}"), DOC);
    yes(extract("user.missing", "{\"Ne\":{\"Int64\":36}}"), DOC);
    yes(extract("user.age", "{\"Ne\":{\"Text\":\"36\"}}"), DOC);
    no(extract("user.age", "{\"Ne\":{\"Int64\":36}}"), DOC);
    yes(extract("user.nick", "{\"Ne\":{\"Int64\":0}}"), DOC);
  }

  @Test
  void inMatchesAnyOperand() {
    yes(extract("user.age", "{\"In\":[{\"Int64\":1},{\"Decimal\":\"36.0\"}]}"), DOC);
    yes(extract("user.name", "{\"In\":[{\"Int64\":1},{\"Text\":\"Ada\"}]}"), DOC);
    no(extract("user.name", "{\"In\":[{\"Text\":\"Bob\"},{\"Text\":\"Eve\"}]}"), DOC);
    no(extract("user.name", "{\"In\":[]}"), DOC);
    no(extract("user.missing", "{\"In\":[{\"Text\":\"Ada\"}]}"), DOC);
  }

  @Test
  void isNullAndNotNull() {
    yes(extract("user.nick", "\"IsNull\""), DOC);
    yes(extract("user.missing", "\"IsNull\""), DOC);
    yes(extract("[5]", "\"IsNull\""), DOC);
    no(extract("user.name", "\"IsNull\""), DOC);
    no(extract("empty", "\"IsNull\""), DOC);
    yes(extract("user.name", "\"NotNull\""), DOC);
    yes(extract("ok", "\"NotNull\""), DOC);
    no(extract("user.nick", "\"NotNull\""), DOC);
    no(extract("user.missing", "\"NotNull\""), DOC);
  }

  // ---- Contains ----

  @Test
  void objectsContainSubsetsOfTheirMembersRecursively() {
    yes(contains("{}"), DOC);
    yes(contains("{\"ok\":true}"), DOC);
    yes(contains("{\"user\":{\"name\":\"Ada\"}}"), DOC);
    yes(contains("{\"user\":{\"name\":\"Ada\",\"age\":36.0}}"), DOC);
    yes(contains("{\"user\":{\"nick\":null}}"), DOC);
    no(contains("{\"user\":{\"name\":\"Ada\",\"age\":37}}"), DOC);
    no(contains("{\"user\":{\"email\":null}}"), DOC);
    no(contains("{\"ok\":\"true\"}"), DOC);
    no(contains("{}"), "[]", "1", "\"{}\"");
  }

  @Test
  void arraysContainElementsInAnyOrder() {
    yes(contains("{\"tags\":[\"wasm\"]}"), "{\"tags\":[\"db\",\"wasm\"]}");
    yes(contains("{\"tags\":[\"wasm\",\"db\"]}"), "{\"tags\":[\"db\",\"wasm\"]}");
    yes(contains("{\"tags\":[\"wasm\",\"wasm\"]}"), "{\"tags\":[\"wasm\"]}");
    yes(contains("{\"tags\":[]}"), "{\"tags\":[\"db\"]}", "{\"tags\":[]}");
    no(contains("{\"tags\":[\"java\"]}"), "{\"tags\":[\"db\",\"wasm\"]}");
    no(contains("{\"tags\":[\"wasm\"]}"), "{\"tags\":\"wasm\"}", "{\"tags\":{\"wasm\":1}}");
    yes(contains("[[2]]"), "[1,[2,3]]");
    yes(contains("[{\"x\":3}]"), "[{\"x\":3,\"y\":4}]");
    no(contains("[[1,4]]"), "[[1,2],[4]]");
    no(contains("[1]"), "[[1,2]]");
    no(contains("{\"a\":1}"), "{\"a\":[1,2]}");
  }

  @Test
  void scalarsMustBeEqualAndNumbersCompareByValue() {
    yes(contains("{\"n\":1}"), "{\"n\":1.0}", "{\"n\":1e0}");
    no(contains("{\"n\":1}"), "{\"n\":\"1\"}", "{\"n\":true}", "{\"n\":1.01}");
    yes(contains("\"a\""), "\"a\"");
    yes(contains("null"), "null");
    no(contains("null"), "false", "{}");
    yes(contains("2"), "2.0");
  }

  @Test
  void aTopLevelScalarPatternIsContainedInAnArrayHoldingIt() {
    yes(contains("\"wasm\""), "[\"db\",\"wasm\"]");
    yes(contains("1"), "[3,2,1.0]");
    no(contains("\"wasm\""), "[\"db\"]", "[[\"wasm\"]]", "{\"wasm\":1}");
    // Only at the top level: deeper, an array does not contain a scalar.
    no(contains("{\"tags\":\"wasm\"}"), "{\"tags\":[\"wasm\"]}");
  }

  // ---- null column, limits, construction ----

  @Test
  void aNullColumnIsAMissingDocument() {
    assertEquals(false, matches(hasKey("a"), null));
    assertEquals(false, matches(contains("{}"), null));
    assertEquals(true, matches(extract("a", "\"IsNull\""), null));
    assertEquals(false, matches(extract("a", "\"NotNull\""), null));
    assertEquals(false, matches(extract("a", "{\"Eq\":{\"Int64\":1}}"), null));
    assertEquals(true, matches(extract("a", "{\"Ne\":{\"Int64\":1}}"), null));
    assertEquals(false, matches(extract("a", "{\"Gt\":{\"Int64\":1}}"), null));
    assertEquals(false, matches(extract("a", "{\"Le\":{\"Text\":\"x\"}}"), null));
    assertEquals(false, matches(extract("a", "{\"In\":[{\"Int64\":1}]}"), null));
  }

  @Test
  void deepDocumentsAreReadWithoutRecursion() {
    String deep = "[".repeat(512) + "]".repeat(512);
    yes(hasKey("[0]".repeat(64).substring(0, 63 * 3)), deep);
    no(hasKey("[1]"), deep);
    String deepObject = "{\"a\":".repeat(511) + "1" + "}".repeat(511);
    yes(
        extract(
            "a" + ".a".repeat(63),
            "{\"Eq\":{\"Json\":\"" + "{\\\"a\\\":".repeat(447) + "1" + "}".repeat(447) + "\"}}"),
        deepObject);
    yes(contains("{\"a\":{\"a\":{}}}"), deepObject);
  }

  @Test
  void operandsAreCheckedWhenBuilt() {
    JsonPath path = JsonPath.parse("a");
    assertThrows(
        InvalidQueryException.class,
        () -> new JsonFilter.Extract(path, JsonFilter.Test.EQ, NullValue.INSTANCE));
    assertThrows(
        InvalidQueryException.class,
        () -> new JsonFilter.Extract(path, JsonFilter.Test.GT, new Float64Value(Double.NaN)));
    assertThrows(
        InvalidQueryException.class,
        () -> new JsonFilter.Extract(path, JsonFilter.Test.EQ, new DateValue(2024, 1, 1)));
    assertThrows(
        InvalidQueryException.class,
        () -> new JsonFilter.Extract(path, JsonFilter.Test.IS_NULL, new Int64Value(1)));
    assertThrows(
        InvalidQueryException.class,
        () -> new JsonFilter.Extract(path, JsonFilter.Test.EQ, List.of()));
    assertThrows(
        InvalidQueryException.class,
        () -> new JsonFilter.Extract(path, JsonFilter.Test.EQ, new JsonValue("{\"x\":1,\"x\":2}")));
    assertThrows(
        InvalidQueryException.class,
        () ->
            new JsonFilter.Extract(
                path,
                JsonFilter.Test.IN,
                List.of(new Int64Value(1), new Float64Value(Double.NaN))));
  }

  @Test
  void containsPatternNestingCountsTowardTheFilterLimit() {
    String deepest = "[".repeat(Filter.MAX_DEPTH - 1) + "]".repeat(Filter.MAX_DEPTH - 1);
    JsonFilter.Contains ok = new JsonFilter.Contains(JsonParser.parse(deepest, 64));
    assertEquals(Filter.MAX_DEPTH, new Filter.Json("m", ok).depth());
    assertThrows(
        InvalidQueryException.class,
        () -> new JsonFilter.Contains(JsonParser.parse("[" + deepest + "]", 64)));
    assertThrows(InvalidQueryException.class, () -> new Filter.Not(new Filter.Json("m", ok)));
    assertEquals(1, new Filter.Json("m", new JsonFilter.HasKey(JsonPath.parse("a"))).depth());
    JsonFilter.Extract extract =
        new JsonFilter.Extract(JsonPath.parse("a"), JsonFilter.Test.IS_NULL, List.of());
    assertEquals(2, new Filter.Json("m", extract).depth());
    assertEquals(
        2,
        new Filter.Json("m", new JsonFilter.Contains(JsonParser.parse("{\"a\":1}", 64))).depth());
    assertEquals(
        1, new Filter.Json("m", new JsonFilter.Contains(JsonParser.parse("1", 64))).depth());
  }
}
