package org.wasmdbms.api.value;

import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * Unicode text, ordered by code point (the order of its UTF-8 bytes).
 *
 * @param value the text: well-formed UTF-16 (no unpaired surrogate), at most {@link
 *     ValueCodec#MAX_VARIABLE_BYTES} bytes in UTF-8
 */
public record TextValue(String value) implements Value {
  /**
   * Creates the value.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws InvalidQueryException if {@code value} holds an unpaired surrogate
   * @throws ConstraintViolationException if its UTF-8 form exceeds the size limit
   */
  public TextValue {
    checkSize("Text", Utf8.encodedLength(value));
  }

  static void checkSize(String what, long bytes) {
    if (bytes > ValueCodec.MAX_VARIABLE_BYTES) {
      throw new ConstraintViolationException(
          what
              + " value of "
              + bytes
              + " bytes exceeds the limit of "
              + ValueCodec.MAX_VARIABLE_BYTES);
    }
  }

  @Override
  public DataType type() {
    return DataType.TEXT;
  }
}
