package org.wasmdbms.api.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.value.Unsigned;

/**
 * Conversions between JSON number literals and Java numbers, written so that the JVM and the
 * WebAssembly build give identical results: parsing goes through {@link BigDecimal} (never {@code
 * Double.parseDouble}), and printing finds the shortest decimal that converts back to the same
 * float the same way.
 */
public final class JsonNumbers {
  /** The largest decimal exponent accepted in a float literal; beyond it the literal is refused. */
  static final int MAX_EXPONENT = 1000;

  /** 2^53: integers up to this magnitude are printed as JSON numbers, larger ones as strings. */
  static final long SAFE_INTEGER = 1L << 53;

  private JsonNumbers() {}

  /**
   * A signed integer literal: {@code -?(0|[1-9][0-9]*)}, up to 2^64-1 in magnitude.
   *
   * @param negative whether the literal had a minus sign and a non-zero magnitude
   * @param bits two's complement if negative, else the unsigned magnitude
   */
  record IntegerLiteral(boolean negative, long bits) {}

  /**
   * Parses an integer literal.
   *
   * @throws InvalidQueryException if the text is not an integer literal or its magnitude exceeds
   *     2^64-1 (or 2^63 when negative)
   */
  static IntegerLiteral parseInteger(String literal) {
    boolean minus = literal.startsWith("-");
    String digits = minus ? literal.substring(1) : literal;
    if (digits.isEmpty() || (digits.length() > 1 && digits.charAt(0) == '0')) {
      throw new InvalidQueryException("malformed integer \"" + literal + "\"");
    }
    long magnitude = Unsigned.parse(digits);
    if (!minus || magnitude == 0) {
      return new IntegerLiteral(false, magnitude);
    }
    if (Unsigned.compare(magnitude, Long.MIN_VALUE) > 0) {
      throw new InvalidQueryException("integer " + literal + " is below -2^63");
    }
    return new IntegerLiteral(true, -magnitude);
  }

  /** Whether an integer (as in {@link IntegerLiteral}) is within +-2^53 and printed as a number. */
  static boolean isSafe(boolean negative, long bits) {
    return negative ? bits >= -SAFE_INTEGER : Unsigned.compare(bits, SAFE_INTEGER) <= 0;
  }

  /**
   * Parses a JSON number literal as the nearest binary64.
   *
   * @throws InvalidQueryException if its exponent is beyond +-{@link #MAX_EXPONENT} or the value
   *     overflows to infinity
   */
  static double parseDouble(String literal) {
    boolean minus = literal.startsWith("-");
    double magnitude = magnitude(literal, minus).doubleValue();
    if (magnitude == Double.POSITIVE_INFINITY) {
      throw new InvalidQueryException("number " + literal + " is out of range for Float64");
    }
    // Flip the sign bit rather than negate: TeaVM's negation of 0.0 yields +0.0, not -0.0.
    return minus
        ? Double.longBitsToDouble(Double.doubleToRawLongBits(magnitude) ^ Long.MIN_VALUE)
        : magnitude;
  }

  /**
   * Parses a JSON number literal as the nearest binary32.
   *
   * @throws InvalidQueryException like {@link #parseDouble}, for the Float32 range
   */
  static float parseFloat(String literal) {
    boolean minus = literal.startsWith("-");
    float magnitude = magnitude(literal, minus).floatValue();
    if (magnitude == Float.POSITIVE_INFINITY) {
      throw new InvalidQueryException("number " + literal + " is out of range for Float32");
    }
    return minus
        ? Float.intBitsToFloat(Float.floatToRawIntBits(magnitude) ^ Integer.MIN_VALUE)
        : magnitude;
  }

  // The sign is split off so that "-0" and "-0.0" keep their negative zero.
  private static BigDecimal magnitude(String literal, boolean minus) {
    String unsigned = minus ? literal.substring(1) : literal;
    int e = unsigned.indexOf('e');
    if (e < 0) {
      e = unsigned.indexOf('E');
    }
    if (e >= 0) {
      String exponent = unsigned.substring(e + 1);
      int start = exponent.startsWith("+") || exponent.startsWith("-") ? 1 : 0;
      int value = 0;
      for (int i = start; i < exponent.length(); i++) {
        value = value * 10 + (exponent.charAt(i) - '0');
        if (value > MAX_EXPONENT) {
          throw new InvalidQueryException(
              "exponent of " + literal + " is beyond +-" + MAX_EXPONENT);
        }
      }
    }
    return new BigDecimal(unsigned);
  }

  /**
   * The shortest literal that {@link #parseDouble} reads back as exactly {@code d}; {@code
   * Infinity}, {@code -Infinity} or {@code NaN} (which JSON cannot hold and the parser refuses) for
   * the others, so that printing never fails.
   */
  public static String printDouble(double d) {
    String special = nonFinite(d);
    if (special != null) {
      return special;
    }
    if (d == 0) {
      return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
    }
    double magnitude = d < 0 ? -d : d;
    BigDecimal exact = new BigDecimal(magnitude);
    BigDecimal shortest = exact;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == magnitude) {
        shortest = r;
        break;
      }
    }
    return (d < 0 ? "-" : "") + format(shortest);
  }

  /** Like {@link #printDouble}, for the shortest literal {@link #parseFloat} reads back. */
  public static String printFloat(float f) {
    String special = nonFinite(f);
    if (special != null) {
      return special;
    }
    if (f == 0) {
      return Float.floatToRawIntBits(f) < 0 ? "-0.0" : "0.0";
    }
    float magnitude = f < 0 ? -f : f;
    BigDecimal exact = new BigDecimal(magnitude);
    BigDecimal shortest = exact;
    for (int digits = 1; digits <= 9; digits++) {
      BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (r.floatValue() == magnitude) {
        shortest = r;
        break;
      }
    }
    return (f < 0 ? "-" : "") + format(shortest);
  }

  /** The name of an infinity or NaN (Java's), or null for a finite number. */
  private static String nonFinite(double d) {
    if (d != d) {
      return "NaN";
    }
    if (d == Double.POSITIVE_INFINITY || d == Double.NEGATIVE_INFINITY) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return null;
  }

  /**
   * Formats a positive decimal: plain notation with at least one digit after the point when the
   * decimal exponent is in [-7, 20], otherwise {@code d.ddde<exp>}.
   */
  private static String format(BigDecimal positive) {
    BigDecimal stripped = positive.stripTrailingZeros();
    String digits = stripped.unscaledValue().toString();
    // The value is 0.<digits> x 10^pointPosition.
    int pointPosition = digits.length() - stripped.scale();
    int scientificExponent = pointPosition - 1;
    StringBuilder sb = new StringBuilder();
    if (scientificExponent < -7 || scientificExponent > 20) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      return sb.append('e').append(scientificExponent).toString();
    }
    if (pointPosition <= 0) {
      sb.append("0.");
      for (int i = pointPosition; i < 0; i++) {
        sb.append('0');
      }
      return sb.append(digits).toString();
    }
    if (pointPosition >= digits.length()) {
      sb.append(digits);
      for (int i = digits.length(); i < pointPosition; i++) {
        sb.append('0');
      }
      return sb.append(".0").toString();
    }
    return sb.append(digits, 0, pointPosition)
        .append('.')
        .append(digits, pointPosition, digits.length())
        .toString();
  }
}
