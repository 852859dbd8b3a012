package org.wasmdbms.api.value;

import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.json.JsonParser;

/**
 * A JSON document held as its text exactly as given (not reformatted). The text is checked to be
 * one well-formed JSON value on construction. Json values are ordered by their text, by code point.
 *
 * @param text the JSON text
 */
public record JsonValue(String text) implements Value {
  /** The deepest nesting of arrays and objects accepted inside a Json value. */
  public static final int MAX_DEPTH = 512;

  /**
   * Creates the value.
   *
   * @throws InvalidQueryException if {@code text} is not well-formed JSON (or nests deeper than
   *     {@link #MAX_DEPTH})
   * @throws ConstraintViolationException if its UTF-8 form exceeds the size limit
   */
  public JsonValue {
    TextValue.checkSize("Json", Utf8.encodedLength(text));
    JsonParser.validate(text, MAX_DEPTH);
  }

  @Override
  public DataType type() {
    return DataType.JSON;
  }
}
