package org.wasmdbms.api.value;

/**
 * An unsigned 64-bit integer value (0..2^64-1), held in a {@code long} with unsigned meaning: the
 * {@code long} -1 stands for 18446744073709551615.
 *
 * @param value the unsigned bits
 */
public record Uint64Value(long value) implements IntegerValue {
  @Override
  public DataType type() {
    return DataType.UINT64;
  }

  @Override
  public boolean isNegative() {
    return false;
  }

  @Override
  public long bits() {
    return value;
  }

  @Override
  public String toString() {
    return "Uint64Value[value=" + Unsigned.toString(value) + "]";
  }
}
