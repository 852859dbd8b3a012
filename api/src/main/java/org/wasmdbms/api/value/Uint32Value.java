package org.wasmdbms.api.value;

import org.wasmdbms.api.error.InvalidQueryException;

/** An unsigned 32-bit integer value, held in a {@code long} in 0..4294967295. */
public record Uint32Value(long value) implements IntegerValue {
  /**
   * Creates the value.
   *
   * @throws InvalidQueryException if {@code value} is outside 0..4294967295
   */
  public Uint32Value {
    if (value < 0 || value > 0xFFFFFFFFL) {
      throw new InvalidQueryException("Uint32 out of range: " + value);
    }
  }

  @Override
  public DataType type() {
    return DataType.UINT32;
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
