package org.wasmdbms.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Join;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint64Value;

class WireFormatTest {
  private static void assertCanonical(String json) {
    assertEquals(json, WireFormat.printValue(WireFormat.parseValue(json)));
  }

  private static void assertRefused(String json, String messagePart) {
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> WireFormat.parseValue(json), json);
    assertTrue(e.detail().contains(messagePart), json + " gave: " + e.detail());
  }

  @Test
  void canonicalValuesPrintAsTheyParse() {
    for (String json :
        new String[] {
          "\"Null\"",
          "{\"Int8\":-128}",
          "{\"Int64\":-9007199254740992}",
          "{\"Int64\":\"-9223372036854775808\"}",
          "{\"Uint64\":\"18446744073709551615\"}",
          "{\"Uint64\":9007199254740992}",
          "{\"Float64\":1.5}",
          "{\"Float64\":-0.0}",
          "{\"Float64\":1e300}",
          "{\"Float64\":5e-324}",
          "{\"Float64\":1.7976931348623157e308}",
          "{\"Float32\":3.4028235e38}",
          "{\"Float32\":0.1}",
          "{\"Float64\":100.0}",
          "{\"Float64\":0.001}",
          "{\"Boolean\":false}",
          "{\"Text\":\"a\\\"b\\\\c\\n\\u0000\\u00e9\"}",
          "{\"Blob\":[]}",
          "{\"Blob\":[0,255]}",
          "{\"Json\":\"[1, 2]\"}",
          "{\"Decimal\":\"-0.50\"}",
          "{\"Date\":{\"year\":2024,\"month\":6,\"day\":15}}",
          "{\"DateTime\":{\"year\":2024,\"month\":6,\"day\":15,\"hour\":0,\"minute\":0,\"second\":0,"
              + "\"microsecond\":0,\"timezone_offset_minutes\":330}}",
          "{\"Uuid\":\"00000000-0000-0000-0000-000000000000\"}"
        }) {
      assertCanonical(json);
    }
  }

  @Test
  void integersBeyondTwoToThe53ArePrintedAsStringsAndAcceptedBothWays() {
    assertEquals(
        "{\"Int64\":\"9007199254740993\"}", WireFormat.printValue(new Int64Value((1L << 53) + 1)));
    assertEquals(new Uint64Value(-1L), WireFormat.parseValue("{\"Uint64\":18446744073709551615}"));
    assertEquals(new Int64Value(5), WireFormat.parseValue("{\"Int64\":\"5\"}"));
    assertEquals(new Float64Value(0.1), WireFormat.parseValue("{\"Float64\":1E-1}"));
    assertEquals(
        "{\"Float64\":0.1}", WireFormat.printValue(WireFormat.parseValue("{\"Float64\":1E-1}")));
  }

  @Test
  void malformedValuesGiveClearInvalidQueries() {
    assertRefused("{\"Int8\":300}", "out of range for Int8");
    assertRefused("{\"Int8\":1.0}", "needs an integer");
    assertRefused("{\"Int32\":\"5\"}", "needs an integer");
    assertRefused("{\"Uint8\":-1}", "out of range");
    assertRefused("{\"Int64\":\"9223372036854775808\"}", "out of range");
    assertRefused("{\"Uint64\":\"18446744073709551616\"}", "exceeds");
    assertRefused("{\"Uint64\":\"01\"}", "malformed integer");
    assertRefused("{\"Float64\":NaN}", "unexpected character 'N'");
    assertRefused("{\"Float64\":Infinity}", "unexpected character 'I'");
    assertRefused("{\"Float64\":1e400}", "out of range for Float64");
    assertRefused("{\"Float32\":1e39}", "out of range for Float32");
    assertRefused("{\"Float64\":1e99999999999}", "exponent");
    assertRefused("{\"Float64\":\"1.5\"}", "needs a finite number");
    assertRefused("{\"Nope\":1}", "unknown value tag \"Nope\"");
    assertRefused("{\"Int8\":1,\"Int16\":2}", "one tag");
    assertRefused("{\"Int8\":1,\"Int8\":2}", "repeated key");
    assertRefused("\"null\"", "one tag");
    assertRefused("null", "one tag");
    assertRefused("{\"Int8\":1}x", "after the JSON value");
    assertRefused("{\"Int8\":01}", "expected ',' or '}'");
    assertRefused("{\"Text\":\"a\nb\"}", "control character");
    assertRefused("{\"Text\":\"\\x\"}", "bad escape");
    assertRefused("{\"Blob\":[256]}", "outside 0..255");
    assertRefused("{\"Date\":{\"year\":2024,\"month\":6}}", "missing \"day\"");
    assertRefused(
        "{\"Date\":{\"year\":2024,\"month\":6,\"day\":1,\"x\":1}}", "unknown field \"x\"");
    assertRefused("{\"Date\":{\"year\":2024,\"month\":2,\"day\":30}}", "does not exist");
    assertRefused("{\"Decimal\":19.99}", "needs a string");
    assertRefused("{\"Decimal\":\"1e3\"}", "malformed decimal");
    assertRefused("{\"Uuid\":\"x\"}", "malformed UUID");
    assertRefused("{\"Json\":\"{\"}", "malformed JSON");
    assertRefused("", "end of input");
    assertRefused("[".repeat(65) + "]".repeat(65), "nesting deeper than 64");
  }

  @Test
  void nanAndInfinityCannotBePrinted() {
    assertThrows(
        InvalidQueryException.class, () -> WireFormat.printValue(new Float64Value(Double.NaN)));
    assertThrows(
        InvalidQueryException.class,
        () -> WireFormat.printValue(new Float64Value(Double.NEGATIVE_INFINITY)));
  }

  @Test
  void filtersMatchTheReferenceShape() {
    Filter f =
        new Filter.And(
            List.of(
                new Filter.Eq("id", new Int32Value(1)),
                new Filter.In("name", List.of(new TextValue("a"), NullValue.INSTANCE)),
                new Filter.Not(new Filter.IsNull("x")),
                new Filter.Or(List.of(new Filter.Like("n", "a%"), new Filter.NotNull("y")))));
    String json =
        "{\"And\":[{\"Eq\":[\"id\",{\"Int32\":1}]},{\"In\":[\"name\",[{\"Text\":\"a\"},\"Null\"]]},"
            + "{\"Not\":{\"IsNull\":\"x\"}},{\"Or\":[{\"Like\":[\"n\",\"a%\"]},{\"NotNull\":\"y\"}]}]}";
    assertEquals(json, WireFormat.printFilter(f));
    assertEquals(f, WireFormat.parseFilter(json));
    assertEquals(f, WireFormat.parseFilter(" \n" + json.replace(",", " , ") + "\t"));
  }

  @Test
  void malformedFiltersGiveClearInvalidQueries() {
    String[][] cases = {
      {"{\"Eq\":[\"a\"]}", "needs [column, operand]"},
      {"{\"Eq\":[1,{\"Int8\":1}]}", "column needs a string"},
      {"{\"Gt\":[\"a\",{\"Float64\":1e999}]}", "out of range"},
      {"{\"And\":[{\"IsNull\":\"a\"}]}", "at least two operands"},
      {"{\"Or\":{\"IsNull\":\"a\"}}", "needs an array"},
      {"{\"Xor\":[]}", "unknown filter tag"},
      {"{\"IsNull\":[\"a\"]}", "needs a string"},
      {"{\"Like\":[\"a\",\"\\\\\"]}", "lone backslash"},
      {"{\"Not\":".repeat(31) + "{\"IsNull\":\"a\"}" + "}".repeat(31), "deeper than 30"},
      {"{\"Not\":".repeat(70) + "{\"IsNull\":\"a\"}" + "}".repeat(70), "deeper than 64"},
    };
    for (String[] c : cases) {
      InvalidQueryException e =
          assertThrows(InvalidQueryException.class, () -> WireFormat.parseFilter(c[0]), c[0]);
      assertTrue(e.detail().contains(c[1]), c[0] + " gave: " + e.detail());
    }
  }

  @Test
  void joinsRoundTripAndRejectUnknownTypes() {
    Join j = new Join(JoinType.FULL, "posts", "users.id", "user_id");
    String json =
        "{\"join_type\":\"Full\",\"table\":\"posts\",\"left_column\":\"users.id\",\"right_column\":\"user_id\"}";
    assertEquals(json, WireFormat.printJoin(j));
    assertEquals(j, WireFormat.parseJoin(json));
    assertThrows(
        InvalidQueryException.class, () -> WireFormat.parseJoin(json.replace("Full", "Cross")));
    assertThrows(
        InvalidQueryException.class,
        () -> WireFormat.parseJoin(json.replace("\"table\"", "\"tab\"")));
  }
}
