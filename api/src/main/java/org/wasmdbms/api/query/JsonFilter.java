package org.wasmdbms.api.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.json.JsonNode;
import org.wasmdbms.api.json.JsonParser;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;

/**
 * What a {@link Filter.Json} asks of a Json column's document: {@link HasKey}, {@link Extract} plus
 * a comparison, or {@link Contains}. {@link JsonMatcher} evaluates it; the semantics are written
 * there. Construction rejects malformed operations with {@link InvalidQueryException}, so every
 * instance is well-formed and bounded. Immutable and thread-safe.
 */
public sealed interface JsonFilter
    permits JsonFilter.HasKey, JsonFilter.Extract, JsonFilter.Contains {
  /** The wire-format tag, for example {@code "HasKey"}. */
  String tag();

  /**
   * The nesting depth this operation gives its {@link Filter.Json}: 1 for {@code HasKey}, 2 for
   * {@code Extract} (it holds a comparison), and 1 plus the pattern's own nesting for {@code
   * Contains}. Counting so keeps the wire form of every filter within {@link
   * org.wasmdbms.api.json.WireFormat#MAX_JSON_DEPTH}.
   */
  int depth();

  /**
   * The path exists in the document (even when the value there is JSON {@code null}).
   *
   * @param path the path
   */
  record HasKey(JsonPath path) implements JsonFilter {
    /** Creates the operation. */
    public HasKey {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String tag() {
      return "HasKey";
    }

    @Override
    public int depth() {
      return 1;
    }
  }

  /**
   * The value at a path, compared.
   *
   * @param path the path
   * @param test the comparison
   * @param operands one value for {@code Eq}..{@code Le}, any number for {@code In}, none for
   *     {@code IsNull} and {@code NotNull} (unmodifiable copy). Each is an integer, decimal, float
   *     (not NaN), Boolean, Text or Json value (whose objects do not repeat a key); never {@code
   *     Null}, which the null tests cover
   */
  record Extract(JsonPath path, Test test, List<Value> operands) implements JsonFilter {
    /** Creates the operation; checks the operands' number and types. */
    public Extract {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(test, "test");
      operands = Collections.unmodifiableList(new ArrayList<>(operands));
      int expected = test.operandCount();
      if (expected >= 0 && operands.size() != expected) {
        throw new InvalidQueryException(
            "Extract "
                + test.wireName()
                + " takes "
                + expected
                + " values, got "
                + operands.size());
      }
      for (Value v : operands) {
        checkOperand(test, v);
      }
    }

    /** A single-operand comparison, for example {@code Extract(path, GT, new Int64Value(18))}. */
    public Extract(JsonPath path, Test test, Value operand) {
      this(path, test, List.of(operand));
    }

    @Override
    public String tag() {
      return "Extract";
    }

    @Override
    public int depth() {
      return 2;
    }

    private static void checkOperand(Test test, Value v) {
      Objects.requireNonNull(v, "operand");
      if ((v instanceof Float64Value d && d.value() != d.value())
          || (v instanceof Float32Value f && f.value() != f.value())) {
        throw new InvalidQueryException("NaN is not allowed in a JSON Extract filter");
      }
      boolean comparable =
          v instanceof IntegerValue
              || v instanceof DecimalValue
              || v instanceof Float64Value
              || v instanceof Float32Value
              || v instanceof TextValue
              || v instanceof BooleanValue
              || v instanceof JsonValue;
      if (!comparable) {
        throw new InvalidQueryException(
            "Extract "
                + test.wireName()
                + " compares JSON with integer, Decimal, float, Text, Boolean or Json values, not "
                + (v.isNull() ? "Null (use IsNull or NotNull)" : v.type().wireName()));
      }
      if (v instanceof JsonValue json) {
        // Structural equality needs one value per key; JsonParser.parse refuses a repeated key.
        JsonParser.parse(json.text(), JsonValue.MAX_DEPTH);
      }
    }
  }

  /** The comparisons of {@link Extract}. */
  enum Test {
    /** Equal. */
    EQ("Eq", 1),
    /** Not equal: exactly the negation of {@link #EQ}. */
    NE("Ne", 1),
    /** Greater than. */
    GT("Gt", 1),
    /** Greater than or equal. */
    GE("Ge", 1),
    /** Less than. */
    LT("Lt", 1),
    /** Less than or equal. */
    LE("Le", 1),
    /** Equal to one of the operands. */
    IN("In", -1),
    /** The path is missing or holds JSON null. */
    IS_NULL("IsNull", 0),
    /** The path holds a value other than JSON null. */
    NOT_NULL("NotNull", 0);

    private final String wireName;
    private final int operandCount;

    Test(String wireName, int operandCount) {
      this.wireName = wireName;
      this.operandCount = operandCount;
    }

    /** The wire-format tag, for example {@code "Gt"}. */
    public String wireName() {
      return wireName;
    }

    /** How many operands the test takes, or -1 for any number. */
    public int operandCount() {
      return operandCount;
    }

    /** The test with this wire name, or null. */
    public static Test fromWireName(String name) {
      for (Test t : values()) {
        if (t.wireName.equals(name)) {
          return t;
        }
      }
      return null;
    }
  }

  /**
   * The document contains the pattern, as PostgreSQL's {@code @>} defines it (see {@link
   * JsonMatcher}).
   *
   * @param pattern the pattern; its nesting (0 for a scalar, 1 for {@code []}) counts toward {@link
   *     Filter#MAX_DEPTH}
   */
  record Contains(JsonNode pattern) implements JsonFilter {
    /** Creates the operation; rejects a pattern nested too deeply to fit a filter. */
    public Contains {
      Objects.requireNonNull(pattern, "pattern");
      if (nesting(pattern, Filter.MAX_DEPTH) >= Filter.MAX_DEPTH) {
        throw new InvalidQueryException(
            "a Contains pattern nests deeper than "
                + (Filter.MAX_DEPTH - 1)
                + " levels (its nesting counts toward the filter limit of "
                + Filter.MAX_DEPTH
                + ")");
      }
    }

    @Override
    public String tag() {
      return "Contains";
    }

    @Override
    public int depth() {
      return 1 + nesting(pattern, Filter.MAX_DEPTH);
    }

    /**
     * The nesting of arrays and objects in {@code node}, but no more than {@code limit}: the walk
     * stops there, so a tree of any depth costs at most {@code limit} stack frames.
     */
    private static int nesting(JsonNode node, int limit) {
      if (limit <= 0) {
        return 0;
      }
      int deepest = 0;
      if (node instanceof JsonNode.JsonObject o) {
        for (Map.Entry<String, JsonNode> e : o.members().entrySet()) {
          int d = nesting(e.getValue(), limit - 1);
          deepest = d > deepest ? d : deepest;
        }
      } else if (node instanceof JsonNode.JsonArray a) {
        for (JsonNode item : a.items()) {
          int d = nesting(item, limit - 1);
          deepest = d > deepest ? d : deepest;
        }
      } else {
        return 0;
      }
      return 1 + deepest;
    }
  }
}
