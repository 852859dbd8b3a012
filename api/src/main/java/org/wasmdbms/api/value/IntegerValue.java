package org.wasmdbms.api.value;

/**
 * A value of one of the eight integer types. All integers are comparable by value across widths and
 * signedness, through the pair ({@link #isNegative()}, {@link #bits()}): negative values order by
 * their two's-complement bits, non-negative values by their unsigned bits, negatives first.
 */
public sealed interface IntegerValue extends Value
    permits Int8Value,
        Int16Value,
        Int32Value,
        Int64Value,
        Uint8Value,
        Uint16Value,
        Uint32Value,
        Uint64Value {
  /** Whether the value is below zero. */
  boolean isNegative();

  /**
   * The value as 64 bits: two's complement if {@link #isNegative()}, otherwise the unsigned
   * magnitude (so a {@link Uint64Value} above 2^63 - 1 has the top bit set but is not negative).
   */
  long bits();

  /** Canonical decimal text, for example {@code "-5"} or {@code "18446744073709551615"}. */
  default String text() {
    return isNegative() ? Long.toString(bits()) : Unsigned.toString(bits());
  }
}
