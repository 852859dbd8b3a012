package org.wasmdbms.api.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Value;

/**
 * A row predicate. Leaves test one column; {@link And}, {@link Or} and {@link Not} combine them.
 *
 * <p>Construction rejects malformed filters with {@link InvalidQueryException}: a NaN value, a
 * malformed LIKE pattern, fewer than two operands to {@code And}/{@code Or}, or nesting deeper than
 * {@link #MAX_DEPTH}. So every {@code Filter} that exists is well-formed and bounded, and code that
 * walks it recursively cannot overflow the stack.
 *
 * <p>Null semantics (two-valued, applied by the engine): {@code Eq(c, Null)} means {@code
 * IsNull(c)} and {@code Ne(c, Null)} means {@code NotNull(c)}; {@code Eq} on a null column is false
 * and {@code Ne} true; ordering comparisons and {@code Like} with a null on either side are false;
 * {@code In} matches null only if its list holds {@code Null}.
 */
public sealed interface Filter
    permits Filter.Comparison,
        Filter.In,
        Filter.Like,
        Filter.IsNull,
        Filter.NotNull,
        Filter.Json,
        Filter.And,
        Filter.Or,
        Filter.Not {
  /**
   * The deepest nesting accepted: a leaf has depth 1, {@code Not(leaf)} depth 2. Chosen so that the
   * JSON form of any filter fits {@link org.wasmdbms.api.json.WireFormat#MAX_JSON_DEPTH}.
   */
  int MAX_DEPTH = 30;

  /** The wire-format tag of this filter, for example {@code "Eq"} or {@code "IsNull"}. */
  String tag();

  /** The nesting depth: 1 for a leaf, one more than the deepest operand otherwise. */
  int depth();

  /** A comparison of a column with a value: {@code Eq}, {@code Ne}, {@code Gt}, and so on. */
  sealed interface Comparison extends Filter permits Eq, Ne, Gt, Lt, Ge, Le {
    /** The column compared. */
    String column();

    /** The value the column is compared with. */
    Value value();

    @Override
    default int depth() {
      return 1;
    }
  }

  /**
   * Column equals value.
   *
   * @param column the column name
   * @param value the value; {@code Null} makes this {@code IsNull(column)}
   */
  record Eq(String column, Value value) implements Comparison {
    /** Creates the filter; rejects NaN. */
    public Eq {
      checkOperand(column, value);
    }

    @Override
    public String tag() {
      return "Eq";
    }
  }

  /**
   * Column differs from value (a null column differs from every non-null value).
   *
   * @param column the column name
   * @param value the value; {@code Null} makes this {@code NotNull(column)}
   */
  record Ne(String column, Value value) implements Comparison {
    /** Creates the filter; rejects NaN. */
    public Ne {
      checkOperand(column, value);
    }

    @Override
    public String tag() {
      return "Ne";
    }
  }

  /**
   * Column greater than value.
   *
   * @param column the column name
   * @param value the value
   */
  record Gt(String column, Value value) implements Comparison {
    /** Creates the filter; rejects NaN. */
    public Gt {
      checkOperand(column, value);
    }

    @Override
    public String tag() {
      return "Gt";
    }
  }

  /**
   * Column less than value.
   *
   * @param column the column name
   * @param value the value
   */
  record Lt(String column, Value value) implements Comparison {
    /** Creates the filter; rejects NaN. */
    public Lt {
      checkOperand(column, value);
    }

    @Override
    public String tag() {
      return "Lt";
    }
  }

  /**
   * Column greater than or equal to value.
   *
   * @param column the column name
   * @param value the value
   */
  record Ge(String column, Value value) implements Comparison {
    /** Creates the filter; rejects NaN. */
    public Ge {
      checkOperand(column, value);
    }

    @Override
    public String tag() {
      return "Ge";
    }
  }

  /**
   * Column less than or equal to value.
   *
   * @param column the column name
   * @param value the value
   */
  record Le(String column, Value value) implements Comparison {
    /** Creates the filter; rejects NaN. */
    public Le {
      checkOperand(column, value);
    }

    @Override
    public String tag() {
      return "Le";
    }
  }

  /**
   * Column equals one of the values.
   *
   * @param column the column name
   * @param values the candidates, possibly empty (unmodifiable copy)
   */
  record In(String column, List<Value> values) implements Filter {
    /** Creates the filter; rejects NaN among the values. */
    public In {
      Objects.requireNonNull(column, "column");
      values = Collections.unmodifiableList(new ArrayList<>(values));
      for (Value v : values) {
        checkOperand(column, v);
      }
    }

    @Override
    public String tag() {
      return "In";
    }

    @Override
    public int depth() {
      return 1;
    }
  }

  /**
   * Text column matches a LIKE pattern ({@code %} any run, {@code _} one character, backslash
   * escapes the next character; case-sensitive).
   *
   * @param column the column name
   * @param pattern the pattern, checked by {@link LikePattern#compile}
   */
  record Like(String column, String pattern) implements Filter {
    /** Creates the filter; rejects a malformed pattern. */
    public Like {
      Objects.requireNonNull(column, "column");
      LikePattern.compile(pattern);
    }

    @Override
    public String tag() {
      return "Like";
    }

    @Override
    public int depth() {
      return 1;
    }
  }

  /**
   * Column is null.
   *
   * @param column the column name
   */
  record IsNull(String column) implements Filter {
    /** Creates the filter. */
    public IsNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String tag() {
      return "IsNull";
    }

    @Override
    public int depth() {
      return 1;
    }
  }

  /**
   * Column is not null.
   *
   * @param column the column name
   */
  record NotNull(String column) implements Filter {
    /** Creates the filter. */
    public NotNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String tag() {
      return "NotNull";
    }

    @Override
    public int depth() {
      return 1;
    }
  }

  /**
   * A test of the document in a Json column: {@link JsonFilter.HasKey}, {@link JsonFilter.Extract}
   * or {@link JsonFilter.Contains}, evaluated as {@link JsonMatcher} describes.
   *
   * @param column the column name; binding refuses a column that is not Json
   * @param operation what is asked of the document
   */
  record Json(String column, JsonFilter operation) implements Filter {
    /** Creates the filter; its depth is bounded because every {@link JsonFilter}'s is. */
    public Json {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(operation, "operation");
    }

    @Override
    public String tag() {
      return "Json";
    }

    @Override
    public int depth() {
      return operation.depth();
    }
  }

  /**
   * All operands hold.
   *
   * @param operands two or more filters (unmodifiable copy)
   */
  record And(List<Filter> operands) implements Filter {
    /** Creates the filter; needs two or more operands and bounded depth. */
    public And {
      operands = checkOperands("And", operands);
    }

    @Override
    public String tag() {
      return "And";
    }

    @Override
    public int depth() {
      return 1 + maxDepth(operands);
    }
  }

  /**
   * At least one operand holds.
   *
   * @param operands two or more filters (unmodifiable copy)
   */
  record Or(List<Filter> operands) implements Filter {
    /** Creates the filter; needs two or more operands and bounded depth. */
    public Or {
      operands = checkOperands("Or", operands);
    }

    @Override
    public String tag() {
      return "Or";
    }

    @Override
    public int depth() {
      return 1 + maxDepth(operands);
    }
  }

  /**
   * The operand does not hold.
   *
   * @param operand the negated filter
   */
  record Not(Filter operand) implements Filter {
    /** Creates the filter; rejects nesting deeper than {@link #MAX_DEPTH}. */
    public Not {
      checkNesting("Not", 1 + operand.depth());
    }

    @Override
    public String tag() {
      return "Not";
    }

    @Override
    public int depth() {
      return 1 + operand.depth();
    }
  }

  private static void checkOperand(String column, Value value) {
    Objects.requireNonNull(column, "column");
    if ((value instanceof Float64Value d && d.value() != d.value())
        || (value instanceof Float32Value f && f.value() != f.value())) {
      throw new InvalidQueryException("NaN is not allowed in a filter on column " + column);
    }
  }

  private static List<Filter> checkOperands(String tag, List<Filter> operands) {
    List<Filter> copy = Collections.unmodifiableList(new ArrayList<>(operands));
    if (copy.size() < 2) {
      throw new InvalidQueryException(tag + " needs at least two operands, got " + copy.size());
    }
    checkNesting(tag, 1 + maxDepth(copy));
    return copy;
  }

  private static int maxDepth(List<Filter> filters) {
    int max = 0;
    for (Filter f : filters) {
      int d = f.depth();
      max = d > max ? d : max;
    }
    return max;
  }

  private static void checkNesting(String tag, int depth) {
    if (depth > MAX_DEPTH) {
      throw new InvalidQueryException(tag + " nests filters deeper than " + MAX_DEPTH + " levels");
    }
  }
}
