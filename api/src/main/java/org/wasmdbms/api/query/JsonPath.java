package org.wasmdbms.api.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.json.JsonWriter;

/**
 * A path into a JSON document: object keys and array indices, from the top-level value down.
 *
 * <p>Text form ({@link #parse}, {@link #text}): keys separated by dots, indices in brackets, as in
 * {@code a.b[0].c} or {@code [2]}. A step written {@code a.0} is the key {@code "0"}: indices are
 * only ever written in brackets. A key that is empty or holds {@code .}, {@code [}, {@code ]} or
 * {@code "} is written in double quotes, inside which {@code \"} and {@code \\} are the only
 * escapes: {@code "a.b"."c"}. A path has one to {@link #MAX_STEPS} steps; an index is a decimal
 * number without sign or leading zeros, at most {@link Integer#MAX_VALUE}.
 *
 * <p>{@link #text} prints the canonical form (keys quoted only when they must be), so {@code
 * parse(p.text())} equals {@code p}. Immutable and thread-safe.
 *
 * @param steps the steps, one or more (unmodifiable copy)
 */
public record JsonPath(List<Step> steps) {
  /** The most steps a path may have. */
  public static final int MAX_STEPS = 64;

  /** The longest piece of a malformed path quoted in an error message. */
  private static final int QUOTED_MAX = 100;

  /** Creates the path; needs one to {@link #MAX_STEPS} steps. */
  public JsonPath {
    steps = Collections.unmodifiableList(new ArrayList<>(steps));
    for (Step step : steps) {
      Objects.requireNonNull(step, "step");
    }
    if (steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw new InvalidQueryException(
          "a JSON path needs 1 to " + MAX_STEPS + " steps, got " + steps.size());
    }
  }

  /** One step of a path. */
  public sealed interface Step permits Key, Index {}

  /**
   * An object member.
   *
   * @param name the key, any string
   */
  public record Key(String name) implements Step {
    /** Creates the step. */
    public Key {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * An array element.
   *
   * @param position the index from 0
   */
  public record Index(int position) implements Step {
    /** Creates the step; the position must not be negative. */
    public Index {
      if (position < 0) {
        throw new InvalidQueryException("a JSON path index must not be negative: " + position);
      }
    }
  }

  /**
   * Parses the text form described on this class.
   *
   * @throws InvalidQueryException naming the path if it is malformed or has more than {@link
   *     #MAX_STEPS} steps
   */
  public static JsonPath parse(String text) {
    return new Parser(text).run();
  }

  /** The canonical text form. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Step step : steps) {
      if (step instanceof Index index) {
        sb.append('[').append(index.position()).append(']');
        continue;
      }
      if (sb.length() > 0) {
        sb.append('.');
      }
      String name = ((Key) step).name();
      if (needsQuotes(name)) {
        sb.append('"');
        for (int i = 0; i < name.length(); i++) {
          char c = name.charAt(i);
          if (c == '"' || c == '\\') {
            sb.append('\\');
          }
          sb.append(c);
        }
        sb.append('"');
      } else {
        sb.append(name);
      }
    }
    return sb.toString();
  }

  private static boolean needsQuotes(String name) {
    if (name.isEmpty()) {
      return true;
    }
    for (int i = 0; i < name.length(); i++) {
      if (isSpecial(name.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpecial(char c) {
    return c == '.' || c == '[' || c == ']' || c == '"';
  }

  /** A one-pass reader of the text form. */
  private static final class Parser {
    private final String text;
    private final List<Step> steps = new ArrayList<>();
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    JsonPath run() {
      if (text.isEmpty()) {
        throw error("it is empty");
      }
      boolean afterDot = false;
      while (true) {
        if (steps.size() == MAX_STEPS) {
          throw error("it has more than " + MAX_STEPS + " steps");
        }
        if (!afterDot && text.charAt(pos) == '[') {
          steps.add(new Index(index()));
        } else {
          steps.add(new Key(text.charAt(pos) == '"' ? quotedKey() : plainKey()));
        }
        if (pos == text.length()) {
          return new JsonPath(steps);
        }
        char c = text.charAt(pos);
        afterDot = c == '.';
        if (afterDot) {
          pos++;
          if (pos == text.length()) {
            throw error("it ends with '.'");
          }
        } else if (c != '[') {
          throw error("expected '.' or '[' at offset " + pos);
        }
      }
    }

    private int index() {
      int start = ++pos;
      long value = 0;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        value = value * 10 + (text.charAt(pos) - '0');
        if (value > Integer.MAX_VALUE) {
          throw error("the index at offset " + start + " exceeds " + Integer.MAX_VALUE);
        }
        pos++;
      }
      if (pos == start) {
        throw error("expected digits after '[' at offset " + (start - 1));
      }
      if (text.charAt(start) == '0' && pos - start > 1) {
        throw error("the index at offset " + start + " has a leading zero");
      }
      if (pos == text.length() || text.charAt(pos) != ']') {
        throw error("expected ']' at offset " + pos);
      }
      pos++;
      return (int) value;
    }

    private String plainKey() {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
        char c = text.charAt(pos);
        if (c == ']' || c == '"') {
          throw error(
              "unexpected '" + c + "' at offset " + pos + " (a key holding it must be quoted)");
        }
        pos++;
      }
      if (pos == start) {
        throw error("empty key at offset " + start + " (write an empty key as \"\")");
      }
      return text.substring(start, pos);
    }

    private String quotedKey() {
      int start = pos++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos == text.length()) {
          throw error("the quoted key at offset " + start + " is not closed");
        }
        char c = text.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          char e = pos < text.length() ? text.charAt(pos) : 0;
          if (e != '"' && e != '\\') {
            throw error("bad escape at offset " + (pos - 1) + " (only \\\" and \\\\ are allowed)");
          }
          pos++;
          c = e;
        }
        sb.append(c);
      }
    }

    private InvalidQueryException error(String why) {
      StringBuilder quoted = new StringBuilder();
      String shown = text.length() > QUOTED_MAX ? text.substring(0, QUOTED_MAX) : text;
      JsonWriter.quote(quoted, shown);
      if (shown.length() < text.length()) {
        quoted.append("...");
      }
      return new InvalidQueryException("malformed JSON path " + quoted + ": " + why);
    }
  }
}
