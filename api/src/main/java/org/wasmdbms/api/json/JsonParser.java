package org.wasmdbms.api.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * A strict RFC 8259 JSON parser. It is iterative (an explicit stack of open containers instead of
 * recursion) and refuses nesting deeper than a caller-given bound, so no input can overflow the
 * stack. Every failure, including trailing characters after the value, is an {@link
 * InvalidQueryException} whose message names the offset.
 *
 * <p>{@link #parse} also refuses an object that repeats a key, since a repeated tag would make the
 * wire format ambiguous; {@link #validate} accepts repeated keys, as RFC 8259 does.
 */
public final class JsonParser {
  private final String text;
  private final int maxDepth;
  private final boolean build;
  private int pos;

  private JsonParser(String text, int maxDepth, boolean build) {
    this.text = text;
    this.maxDepth = maxDepth;
    this.build = build;
  }

  /**
   * Parses one JSON value that makes up all of {@code text} (surrounding whitespace allowed).
   *
   * @param maxDepth the deepest nesting of arrays and objects accepted (1 allows {@code [1]})
   * @throws InvalidQueryException if the text is not one well-formed JSON value, nests deeper than
   *     {@code maxDepth} or repeats a key in an object
   */
  public static JsonNode parse(String text, int maxDepth) {
    return new JsonParser(text, maxDepth, true).run();
  }

  /**
   * Checks that {@code text} is one well-formed JSON value, without building a tree.
   *
   * @param maxDepth the deepest nesting of arrays and objects accepted
   * @throws InvalidQueryException if not, or if it nests deeper than {@code maxDepth}
   */
  public static void validate(String text, int maxDepth) {
    new JsonParser(text, maxDepth, false).run();
  }

  /** One open array or object and what has been read of it so far. */
  private static final class Container {
    final boolean isObject;
    final List<JsonNode> items;
    final Map<String, JsonNode> members;
    String pendingKey;

    Container(boolean isObject, boolean build) {
      this.isObject = isObject;
      this.items = build && !isObject ? new ArrayList<>() : null;
      this.members = build && isObject ? new LinkedHashMap<>() : null;
    }

    char closer() {
      return isObject ? '}' : ']';
    }

    void add(JsonNode value) {
      if (items != null) {
        items.add(value);
      } else if (members != null) {
        members.put(pendingKey, value);
      }
    }

    JsonNode finish() {
      if (items != null) {
        return new JsonNode.JsonArray(items);
      }
      return members != null ? new JsonNode.JsonObject(members) : null;
    }
  }

  private JsonNode run() {
    List<Container> open = new ArrayList<>();
    skipWhitespace();
    while (true) {
      JsonNode value;
      char c = peek("a value");
      if (c == '{' || c == '[') {
        if (open.size() >= maxDepth) {
          throw error("nesting deeper than " + maxDepth + " levels");
        }
        pos++;
        Container container = new Container(c == '{', build);
        open.add(container);
        skipWhitespace();
        if (peek(container.isObject ? "a key or '}'" : "a value or ']'") != container.closer()) {
          if (container.isObject) {
            readKey(container);
          }
          continue;
        }
        pos++;
        open.remove(open.size() - 1);
        value = container.finish();
      } else {
        value = scalar(c);
      }
      // Close every container that this value completes, then continue with the next value.
      while (true) {
        skipWhitespace();
        if (open.isEmpty()) {
          if (pos != text.length()) {
            throw error("unexpected characters after the JSON value");
          }
          return value;
        }
        Container top = open.get(open.size() - 1);
        top.add(value);
        char d = peek("',' or '" + top.closer() + "'");
        pos++;
        if (d == ',') {
          skipWhitespace();
          if (top.isObject) {
            readKey(top);
          }
          break;
        }
        if (d != top.closer()) {
          pos--;
          throw error("expected ',' or '" + top.closer() + "'");
        }
        open.remove(open.size() - 1);
        value = top.finish();
      }
    }
  }

  private void readKey(Container container) {
    if (peek("a key") != '"') {
      throw error("expected a string key");
    }
    String key = string();
    if (container.members != null && container.members.containsKey(key)) {
      throw error("repeated key \"" + key + "\"");
    }
    container.pendingKey = key;
    skipWhitespace();
    if (peek("':'") != ':') {
      throw error("expected ':'");
    }
    pos++;
    skipWhitespace();
  }

  private JsonNode scalar(char c) {
    if (c == '"') {
      String s = string();
      return build ? new JsonNode.JsonString(s) : null;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    if (text.startsWith("true", pos)) {
      pos += 4;
      return new JsonNode.JsonBoolean(true);
    }
    if (text.startsWith("false", pos)) {
      pos += 5;
      return new JsonNode.JsonBoolean(false);
    }
    if (text.startsWith("null", pos)) {
      pos += 4;
      return JsonNode.JsonNull.INSTANCE;
    }
    throw error("unexpected character '" + printable(c) + "'");
  }

  private String string() {
    pos++; // the opening quote
    StringBuilder sb = build ? new StringBuilder() : null;
    while (true) {
      char c = peek("a closing '\"'");
      pos++;
      if (c == '"') {
        return sb == null ? null : sb.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("control character in a string must be escaped");
      }
      if (c == '\\') {
        c = escape();
      }
      if (sb != null) {
        sb.append(c);
      }
    }
  }

  private char escape() {
    char e = peek("an escape character");
    pos++;
    switch (e) {
      case '"', '\\', '/' -> {
        return e;
      }
      case 'b' -> {
        return '\b';
      }
      case 'f' -> {
        return '\f';
      }
      case 'n' -> {
        return '\n';
      }
      case 'r' -> {
        return '\r';
      }
      case 't' -> {
        return '\t';
      }
      case 'u' -> {
        int v = 0;
        for (int i = 0; i < 4; i++) {
          int d = hexDigit(peek("four hex digits"));
          if (d < 0) {
            throw error("bad \\u escape");
          }
          v = v * 16 + d;
          pos++;
        }
        return (char) v;
      }
      default -> {
        pos--;
        throw error("bad escape '\\" + printable(e) + "'");
      }
    }
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private JsonNode number() {
    int start = pos;
    if (text.charAt(pos) == '-') {
      pos++;
    }
    char first = peek("a digit");
    if (first == '0') {
      pos++;
    } else if (!digits()) {
      throw error("expected a digit");
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      if (!digits()) {
        throw error("expected a digit after '.'");
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (!digits()) {
        throw error("expected a digit in the exponent");
      }
    }
    return build ? new JsonNode.JsonNumber(text.substring(start, pos)) : null;
  }

  /** Consumes a run of digits; returns whether there was at least one. */
  private boolean digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek(String expected) {
    if (pos >= text.length()) {
      throw error("unexpected end of input, expected " + expected);
    }
    return text.charAt(pos);
  }

  private InvalidQueryException error(String message) {
    return new InvalidQueryException("malformed JSON at offset " + pos + ": " + message);
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf(c) : JsonWriter.unicodeEscape(c);
  }
}
