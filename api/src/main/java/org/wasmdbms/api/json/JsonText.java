package org.wasmdbms.api.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a stored JSON document in place, without building a tree: positions are offsets into the
 * text, and the methods find members and elements, skip values, and compare a value with a {@link
 * JsonNode}. Only what a question needs is decoded.
 *
 * <p>The text must be one well-formed JSON value (as every {@link org.wasmdbms.api.value.JsonValue}
 * is). Even so, every read is bounds-checked: on text that is not well-formed the answers are
 * meaningless but no method reads outside the text or throws.
 *
 * <p>An object that repeats a key (RFC 8259 allows it) answers with its last member of that key, as
 * most JSON readers do.
 *
 * <p>Positions: a value position is the offset of the value's first character. Containers are
 * walked with {@link #first} and {@link #next}; in an object these return key positions, and {@link
 * #valueOf} gives the value of a key. Nothing recurses on the document's nesting: skipping a value
 * counts brackets, and {@link #equalTo} keeps an explicit work list.
 *
 * <p>Not thread-safe (escape decoding keeps a cursor); use one instance per evaluation.
 */
public final class JsonText {
  private final String text;
  private final int length;
  private int cursor;

  /** Reads {@code text}. */
  public JsonText(String text) {
    this.text = text;
    this.length = text.length();
  }

  /** The position of the top-level value. */
  public int root() {
    return skipWhitespace(0);
  }

  /**
   * The first character of the value at {@code p}: {@code '{'}, {@code '['}, {@code '"'}, {@code
   * 't'}, {@code 'f'}, {@code 'n'}, or a digit or {@code '-'} for a number; 0 past the end.
   */
  public char kind(int p) {
    return at(p);
  }

  /** Whether the value at {@code p} is a number. */
  public boolean isNumber(int p) {
    char c = at(p);
    return c == '-' || (c >= '0' && c <= '9');
  }

  /** The offset just past the value at {@code p}. */
  public int end(int p) {
    char c = at(p);
    if (c == '"') {
      return stringEnd(p);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      int i = p;
      while (i < length) {
        char d = text.charAt(i);
        if (d == '"') {
          i = stringEnd(i);
          continue;
        }
        if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          depth--;
          if (depth == 0) {
            return i + 1;
          }
        }
        i++;
      }
      return length;
    }
    int i = p;
    while (i < length && isScalarChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isScalarChar(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '-'
        || c == '+'
        || c == '.';
  }

  private int stringEnd(int p) {
    int i = p + 1;
    while (i < length) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      i += c == '\\' ? 2 : 1;
    }
    return length;
  }

  /**
   * The first element of the array, or the first key of the object, at {@code p}; -1 if it is empty
   * or not a container.
   */
  public int first(int p) {
    char c = at(p);
    if (c != '{' && c != '[') {
      return -1;
    }
    int i = skipWhitespace(p + 1);
    char d = at(i);
    return d == '}' || d == ']' || d == 0 ? -1 : i;
  }

  /**
   * The element or key after the element or member value at {@code p}, or -1 if {@code p} was the
   * last one.
   */
  public int next(int p) {
    int i = skipWhitespace(end(p));
    return at(i) == ',' ? skipWhitespace(i + 1) : -1;
  }

  /** The position of the value of the object key at {@code key}. */
  public int valueOf(int key) {
    int i = skipWhitespace(end(key));
    return skipWhitespace(at(i) == ':' ? i + 1 : i);
  }

  /** The value of the last member named {@code name} of the object at {@code p}, or -1. */
  public int member(int p, String name) {
    if (at(p) != '{') {
      return -1;
    }
    int found = -1;
    for (int k = first(p); k >= 0; ) {
      int v = valueOf(k);
      if (stringEquals(k, name)) {
        found = v;
      }
      k = next(v);
    }
    return found;
  }

  /** Element {@code index} (from 0) of the array at {@code p}, or -1. */
  public int element(int p, int index) {
    if (at(p) != '[' || index < 0) {
      return -1;
    }
    int e = first(p);
    for (int i = 0; i < index && e >= 0; i++) {
      e = next(e);
    }
    return e;
  }

  /** Whether the value at {@code p} is a string whose decoded text equals {@code s}. */
  public boolean stringEquals(int p, String s) {
    if (at(p) != '"') {
      return false;
    }
    int n = s.length();
    int j = 0;
    cursor = p + 1;
    while (cursor < length) {
      char c = text.charAt(cursor);
      if (c == '"') {
        return j == n;
      }
      char decoded = decodeAtCursor();
      if (j >= n || s.charAt(j) != decoded) {
        return false;
      }
      j++;
    }
    return false;
  }

  /** The decoded text of the string at {@code p} (empty if {@code p} holds no string). */
  public String string(int p) {
    StringBuilder sb = new StringBuilder();
    if (at(p) != '"') {
      return "";
    }
    cursor = p + 1;
    while (cursor < length && text.charAt(cursor) != '"') {
      sb.append(decodeAtCursor());
    }
    return sb.toString();
  }

  /** Decodes one character, or one escape, at the cursor and moves past it. */
  private char decodeAtCursor() {
    char c = text.charAt(cursor++);
    if (c != '\\') {
      return c;
    }
    char e = at(cursor++);
    switch (e) {
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
          v = v * 16 + hexDigit(at(cursor++));
        }
        return (char) v;
      }
      default -> {
        return e;
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
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
  }

  /** The exact value of the number at {@code p}. */
  public JsonDecimal number(int p) {
    return JsonDecimal.of(text, p, end(p));
  }

  /**
   * Whether the value at {@code p} equals {@code node} structurally: same kind, numbers equal by
   * value ({@code 1} equals {@code 1.0}), strings equal after unescaping, arrays element by element
   * in order, objects with the same keys (order ignored) holding equal values. Iterative, so the
   * document's and the node's depth do not matter.
   */
  public boolean equalTo(int p, JsonNode node) {
    List<JsonNode> nodes = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    nodes.add(node);
    positions.add(p);
    while (!nodes.isEmpty()) {
      int last = nodes.size() - 1;
      JsonNode expected = nodes.remove(last);
      int at = positions.remove(last);
      if (expected instanceof JsonNode.JsonObject o) {
        if (!sameKeys(at, o.members())) {
          return false;
        }
        for (Map.Entry<String, JsonNode> e : o.members().entrySet()) {
          nodes.add(e.getValue());
          positions.add(member(at, e.getKey()));
        }
      } else if (expected instanceof JsonNode.JsonArray a) {
        if (at(at) != '[') {
          return false;
        }
        int e = first(at);
        for (JsonNode item : a.items()) {
          if (e < 0) {
            return false;
          }
          nodes.add(item);
          positions.add(e);
          e = next(e);
        }
        if (e >= 0) {
          return false;
        }
      } else if (!scalarEquals(at, expected)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the object at {@code p} has exactly the keys of {@code members}. */
  private boolean sameKeys(int p, Map<String, JsonNode> members) {
    if (at(p) != '{') {
      return false;
    }
    for (int k = first(p); k >= 0; k = next(valueOf(k))) {
      if (!members.containsKey(string(k))) {
        return false;
      }
    }
    for (String key : members.keySet()) {
      if (member(p, key) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the value at {@code p} contains {@code pattern} (PostgreSQL's {@code @>} without its
   * top-level exception): an object contains an object when every key of the pattern is present
   * with a value that contains the pattern's value; an array contains an array when every element
   * of the pattern is contained in some element of the array, in any order; scalars must be equal
   * ({@link #equalTo}). Recurses once per level of the pattern, so the caller bounds the pattern's
   * depth.
   */
  public boolean contains(int p, JsonNode pattern) {
    if (pattern instanceof JsonNode.JsonObject o) {
      if (at(p) != '{') {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : o.members().entrySet()) {
        int v = member(p, e.getKey());
        if (v < 0 || !contains(v, e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (pattern instanceof JsonNode.JsonArray a) {
      if (at(p) != '[') {
        return false;
      }
      for (JsonNode wanted : a.items()) {
        if (!containsElement(p, wanted)) {
          return false;
        }
      }
      return true;
    }
    return scalarEquals(p, pattern);
  }

  /** Whether some element of the array at {@code p} contains {@code pattern}. */
  public boolean containsElement(int p, JsonNode pattern) {
    for (int e = first(p); e >= 0; e = next(e)) {
      if (contains(e, pattern)) {
        return true;
      }
    }
    return false;
  }

  private boolean scalarEquals(int p, JsonNode scalar) {
    if (scalar instanceof JsonNode.JsonString s) {
      return stringEquals(p, s.value());
    }
    if (scalar instanceof JsonNode.JsonNumber n) {
      return isNumber(p) && JsonDecimal.of(n.literal()).compareTo(number(p)) == 0;
    }
    if (scalar instanceof JsonNode.JsonBoolean b) {
      return at(p) == (b.value() ? 't' : 'f');
    }
    return scalar instanceof JsonNode.JsonNull && at(p) == 'n';
  }

  private int skipWhitespace(int p) {
    int i = p;
    while (i < length) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  private char at(int p) {
    return p >= 0 && p < length ? text.charAt(p) : 0;
  }
}
