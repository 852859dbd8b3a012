package org.wasmdbms.api.value;

import org.wasmdbms.api.error.InvalidQueryException;

/** An unsigned 16-bit integer value, held in an {@code int} in 0..65535. */
public record Uint16Value(int value) implements IntegerValue {
  /**
   * Creates the value.
   *
   * @throws InvalidQueryException if {@code value} is outside 0..65535
   */
  public Uint16Value {
    if (value < 0 || value > 0xFFFF) {
      throw new InvalidQueryException("Uint16 out of range: " + value);
    }
  }

  @Override
  public DataType type() {
    return DataType.UINT16;
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
