package org.wasmdbms.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;

class JsonPathTest {
  private static JsonPath.Step key(String name) {
    return new JsonPath.Key(name);
  }

  private static JsonPath.Step index(int i) {
    return new JsonPath.Index(i);
  }

  private static void parses(String text, String canonical, JsonPath.Step... steps) {
    JsonPath path = JsonPath.parse(text);
    assertEquals(List.of(steps), path.steps(), text);
    assertEquals(canonical, path.text(), text);
    assertEquals(path, JsonPath.parse(path.text()), text);
  }

  @Test
  void keysAndIndices() {
    parses("a", "a", key("a"));
    parses("a.b[0].c", "a.b[0].c", key("a"), key("b"), index(0), key("c"));
    parses("[2]", "[2]", index(2));
    parses("[0][10]", "[0][10]", index(0), index(10));
    parses("user.tags[0]", "user.tags[0]", key("user"), key("tags"), index(0));
    parses("[1].x", "[1].x", index(1), key("x"));
    parses("[2147483647]", "[2147483647]", index(Integer.MAX_VALUE));
  }

  @Test
  void aDigitStepAfterADotIsAKey() {
    parses("a.0", "a.0", key("a"), key("0"));
    parses("0", "0", key("0"));
  }

  @Test
  void keysMayHoldAnyCharacterButTheFourSpecialOnes() {
    parses("first name", "first name", key("first name"));
    parses(
        "caf\u00e9.\ud83d\ude00", "caf\u00e9.\ud83d\ude00", key("caf\u00e9"), key("\ud83d\ude00"));
    parses("back\\slash", "back\\slash", key("back\\slash"));
    parses("a-b:c", "a-b:c", key("a-b:c"));
  }

  @Test
  void quotedKeys() {
    parses("\"a.b\".\"c\"", "\"a.b\".c", key("a.b"), key("c"));
    parses("\"x[0]\"", "\"x[0]\"", key("x[0]"));
    parses("\"say \\\"hi\\\"\"", "\"say \\\"hi\\\"\"", key("say \"hi\""));
    parses("\"a]\\\\\"[3]", "\"a]\\\\\"[3]", key("a]\\"), index(3));
    parses("\"\"", "\"\"", key(""));
    parses("a.\"\".b", "a.\"\".b", key("a"), key(""), key("b"));
    parses("\"plain\"", "plain", key("plain"));
  }

  @Test
  void sixtyFourStepsAreTheLimit() {
    String sixtyFour = "a" + ".a".repeat(63);
    assertEquals(64, JsonPath.parse(sixtyFour).steps().size());
    assertEquals(64, JsonPath.parse("[0]".repeat(64)).steps().size());
    malformed(sixtyFour + ".a", "more than 64 steps");
    malformed("[0]".repeat(65), "more than 64 steps");
    List<JsonPath.Step> steps = new ArrayList<>();
    for (int i = 0; i < 65; i++) {
      steps.add(key("k"));
    }
    assertThrows(InvalidQueryException.class, () -> new JsonPath(steps));
    assertThrows(InvalidQueryException.class, () -> new JsonPath(List.of()));
    assertThrows(InvalidQueryException.class, () -> new JsonPath.Index(-1));
  }

  private static void malformed(String text, String why) {
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> JsonPath.parse(text), text);
    assertTrue(e.detail().startsWith("malformed JSON path \""), e.getMessage());
    assertTrue(e.detail().contains(why), e.getMessage());
  }

  @Test
  void malformedPathsAreNamedInTheError() {
    malformed("", "it is empty");
    malformed(".a", "empty key at offset 0");
    malformed("a.", "ends with '.'");
    malformed("a..b", "empty key at offset 2");
    malformed("a.[0]", "empty key at offset 2");
    malformed("a[", "expected digits after '['");
    malformed("a[]", "expected digits after '['");
    malformed("a[x]", "expected digits after '['");
    malformed("a[-1]", "expected digits after '['");
    malformed("a[1", "expected ']'");
    malformed("a[1x]", "expected ']'");
    malformed("a[01]", "leading zero");
    malformed("a[2147483648]", "exceeds 2147483647");
    malformed("a[99999999999999999999]", "exceeds 2147483647");
    malformed("a]", "unexpected ']'");
    malformed("a\"b", "unexpected '\"'");
    malformed("[0]a", "expected '.' or '[' at offset 3");
    malformed("\"a\"b", "expected '.' or '[' at offset 3");
    malformed("\"a", "not closed");
    malformed("\"a\\", "bad escape");
    malformed("\"a\\n\"", "bad escape");
  }

  @Test
  void longMalformedPathsAreShortenedInTheMessage() {
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> JsonPath.parse("x".repeat(5000) + ".."));
    assertTrue(e.getMessage().length() < 300, e.getMessage());
    assertTrue(e.getMessage().contains("..."), e.getMessage());
  }
}
