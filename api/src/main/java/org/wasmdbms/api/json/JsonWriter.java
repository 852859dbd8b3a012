package org.wasmdbms.api.json;

import java.util.Map;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * Prints a {@link JsonNode} as compact canonical JSON: no whitespace, members in their stored
 * order, numbers as their literal text, and strings with {@code "}, {@code \} and the control
 * characters escaped ({@code \b \f \n \r \t} by name) and every character outside printable ASCII
 * written as a lowercase {@code \}{@code uXXXX} escape. The output is therefore pure ASCII.
 */
public final class JsonWriter {
  /** The deepest tree this writer prints; deeper trees are refused rather than risk the stack. */
  public static final int MAX_DEPTH = 512;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  /**
   * Prints {@code node}.
   *
   * @throws InvalidQueryException if the tree nests deeper than {@link #MAX_DEPTH}
   */
  public static String write(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(sb, node, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, JsonNode node, int depth) {
    if (node instanceof JsonNode.JsonObject o) {
      checkDepth(depth);
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : o.members().entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, e.getKey());
        sb.append(':');
        write(sb, e.getValue(), depth + 1);
      }
      sb.append('}');
    } else if (node instanceof JsonNode.JsonArray a) {
      checkDepth(depth);
      sb.append('[');
      for (int i = 0; i < a.items().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(sb, a.items().get(i), depth + 1);
      }
      sb.append(']');
    } else if (node instanceof JsonNode.JsonString s) {
      quote(sb, s.value());
    } else if (node instanceof JsonNode.JsonNumber n) {
      sb.append(n.literal());
    } else if (node instanceof JsonNode.JsonBoolean b) {
      sb.append(b.value());
    } else {
      sb.append("null");
    }
  }

  private static void checkDepth(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new InvalidQueryException("JSON tree nests deeper than " + MAX_DEPTH + " levels");
    }
  }

  /** Appends {@code s} as a quoted, escaped JSON string. */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c >= 0x20 && c < 0x7F) {
            sb.append(c);
          } else {
            sb.append(unicodeEscape(c));
          }
        }
      }
    }
    sb.append('"');
  }

  /** The six-character escape of {@code c}, for example {@code \}{@code u00e9}. */
  public static String unicodeEscape(char c) {
    return new String(
        new char[] {
          '\\', 'u', HEX[(c >> 12) & 0xF], HEX[(c >> 8) & 0xF], HEX[(c >> 4) & 0xF], HEX[c & 0xF]
        });
  }
}
