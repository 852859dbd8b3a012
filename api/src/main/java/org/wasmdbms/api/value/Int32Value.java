package org.wasmdbms.api.value;

/** A signed 32-bit integer value. */
public record Int32Value(int value) implements IntegerValue {
  @Override
  public DataType type() {
    return DataType.INT32;
  }

  @Override
  public boolean isNegative() {
    return value < 0;
  }

  @Override
  public long bits() {
    return value;
  }
}
