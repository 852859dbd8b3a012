package org.wasmdbms.api.query;

import java.util.List;
import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.json.JsonDecimal;
import org.wasmdbms.api.json.JsonNode;
import org.wasmdbms.api.json.JsonParser;
import org.wasmdbms.api.json.JsonText;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;

/**
 * A {@link JsonFilter} prepared for evaluation against stored documents, which it reads in place
 * ({@link JsonText}) instead of parsing them into trees.
 *
 * <p>Semantics:
 *
 * <ul>
 *   <li>{@code HasKey(path)}: the path exists, whatever it holds (JSON {@code null} included).
 *   <li>{@code Extract(path, test)}: the value at the path, compared. Numbers compare with integer
 *       and Decimal operands by exact decimal value ({@code 1} equals {@code 1.0}) and with float
 *       operands as the nearest double; strings with Text by code point; booleans with Boolean; any
 *       JSON value with a Json operand, structurally (numbers by value, object members in any
 *       order). {@code Gt}/{@code Ge}/{@code Lt}/{@code Le} apply to numbers and strings only and
 *       are false otherwise. A missing path or a type mismatch makes {@code Eq}, the order tests
 *       and {@code In} false; {@code Ne} is always the negation of {@code Eq}. {@code IsNull}: the
 *       path is missing or holds JSON {@code null}; {@code NotNull} is its negation.
 *   <li>{@code Contains(pattern)}: PostgreSQL's {@code @>}. An object contains an object when every
 *       key of the pattern is present with a value that contains the pattern's; an array contains
 *       an array when every element of the pattern is contained in some element, in any order;
 *       scalars must be equal (numbers by value). A scalar pattern at the top level is also
 *       contained in a top-level array that holds it.
 *   <li>A null column is a missing document: {@code HasKey} and {@code Contains} are false, {@code
 *       Extract IsNull} and {@code Ne} true, every other test false.
 * </ul>
 *
 * <p>In an object that repeats a key, the last member counts. Immutable and thread-safe.
 */
public final class JsonMatcher {
  /** What {@link #order} answers for values it does not order. */
  private static final int INCOMPARABLE = Integer.MIN_VALUE;

  private final JsonFilter filter;
  private final Operand[] operands;

  private JsonMatcher(JsonFilter filter, Operand[] operands) {
    this.filter = filter;
    this.operands = operands;
  }

  /** Prepares {@code filter}: parses Json operands and reads number operands once. */
  public static JsonMatcher compile(JsonFilter filter) {
    List<Value> values = filter instanceof JsonFilter.Extract e ? e.operands() : List.of();
    Operand[] operands = new Operand[values.size()];
    for (int i = 0; i < operands.length; i++) {
      operands[i] = operand(values.get(i));
    }
    return new JsonMatcher(filter, operands);
  }

  /** The prepared form of one Extract operand. */
  private sealed interface Operand {}

  private record Exact(JsonDecimal value) implements Operand {}

  private record Approximate(double value) implements Operand {}

  private record Text(String value) implements Operand {}

  private record Bool(boolean value) implements Operand {}

  private record Document(JsonNode value) implements Operand {}

  private static Operand operand(Value v) {
    if (v instanceof IntegerValue i) {
      return new Exact(JsonDecimal.of(i.text()));
    }
    if (v instanceof DecimalValue d) {
      return new Exact(JsonDecimal.of(d.text()));
    }
    if (v instanceof Float64Value d) {
      return new Approximate(d.value());
    }
    if (v instanceof Float32Value f) {
      return new Approximate(f.value());
    }
    if (v instanceof TextValue t) {
      return new Text(t.value());
    }
    if (v instanceof BooleanValue b) {
      return new Bool(b.value());
    }
    return new Document(JsonParser.parse(((JsonValue) v).text(), JsonValue.MAX_DEPTH));
  }

  /**
   * Whether the document matches.
   *
   * @param document the column's JSON text (well-formed, as every Json value is), or null when the
   *     column is null
   */
  public boolean matches(String document) {
    if (filter instanceof JsonFilter.Extract extract) {
      JsonText text = document == null ? null : new JsonText(document);
      int at = text == null ? -1 : find(text, extract.path());
      return test(extract.test(), text, at);
    }
    if (document == null) {
      return false;
    }
    JsonText text = new JsonText(document);
    if (filter instanceof JsonFilter.HasKey hasKey) {
      return find(text, hasKey.path()) >= 0;
    }
    JsonNode pattern = ((JsonFilter.Contains) filter).pattern();
    int root = text.root();
    boolean scalarInArray =
        !(pattern instanceof JsonNode.JsonObject || pattern instanceof JsonNode.JsonArray)
            && text.kind(root) == '[';
    return scalarInArray ? text.containsElement(root, pattern) : text.contains(root, pattern);
  }

  /** The position the path leads to, or -1 if it leads nowhere. */
  private static int find(JsonText text, JsonPath path) {
    int at = text.root();
    for (JsonPath.Step step : path.steps()) {
      if (step instanceof JsonPath.Key key) {
        at = text.member(at, key.name());
      } else {
        at = text.element(at, ((JsonPath.Index) step).position());
      }
      if (at < 0) {
        return -1;
      }
    }
    return at;
  }

  /** Applies {@code test} to the value at {@code at}, -1 meaning missing. */
  private boolean test(JsonFilter.Test test, JsonText text, int at) {
    return switch (test) {
      case IS_NULL -> at < 0 || text.kind(at) == 'n';
      case NOT_NULL -> at >= 0 && text.kind(at) != 'n';
      case EQ -> at >= 0 && equal(text, at, operands[0]);
      case NE -> at < 0 || !equal(text, at, operands[0]);
      case IN -> at >= 0 && equalsAny(text, at);
      case GT, GE, LT, LE -> at >= 0 && ordered(test, order(text, at, operands[0]));
    };
  }

  private static boolean ordered(JsonFilter.Test test, int c) {
    if (c == INCOMPARABLE) {
      return false;
    }
    return switch (test) {
      case GT -> c > 0;
      case GE -> c >= 0;
      case LT -> c < 0;
      default -> c <= 0;
    };
  }

  private boolean equalsAny(JsonText text, int at) {
    for (Operand operand : operands) {
      if (equal(text, at, operand)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equal(JsonText text, int at, Operand operand) {
    if (operand instanceof Text t) {
      return text.stringEquals(at, t.value());
    }
    if (operand instanceof Bool b) {
      return text.kind(at) == (b.value() ? 't' : 'f');
    }
    if (operand instanceof Document d) {
      return text.equalTo(at, d.value());
    }
    return order(text, at, operand) == 0;
  }

  /**
   * The order of the value at {@code at} relative to a number or text operand: negative, zero or
   * positive; {@link #INCOMPARABLE} for any other pairing.
   */
  private static int order(JsonText text, int at, Operand operand) {
    if (operand instanceof Exact e) {
      return text.isNumber(at) ? sign(text.number(at).compareTo(e.value())) : INCOMPARABLE;
    }
    if (operand instanceof Approximate a) {
      if (!text.isNumber(at)) {
        return INCOMPARABLE;
      }
      double d = text.number(at).toDouble();
      return d < a.value() ? -1 : (d > a.value() ? 1 : 0);
    }
    if (operand instanceof Text t) {
      return text.kind(at) == '"'
          ? sign(Utf8.compareCodePoints(text.string(at), t.value()))
          : INCOMPARABLE;
    }
    return INCOMPARABLE;
  }

  private static int sign(int c) {
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
}
