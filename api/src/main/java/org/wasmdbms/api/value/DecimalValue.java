package org.wasmdbms.api.value;

import java.math.BigDecimal;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * An exact decimal number. The scale (digits after the point) is kept, so {@code 10.50} prints as
 * {@code "10.50"}, but equality and order are by numeric value: {@code 10.50} equals {@code 10.5}.
 * A negative scale is normalised to 0 ({@code 1E+3} becomes {@code 1000}).
 *
 * <p>Limits: at most {@link #MAX_DIGITS} significant digits and a scale of at most {@link
 * #MAX_SCALE}; beyond them construction throws {@link ConstraintViolationException}.
 *
 * @param value the number, with scale in {@code [0, MAX_SCALE]}
 */
public record DecimalValue(BigDecimal value) implements Value {
  /** The largest number of digits in the unscaled value. */
  public static final int MAX_DIGITS = 1000;

  /** The largest scale (digits after the decimal point). */
  public static final int MAX_SCALE = 1000;

  /**
   * Creates the value, normalising a negative scale to 0.
   *
   * @throws ConstraintViolationException if the number exceeds the limits
   */
  public DecimalValue {
    if (value.scale() < 0) {
      if (value.precision() - value.scale() > MAX_DIGITS) {
        throw new ConstraintViolationException("decimal has more than " + MAX_DIGITS + " digits");
      }
      value = value.setScale(0);
    }
    if (value.scale() > MAX_SCALE) {
      throw new ConstraintViolationException(
          "decimal scale " + value.scale() + " exceeds " + MAX_SCALE);
    }
    if (value.precision() > MAX_DIGITS) {
      throw new ConstraintViolationException("decimal has more than " + MAX_DIGITS + " digits");
    }
  }

  /**
   * Parses canonical decimal text: an optional {@code -}, one or more digits, and optionally a
   * {@code .} followed by one or more digits (no exponent, no {@code +}).
   *
   * @throws InvalidQueryException if the text does not have that shape
   * @throws ConstraintViolationException if the number exceeds the limits
   */
  public static DecimalValue parse(String text) {
    int n = text.length();
    int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
    int digitsBefore = 0;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
      digitsBefore++;
    }
    boolean ok = digitsBefore > 0;
    if (ok && i < n) {
      ok = text.charAt(i) == '.';
      i++;
      int digitsAfter = 0;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        digitsAfter++;
      }
      ok = ok && digitsAfter > 0 && i == n;
    }
    if (!ok) {
      throw new InvalidQueryException("malformed decimal \"" + text + "\"");
    }
    if (n > MAX_DIGITS + MAX_SCALE + 2) {
      throw new ConstraintViolationException("decimal text too long: " + n + " characters");
    }
    return new DecimalValue(new BigDecimal(text));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The canonical text: plain notation with the kept scale, for example {@code "-19.90"}. */
  public String text() {
    return value.toPlainString();
  }

  @Override
  public DataType type() {
    return DataType.DECIMAL;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecimalValue other && value.compareTo(other.value) == 0;
  }

  @Override
  public int hashCode() {
    return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return "DecimalValue[" + text() + "]";
  }
}
