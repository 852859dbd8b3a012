package org.wasmdbms.api.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value. Objects keep their members in document order and never hold a key twice;
 * numbers keep their literal text so that no precision is lost before the consumer decides how to
 * read them.
 */
public sealed interface JsonNode
    permits JsonNode.JsonObject,
        JsonNode.JsonArray,
        JsonNode.JsonString,
        JsonNode.JsonNumber,
        JsonNode.JsonBoolean,
        JsonNode.JsonNull {

  /** A short name of the node's kind for error messages, for example {@code "an array"}. */
  String kindName();

  /**
   * A JSON object.
   *
   * @param members the members in document order (unmodifiable)
   */
  record JsonObject(Map<String, JsonNode> members) implements JsonNode {
    /** Creates the object from a copy of {@code members}, keeping their order. */
    public JsonObject {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    @Override
    public String kindName() {
      return "an object";
    }
  }

  /**
   * A JSON array.
   *
   * @param items the elements in order (unmodifiable)
   */
  record JsonArray(List<JsonNode> items) implements JsonNode {
    /** Creates the array from a copy of {@code items}. */
    public JsonArray {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    @Override
    public String kindName() {
      return "an array";
    }
  }

  /**
   * A JSON string.
   *
   * @param value the unescaped text
   */
  record JsonString(String value) implements JsonNode {
    @Override
    public String kindName() {
      return "a string";
    }
  }

  /**
   * A JSON number, kept as its literal text (which matches the JSON number grammar).
   *
   * @param literal the number as written, for example {@code "-1.5e3"}
   */
  record JsonNumber(String literal) implements JsonNode {
    /** Whether the literal has no fraction and no exponent. */
    public boolean isInteger() {
      for (int i = 0; i < literal.length(); i++) {
        char c = literal.charAt(i);
        if (c == '.' || c == 'e' || c == 'E') {
          return false;
        }
      }
      return true;
    }

    @Override
    public String kindName() {
      return "a number";
    }
  }

  /**
   * A JSON {@code true} or {@code false}.
   *
   * @param value the truth value
   */
  record JsonBoolean(boolean value) implements JsonNode {
    @Override
    public String kindName() {
      return "a boolean";
    }
  }

  /** The JSON {@code null}. */
  record JsonNull() implements JsonNode {
    /** The one instance callers should use. */
    public static final JsonNull INSTANCE = new JsonNull();

    @Override
    public String kindName() {
      return "null";
    }
  }
}
