package org.wasmdbms.api.value;

/**
 * An IEEE 754 binary64 value. Every NaN is stored as the one canonical NaN, so equality and order
 * do not depend on NaN payloads. Equality follows {@link Values#compare}: {@code -0.0} and {@code
 * 0.0} differ, NaN equals NaN. (NaN may be stored but is rejected in filters and in the JSON wire
 * format.)
 *
 * @param value the number
 */
public record Float64Value(double value) implements Value {
  /** Creates the value, canonicalising NaN. */
  public Float64Value {
    if (value != value) {
      value = Double.NaN;
    }
  }

  @Override
  public DataType type() {
    return DataType.FLOAT64;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Float64Value other
        && Double.doubleToLongBits(value) == Double.doubleToLongBits(other.value);
  }

  @Override
  public int hashCode() {
    long bits = Double.doubleToLongBits(value);
    return (int) (bits ^ (bits >>> 32));
  }
}
