package org.wasmdbms.api.value;

/** A signed 16-bit integer value. */
public record Int16Value(short value) implements IntegerValue {
  @Override
  public DataType type() {
    return DataType.INT16;
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
