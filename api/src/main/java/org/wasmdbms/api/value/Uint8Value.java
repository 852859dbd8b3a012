package org.wasmdbms.api.value;

import org.wasmdbms.api.error.InvalidQueryException;

/** An unsigned 8-bit integer value, held in an {@code int} in 0..255. */
public record Uint8Value(int value) implements IntegerValue {
  /**
   * Creates the value.
   *
   * @throws InvalidQueryException if {@code value} is outside 0..255
   */
  public Uint8Value {
    if (value < 0 || value > 0xFF) {
      throw new InvalidQueryException("Uint8 out of range: " + value);
    }
  }

  @Override
  public DataType type() {
    return DataType.UINT8;
  }

  @Override
  public boolean isNegative() {
    return false;
  }

  @Override
  public long bits() {
    return value;
  }
}
