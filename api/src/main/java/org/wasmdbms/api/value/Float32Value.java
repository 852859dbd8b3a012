package org.wasmdbms.api.value;

/**
 * An IEEE 754 binary32 value. Every NaN is stored as the one canonical NaN, so equality and order
 * do not depend on NaN payloads. Equality follows {@link Values#compare}: {@code -0.0f} and {@code
 * 0.0f} differ, NaN equals NaN. (NaN may be stored but is rejected in filters and in the JSON wire
 * format.)
 *
 * @param value the number
 */
public record Float32Value(float value) implements Value {
  /** Creates the value, canonicalising NaN. */
  public Float32Value {
    if (value != value) {
      value = Float.NaN;
    }
  }

  @Override
  public DataType type() {
    return DataType.FLOAT32;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Float32Value other
        && Float.floatToIntBits(value) == Float.floatToIntBits(other.value);
  }

  @Override
  public int hashCode() {
    return Float.floatToIntBits(value);
  }
}
