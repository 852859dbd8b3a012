package org.wasmdbms.api.value;

/** A signed 64-bit integer value. */
public record Int64Value(long value) implements IntegerValue {
  @Override
  public DataType type() {
    return DataType.INT64;
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
