package org.wasmdbms.api.json;

import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * Reads the commonest filters straight from their text, without a JSON tree: one leaf ({@code
 * {"Eq":["id",{"Uint32":7}]}}, the other comparisons, {@code Like}, {@code IsNull}, {@code
 * NotNull}) with an integer, {@code Text}, {@code Boolean} or {@code "Null"} operand, written as
 * {@link WireFormat#printFilter} writes it: no whitespace, strings of printable ASCII without
 * escapes, integers of at most 18 digits. Every filter a host sends for a key lookup, a range or a
 * column test has this form. The general parser builds some 30 objects for such a filter; this
 * reader builds the column name, the value and the filter.
 *
 * <p>{@link #read} answers null for any text outside that form, and the caller then parses it the
 * general way. Text inside the form is well-formed JSON with single-member objects, so the general
 * parser would get past its syntax checks and run the same semantic checks in the same order:
 * reading here first gives the same filter, or the same error, as the general way.
 *
 * <p>Stateless and thread-safe.
 */
final class LeafFilterReader {
  private static final String[] COMPARISONS = {"Eq", "Ne", "Gt", "Lt", "Ge", "Le"};
  private static final DataType[] TYPES = DataType.values();
  // 18 decimal digits always fit in a long; longer literals go the general way.
  private static final int MAX_DIGITS = 18;

  private LeafFilterReader() {}

  /**
   * The filter {@code json} holds, or null if it is not a leaf in the canonical form described
   * above.
   *
   * @throws org.wasmdbms.api.error.InvalidQueryException if it is in that form but the filter is
   *     invalid (a value out of its type's range, a malformed LIKE pattern), as the general parser
   *     would throw it
   */
  static Filter read(String json) {
    int n = json.length();
    if (n < 8 || !json.startsWith("{\"", 0) || json.charAt(n - 1) != '}') {
      return null;
    }
    int tagEnd = json.indexOf('"', 2);
    if (tagEnd < 0 || tagEnd + 2 >= n || json.charAt(tagEnd + 1) != ':') {
      return null;
    }
    int tagLength = tagEnd - 2;
    int body = tagEnd + 2;
    int bodyEnd = n - 1;
    if (json.startsWith("IsNull", 2) && tagLength == 6) {
      String column = wholeString(json, body, bodyEnd);
      return column == null ? null : new Filter.IsNull(column);
    }
    if (json.startsWith("NotNull", 2) && tagLength == 7) {
      String column = wholeString(json, body, bodyEnd);
      return column == null ? null : new Filter.NotNull(column);
    }
    boolean like = tagLength == 4 && json.startsWith("Like", 2);
    int comparison = tagLength == 2 ? comparison(json) : -1;
    if (!like && comparison < 0) {
      return null;
    }
    // [ "column" , operand ]
    if (json.charAt(body) != '[' || json.charAt(bodyEnd - 1) != ']') {
      return null;
    }
    int columnEnd = stringEnd(json, body + 1, bodyEnd);
    if (columnEnd < 0 || json.charAt(columnEnd) != ',') {
      return null;
    }
    int operand = columnEnd + 1;
    int operandEnd = bodyEnd - 1;
    if (like) {
      String pattern = wholeString(json, operand, operandEnd);
      return pattern == null
          ? null
          : new Filter.Like(json.substring(body + 2, columnEnd - 1), pattern);
    }
    return comparisonValue(json, comparison, body + 2, columnEnd - 1, operand, operandEnd);
  }

  private static Filter comparisonValue(
      String json, int comparison, int columnStart, int columnEnd, int from, int to) {
    Value value;
    if (to - from == 6 && json.startsWith("\"Null\"", from)) {
      value = NullValue.INSTANCE;
    } else {
      value = taggedValue(json, from, to);
      if (value == null) {
        return null;
      }
    }
    String column = json.substring(columnStart, columnEnd);
    return switch (comparison) {
      case 0 -> new Filter.Eq(column, value);
      case 1 -> new Filter.Ne(column, value);
      case 2 -> new Filter.Gt(column, value);
      case 3 -> new Filter.Lt(column, value);
      case 4 -> new Filter.Ge(column, value);
      default -> new Filter.Le(column, value);
    };
  }

  /** {@code {"<Type>":payload}} spanning exactly [from, to), or null. */
  private static Value taggedValue(String json, int from, int to) {
    if (to - from < 6 || !json.startsWith("{\"", from) || json.charAt(to - 1) != '}') {
      return null;
    }
    int tagEnd = json.indexOf('"', from + 2);
    if (tagEnd < 0 || tagEnd + 2 >= to || json.charAt(tagEnd + 1) != ':') {
      return null;
    }
    DataType type = type(json, from + 2, tagEnd);
    int payload = tagEnd + 2;
    int payloadEnd = to - 1;
    if (type == null) {
      return null;
    }
    return switch (type) {
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 ->
          integer(json, type, payload, payloadEnd);
      case TEXT -> {
        String text = wholeString(json, payload, payloadEnd);
        yield text == null ? null : new TextValue(text);
      }
      case BOOLEAN -> bool(json, payload, payloadEnd);
      default -> null;
    };
  }

  private static Value bool(String json, int from, int to) {
    if (to - from == 4 && json.startsWith("true", from)) {
      return new BooleanValue(true);
    }
    if (to - from == 5 && json.startsWith("false", from)) {
      return new BooleanValue(false);
    }
    return null;
  }

  /** A JSON integer literal spanning [from, to) as {@code type}, or null if not one. */
  private static Value integer(String json, DataType type, int from, int to) {
    boolean minus = from < to && json.charAt(from) == '-';
    int digits = minus ? from + 1 : from;
    int count = to - digits;
    if (count < 1 || count > MAX_DIGITS || (count > 1 && json.charAt(digits) == '0')) {
      return null;
    }
    long magnitude = 0;
    for (int i = digits; i < to; i++) {
      char c = json.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      magnitude = magnitude * 10 + (c - '0');
    }
    // As JsonNumbers.parseInteger: "-0" is zero, not negative.
    boolean negative = minus && magnitude != 0;
    return Values.integer(type, negative, negative ? -magnitude : magnitude);
  }

  private static DataType type(String json, int from, int to) {
    int length = to - from;
    for (DataType t : TYPES) {
      String name = t.wireName();
      if (name.length() == length && json.startsWith(name, from)) {
        return t;
      }
    }
    return null;
  }

  private static int comparison(String json) {
    for (int i = 0; i < COMPARISONS.length; i++) {
      if (json.startsWith(COMPARISONS[i], 2)) {
        return i;
      }
    }
    return -1;
  }

  /** The contents of a plain string spanning exactly [from, to), or null. */
  private static String wholeString(String json, int from, int to) {
    return stringEnd(json, from, to) == to ? json.substring(from + 1, to - 1) : null;
  }

  /**
   * The index just past a plain string (printable ASCII, no escapes) that starts at {@code from}
   * and ends before {@code limit}, or -1.
   */
  private static int stringEnd(String json, int from, int limit) {
    if (from >= limit || json.charAt(from) != '"') {
      return -1;
    }
    for (int i = from + 1; i < limit; i++) {
      char c = json.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c < 0x20 || c > 0x7E || c == '\\') {
        return -1;
      }
    }
    return -1;
  }
}
