package org.wasmdbms.api.value;

/** A signed 8-bit integer value. */
public record Int8Value(byte value) implements IntegerValue {
  @Override
  public DataType type() {
    return DataType.INT8;
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
