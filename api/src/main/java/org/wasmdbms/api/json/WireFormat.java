package org.wasmdbms.api.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Join;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.query.JsonFilter;
import org.wasmdbms.api.query.JsonPath;
import org.wasmdbms.api.value.BlobValue;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DateTimeValue;
import org.wasmdbms.api.value.DateValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.UuidValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * The JSON wire format of values, filters and joins shared by the guest and the host (see {@code
 * docs/wire-format.md} for every tag with examples). Printing is canonical: {@code
 * print(parse(print(x))) equals print(x)}, and the printed text is pure ASCII.
 *
 * <p>Values: {@code "Null"} or a one-member object {@code {"<Type>": payload}} whose tag is a
 * {@link DataType#wireName()}. Filters: one-member objects {@code {"Eq":[column, value]}} and so
 * on. Joins: {@code {"join_type":"Inner","table":..,"left_column":..,"right_column":..}}.
 *
 * <p>Every malformed input (bad JSON, unknown tag, wrong shape, out-of-range number, NaN or
 * infinity, nesting deeper than {@link #MAX_JSON_DEPTH}) throws {@link InvalidQueryException}.
 */
public final class WireFormat {
  /**
   * The deepest JSON nesting accepted. A filter of depth {@code d} prints to JSON depth at most
   * {@code 2d + 3}, so every filter within {@link Filter#MAX_DEPTH} fits.
   */
  public static final int MAX_JSON_DEPTH = 64;

  private static final String NULL_TAG = "Null";

  private WireFormat() {}

  // ---- values ----

  /** Prints a value, for example {@code {"Int32":7}} or {@code "Null"}. */
  public static String printValue(Value value) {
    return JsonWriter.write(valueToJson(value));
  }

  /**
   * Parses a value.
   *
   * @throws InvalidQueryException if the text is not a well-formed wire value
   */
  public static Value parseValue(String json) {
    return valueFromJson(JsonParser.parse(json, MAX_JSON_DEPTH));
  }

  /**
   * The JSON tree of a value, for embedding in larger documents.
   *
   * @throws InvalidQueryException if the value is a NaN or infinite float, which JSON cannot hold
   */
  public static JsonNode valueToJson(Value value) {
    if (value.isNull()) {
      return new JsonNode.JsonString(NULL_TAG);
    }
    return single(value.type().wireName(), payload(value));
  }

  private static JsonNode payload(Value value) {
    if (value instanceof IntegerValue i) {
      return JsonNumbers.isSafe(i.isNegative(), i.bits())
          ? new JsonNode.JsonNumber(i.text())
          : new JsonNode.JsonString(i.text());
    }
    if (value instanceof Float32Value f) {
      checkFinite(Float.isNaN(f.value()) || Float.isInfinite(f.value()), "Float32");
      return new JsonNode.JsonNumber(JsonNumbers.printFloat(f.value()));
    }
    if (value instanceof Float64Value d) {
      checkFinite(Double.isNaN(d.value()) || Double.isInfinite(d.value()), "Float64");
      return new JsonNode.JsonNumber(JsonNumbers.printDouble(d.value()));
    }
    if (value instanceof DecimalValue d) {
      return new JsonNode.JsonString(d.text());
    }
    if (value instanceof BooleanValue b) {
      return new JsonNode.JsonBoolean(b.value());
    }
    if (value instanceof TextValue t) {
      return new JsonNode.JsonString(t.value());
    }
    if (value instanceof JsonValue j) {
      return new JsonNode.JsonString(j.text());
    }
    if (value instanceof UuidValue u) {
      return new JsonNode.JsonString(u.text());
    }
    if (value instanceof BlobValue b) {
      List<JsonNode> items = new ArrayList<>(b.length());
      for (int i = 0; i < b.length(); i++) {
        items.add(new JsonNode.JsonNumber(Integer.toString(b.byteAt(i) & 0xFF)));
      }
      return new JsonNode.JsonArray(items);
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    if (value instanceof DateValue d) {
      putDate(fields, d.year(), d.month(), d.day());
    } else {
      DateTimeValue d = (DateTimeValue) value;
      putDate(fields, d.year(), d.month(), d.day());
      fields.put("hour", number(d.hour()));
      fields.put("minute", number(d.minute()));
      fields.put("second", number(d.second()));
      fields.put("microsecond", number(d.microsecond()));
      fields.put("timezone_offset_minutes", number(d.timezoneOffsetMinutes()));
    }
    return new JsonNode.JsonObject(fields);
  }

  private static void checkFinite(boolean notFinite, String type) {
    if (notFinite) {
      throw new InvalidQueryException(type + " NaN or infinity has no JSON form");
    }
  }

  private static void putDate(Map<String, JsonNode> fields, int year, int month, int day) {
    fields.put("year", number(year));
    fields.put("month", number(month));
    fields.put("day", number(day));
  }

  private static JsonNode number(int v) {
    return new JsonNode.JsonNumber(Integer.toString(v));
  }

  /**
   * Reads a value from its JSON tree.
   *
   * @throws InvalidQueryException if the tree is not a well-formed wire value
   */
  public static Value valueFromJson(JsonNode node) {
    if (node instanceof JsonNode.JsonString s && s.value().equals(NULL_TAG)) {
      return NullValue.INSTANCE;
    }
    Map.Entry<String, JsonNode> tagged = singleMember(node, "a value");
    DataType type = DataType.fromWireName(tagged.getKey());
    if (type == null) {
      throw new InvalidQueryException("unknown value tag \"" + tagged.getKey() + "\"");
    }
    JsonNode p = tagged.getValue();
    return switch (type) {
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64 -> integer(type, p);
      case FLOAT32 -> new Float32Value(JsonNumbers.parseFloat(numberLiteral(p, type)));
      case FLOAT64 -> new Float64Value(JsonNumbers.parseDouble(numberLiteral(p, type)));
      case DECIMAL -> DecimalValue.parse(string(p, "Decimal"));
      case BOOLEAN -> new BooleanValue(bool(p));
      case TEXT -> new TextValue(string(p, "Text"));
      case JSON -> new JsonValue(string(p, "Json"));
      case UUID -> UuidValue.parse(string(p, "Uuid"));
      case BLOB -> blob(p);
      case DATE -> date(p);
      case DATETIME -> dateTime(p);
    };
  }

  private static IntegerValue integer(DataType type, JsonNode p) {
    String literal;
    if (p instanceof JsonNode.JsonNumber n && n.isInteger()) {
      literal = n.literal();
    } else if (p instanceof JsonNode.JsonString s
        && (type == DataType.INT64 || type == DataType.UINT64)) {
      literal = s.value();
    } else {
      throw new InvalidQueryException(
          type.wireName() + " needs an integer number, got " + describe(p));
    }
    JsonNumbers.IntegerLiteral v = JsonNumbers.parseInteger(literal);
    return Values.integer(type, v.negative(), v.bits());
  }

  private static String numberLiteral(JsonNode p, DataType type) {
    if (p instanceof JsonNode.JsonNumber n) {
      return n.literal();
    }
    throw new InvalidQueryException(type.wireName() + " needs a finite number, got " + describe(p));
  }

  private static boolean bool(JsonNode p) {
    if (p instanceof JsonNode.JsonBoolean b) {
      return b.value();
    }
    throw new InvalidQueryException("Boolean needs true or false, got " + describe(p));
  }

  private static Value blob(JsonNode p) {
    List<JsonNode> items = array(p, "Blob");
    byte[] bytes = new byte[items.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) smallInt(items.get(i), "Blob byte", 0, 255);
    }
    return new BlobValue(bytes);
  }

  private static Value date(JsonNode p) {
    Map<String, JsonNode> f = fields(p, "Date", "year", "month", "day");
    return new DateValue(
        field(f, "year", 0, 65535), field(f, "month", 0, 255), field(f, "day", 0, 255));
  }

  private static Value dateTime(JsonNode p) {
    Map<String, JsonNode> f =
        fields(
            p,
            "DateTime",
            "year",
            "month",
            "day",
            "hour",
            "minute",
            "second",
            "microsecond",
            "timezone_offset_minutes");
    return new DateTimeValue(
        field(f, "year", 0, 65535),
        field(f, "month", 0, 255),
        field(f, "day", 0, 255),
        field(f, "hour", 0, 255),
        field(f, "minute", 0, 255),
        field(f, "second", 0, 255),
        field(f, "microsecond", 0, Integer.MAX_VALUE),
        field(f, "timezone_offset_minutes", Short.MIN_VALUE, Short.MAX_VALUE));
  }

  /** Checks that {@code p} is an object with exactly the given keys and returns its members. */
  private static Map<String, JsonNode> fields(JsonNode p, String type, String... keys) {
    if (!(p instanceof JsonNode.JsonObject o)) {
      throw new InvalidQueryException(type + " needs an object, got " + describe(p));
    }
    for (String key : keys) {
      if (!o.members().containsKey(key)) {
        throw new InvalidQueryException(type + " is missing \"" + key + "\"");
      }
    }
    if (o.members().size() != keys.length) {
      // Every expected key is present, so a surplus member is an unknown one.
      for (String key : o.members().keySet()) {
        if (!contains(keys, key)) {
          throw new InvalidQueryException(type + " has an unknown field \"" + key + "\"");
        }
      }
    }
    return o.members();
  }

  private static boolean contains(String[] keys, String key) {
    for (String k : keys) {
      if (k.equals(key)) {
        return true;
      }
    }
    return false;
  }

  // The wider range checks the wire type of the field; the value's own constructor checks meaning.
  private static int field(Map<String, JsonNode> f, String key, int min, int max) {
    return smallInt(f.get(key), key, min, max);
  }

  private static int smallInt(JsonNode p, String what, int min, int max) {
    if (!(p instanceof JsonNode.JsonNumber n) || !n.isInteger()) {
      throw new InvalidQueryException(what + " needs an integer, got " + describe(p));
    }
    JsonNumbers.IntegerLiteral v = JsonNumbers.parseInteger(n.literal());
    if (v.bits() < min || v.bits() > max || (!v.negative() && v.bits() < 0)) {
      throw new InvalidQueryException(what + " " + n.literal() + " is outside " + min + ".." + max);
    }
    return (int) v.bits();
  }

  // ---- filters ----

  /** Prints a filter, for example {@code {"Eq":["id",{"Int32":1}]}}. */
  public static String printFilter(Filter filter) {
    return JsonWriter.write(filterToJson(filter));
  }

  /**
   * Parses a filter.
   *
   * @throws InvalidQueryException if the text is not a well-formed wire filter
   */
  public static Filter parseFilter(String json) {
    // Most filters are one leaf as printFilter writes it: read those without building a tree.
    Filter leaf = LeafFilterReader.read(json);
    if (leaf != null) {
      return leaf;
    }
    return filterFromJson(JsonParser.parse(json, MAX_JSON_DEPTH));
  }

  /** The JSON tree of a filter, for embedding in larger documents. */
  public static JsonNode filterToJson(Filter filter) {
    JsonNode body;
    if (filter instanceof Filter.Comparison c) {
      body = pair(c.column(), valueToJson(c.value()));
    } else if (filter instanceof Filter.In in) {
      List<JsonNode> values = new ArrayList<>(in.values().size());
      for (Value v : in.values()) {
        values.add(valueToJson(v));
      }
      body = pair(in.column(), new JsonNode.JsonArray(values));
    } else if (filter instanceof Filter.Like like) {
      body = pair(like.column(), new JsonNode.JsonString(like.pattern()));
    } else if (filter instanceof Filter.IsNull f) {
      body = new JsonNode.JsonString(f.column());
    } else if (filter instanceof Filter.NotNull f) {
      body = new JsonNode.JsonString(f.column());
    } else if (filter instanceof Filter.Json json) {
      body = pair(json.column(), jsonOperationToJson(json.operation()));
    } else if (filter instanceof Filter.Not not) {
      body = filterToJson(not.operand());
    } else {
      List<Filter> operands =
          filter instanceof Filter.And and ? and.operands() : ((Filter.Or) filter).operands();
      List<JsonNode> items = new ArrayList<>(operands.size());
      for (Filter f : operands) {
        items.add(filterToJson(f));
      }
      body = new JsonNode.JsonArray(items);
    }
    return single(filter.tag(), body);
  }

  /**
   * Reads a filter from its JSON tree. The tree's depth must be bounded by the caller (as {@link
   * #parseFilter} does): this method recurses once per nesting level.
   *
   * @throws InvalidQueryException if the tree is not a well-formed wire filter
   */
  public static Filter filterFromJson(JsonNode node) {
    Map.Entry<String, JsonNode> tagged = singleMember(node, "a filter");
    String tag = tagged.getKey();
    JsonNode body = tagged.getValue();
    switch (tag) {
      case "Eq", "Ne", "Gt", "Lt", "Ge", "Le" -> {
        List<JsonNode> p = pairOf(body, tag);
        return comparison(tag, string(p.get(0), tag + " column"), valueFromJson(p.get(1)));
      }
      case "In" -> {
        List<JsonNode> p = pairOf(body, tag);
        List<Value> values = new ArrayList<>();
        for (JsonNode v : array(p.get(1), "In values")) {
          values.add(valueFromJson(v));
        }
        return new Filter.In(string(p.get(0), "In column"), values);
      }
      case "Like" -> {
        List<JsonNode> p = pairOf(body, tag);
        return new Filter.Like(string(p.get(0), "Like column"), string(p.get(1), "Like pattern"));
      }
      case "IsNull" -> {
        return new Filter.IsNull(string(body, "IsNull column"));
      }
      case "NotNull" -> {
        return new Filter.NotNull(string(body, "NotNull column"));
      }
      case "And", "Or" -> {
        List<Filter> operands = new ArrayList<>();
        for (JsonNode f : array(body, tag)) {
          operands.add(filterFromJson(f));
        }
        return tag.equals("And") ? new Filter.And(operands) : new Filter.Or(operands);
      }
      case "Not" -> {
        return new Filter.Not(filterFromJson(body));
      }
      case "Json" -> {
        List<JsonNode> p = pairOf(body, tag);
        return new Filter.Json(string(p.get(0), "Json column"), jsonOperation(p.get(1)));
      }
      default -> throw new InvalidQueryException("unknown filter tag \"" + tag + "\"");
    }
  }

  private static JsonNode jsonOperationToJson(JsonFilter operation) {
    JsonNode body;
    if (operation instanceof JsonFilter.HasKey hasKey) {
      body = new JsonNode.JsonString(hasKey.path().text());
    } else if (operation instanceof JsonFilter.Extract extract) {
      JsonFilter.Test test = extract.test();
      JsonNode comparison;
      if (test.operandCount() == 0) {
        comparison = new JsonNode.JsonString(test.wireName());
      } else if (test == JsonFilter.Test.IN) {
        List<JsonNode> values = new ArrayList<>(extract.operands().size());
        for (Value v : extract.operands()) {
          values.add(valueToJson(v));
        }
        comparison = single(test.wireName(), new JsonNode.JsonArray(values));
      } else {
        comparison = single(test.wireName(), valueToJson(extract.operands().get(0)));
      }
      body = pair(extract.path().text(), comparison);
    } else {
      body = ((JsonFilter.Contains) operation).pattern();
    }
    return single(operation.tag(), body);
  }

  private static JsonFilter jsonOperation(JsonNode node) {
    Map.Entry<String, JsonNode> tagged = singleMember(node, "a JSON operation");
    JsonNode body = tagged.getValue();
    switch (tagged.getKey()) {
      case "HasKey" -> {
        return new JsonFilter.HasKey(JsonPath.parse(string(body, "HasKey path")));
      }
      case "Extract" -> {
        List<JsonNode> p = array(body, "Extract");
        if (p.size() != 2) {
          throw new InvalidQueryException(
              "Extract needs [path, comparison], got an array of " + p.size());
        }
        return extract(JsonPath.parse(string(p.get(0), "Extract path")), p.get(1));
      }
      case "Contains" -> {
        return new JsonFilter.Contains(body);
      }
      default ->
          throw new InvalidQueryException("unknown JSON operation tag \"" + tagged.getKey() + "\"");
    }
  }

  private static JsonFilter extract(JsonPath path, JsonNode comparison) {
    if (comparison instanceof JsonNode.JsonString s) {
      JsonFilter.Test test = JsonFilter.Test.fromWireName(s.value());
      if (test == null || test.operandCount() != 0) {
        throw new InvalidQueryException(
            "Extract comparison \"" + s.value() + "\" is not \"IsNull\" or \"NotNull\"");
      }
      return new JsonFilter.Extract(path, test, List.of());
    }
    Map.Entry<String, JsonNode> tagged = singleMember(comparison, "an Extract comparison");
    JsonFilter.Test test = JsonFilter.Test.fromWireName(tagged.getKey());
    if (test == null || test.operandCount() == 0) {
      throw new InvalidQueryException("unknown Extract comparison tag \"" + tagged.getKey() + "\"");
    }
    List<Value> values = new ArrayList<>();
    if (test == JsonFilter.Test.IN) {
      for (JsonNode v : array(tagged.getValue(), "Extract In values")) {
        values.add(valueFromJson(v));
      }
    } else {
      values.add(valueFromJson(tagged.getValue()));
    }
    return new JsonFilter.Extract(path, test, values);
  }

  private static Filter comparison(String tag, String column, Value value) {
    return switch (tag) {
      case "Eq" -> new Filter.Eq(column, value);
      case "Ne" -> new Filter.Ne(column, value);
      case "Gt" -> new Filter.Gt(column, value);
      case "Lt" -> new Filter.Lt(column, value);
      case "Ge" -> new Filter.Ge(column, value);
      default -> new Filter.Le(column, value);
    };
  }

  private static List<JsonNode> pairOf(JsonNode body, String tag) {
    List<JsonNode> items = array(body, tag);
    if (items.size() != 2) {
      throw new InvalidQueryException(
          tag + " needs [column, operand], got an array of " + items.size());
    }
    return items;
  }

  private static JsonNode pair(String column, JsonNode operand) {
    List<JsonNode> items = new ArrayList<>(2);
    items.add(new JsonNode.JsonString(column));
    items.add(operand);
    return new JsonNode.JsonArray(items);
  }

  // ---- joins ----

  /** Prints a join, for example {@code {"join_type":"Inner","table":"posts",...}}. */
  public static String printJoin(Join join) {
    return JsonWriter.write(joinToJson(join));
  }

  /**
   * Parses a join.
   *
   * @throws InvalidQueryException if the text is not a well-formed wire join
   */
  public static Join parseJoin(String json) {
    return joinFromJson(JsonParser.parse(json, MAX_JSON_DEPTH));
  }

  /** The JSON tree of a join. */
  public static JsonNode joinToJson(Join join) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    fields.put("join_type", new JsonNode.JsonString(join.type().wireName()));
    fields.put("table", new JsonNode.JsonString(join.table()));
    fields.put("left_column", new JsonNode.JsonString(join.leftColumn()));
    fields.put("right_column", new JsonNode.JsonString(join.rightColumn()));
    return new JsonNode.JsonObject(fields);
  }

  /**
   * Reads a join from its JSON tree.
   *
   * @throws InvalidQueryException if the tree is not a well-formed wire join
   */
  public static Join joinFromJson(JsonNode node) {
    Map<String, JsonNode> f =
        fields(node, "Join", "join_type", "table", "left_column", "right_column");
    String typeName = string(f.get("join_type"), "join_type");
    JoinType type = JoinType.fromWireName(typeName);
    if (type == null) {
      throw new InvalidQueryException("unknown join_type \"" + typeName + "\"");
    }
    return new Join(
        type,
        string(f.get("table"), "table"),
        string(f.get("left_column"), "left_column"),
        string(f.get("right_column"), "right_column"));
  }

  // ---- shared shape helpers ----

  private static JsonNode single(String key, JsonNode value) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    m.put(key, value);
    return new JsonNode.JsonObject(m);
  }

  private static Map.Entry<String, JsonNode> singleMember(JsonNode node, String what) {
    if (node instanceof JsonNode.JsonObject o && o.members().size() == 1) {
      return o.members().entrySet().iterator().next();
    }
    throw new InvalidQueryException(
        "expected " + what + " as an object with one tag, got " + describe(node));
  }

  private static String string(JsonNode p, String what) {
    if (p instanceof JsonNode.JsonString s) {
      return s.value();
    }
    throw new InvalidQueryException(what + " needs a string, got " + describe(p));
  }

  private static List<JsonNode> array(JsonNode p, String what) {
    if (p instanceof JsonNode.JsonArray a) {
      return a.items();
    }
    throw new InvalidQueryException(what + " needs an array, got " + describe(p));
  }

  private static String describe(JsonNode node) {
    if (node instanceof JsonNode.JsonObject o) {
      return "an object with " + o.members().size() + " members";
    }
    return node.kindName();
  }
}
