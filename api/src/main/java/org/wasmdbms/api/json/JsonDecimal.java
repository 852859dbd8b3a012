package org.wasmdbms.api.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The exact value of a decimal literal in the JSON number grammar (also accepting leading zeros, as
 * in {@code Decimal} text), normalised to a sign, its significant digits and a decimal exponent:
 * the value is {@code 0.<digits> x 10^exponent}. So {@code 1}, {@code 1.0}, {@code 10e-1} and
 * {@code 0.1e1} are one value, and comparing two of them is a comparison of exponents and digit
 * strings: no {@link BigDecimal} is built, which keeps a literal such as {@code 1e999999999} (valid
 * JSON, and cheap to store) from costing memory or time.
 *
 * <p>Exponents are exact up to magnitude {@value #EXPONENT_CAP}; beyond that a literal's exponent
 * saturates at the cap, so two numbers both beyond {@code 10^(10^15)} in magnitude (or both below
 * {@code 10^-(10^15)}) may compare equal. No value of any column type comes near that range.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonDecimal implements Comparable<JsonDecimal> {
  /** The saturation bound of exponents. */
  static final long EXPONENT_CAP = 1_000_000_000_000_000L;

  /** Beyond these adjusted exponents a binary64 is certainly infinite or zero. */
  private static final int DOUBLE_MAX_EXPONENT = 400;

  /**
   * The longest digit string given to {@link BigDecimal} when converting to a double. Rounding a
   * decimal to the nearest binary64 never needs more than 767 significant digits plus one sticky
   * digit that says whether anything non-zero follows.
   */
  private static final int DOUBLE_DIGITS = 800;

  private final boolean negative;
  private final String digits;
  private final long exponent;

  private JsonDecimal(boolean negative, String digits, long exponent) {
    this.negative = negative && !digits.isEmpty();
    this.digits = digits;
    this.exponent = digits.isEmpty() ? 0 : exponent;
  }

  /**
   * Reads {@code text}, which must match {@code -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?} (callers
   * pass literals a JSON parser accepted, integer text or decimal text).
   */
  public static JsonDecimal of(String text) {
    return of(text, 0, text.length());
  }

  /**
   * Reads the literal {@code text[start, end)}; see {@link #of(String)}. Characters outside the
   * grammar are skipped rather than read past the bounds, so a malformed range gives some value but
   * never an exception.
   */
  public static JsonDecimal of(String text, int start, int end) {
    int limit = end < text.length() ? end : text.length();
    int i = start < 0 ? 0 : start;
    boolean negative = i < limit && text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    int mantissaStart = i;
    int integerDigits = 0;
    boolean point = false;
    while (i < limit) {
      char c = text.charAt(i);
      if (c == '.') {
        point = true;
      } else if (c == 'e' || c == 'E') {
        break;
      } else if (!point) {
        integerDigits++;
      }
      i++;
    }
    int mantissaEnd = i;
    long literalExponent = i < limit ? exponent(text, i + 1, limit) : 0;
    // Collect the significant digits: from the first non-zero to the last non-zero digit.
    StringBuilder sb = new StringBuilder();
    int leadingZeros = 0;
    int pendingZeros = 0;
    for (int k = mantissaStart; k < mantissaEnd; k++) {
      char c = text.charAt(k);
      if (c < '0' || c > '9') {
        continue;
      }
      if (c == '0') {
        if (sb.length() == 0) {
          leadingZeros++;
        } else {
          pendingZeros++;
        }
        continue;
      }
      for (; pendingZeros > 0; pendingZeros--) {
        sb.append('0');
      }
      sb.append(c);
    }
    long adjusted = saturate(literalExponent + integerDigits - leadingZeros);
    return new JsonDecimal(negative, sb.toString(), adjusted);
  }

  private static long exponent(String text, int start, int limit) {
    int i = start;
    boolean minus = false;
    if (i < limit && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      minus = text.charAt(i) == '-';
      i++;
    }
    long value = 0;
    for (; i < limit; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && value <= EXPONENT_CAP) {
        value = value * 10 + (c - '0');
      }
    }
    value = value > EXPONENT_CAP ? EXPONENT_CAP : value;
    return minus ? -value : value;
  }

  private static long saturate(long exponent) {
    if (exponent > EXPONENT_CAP) {
      return EXPONENT_CAP;
    }
    return exponent < -EXPONENT_CAP ? -EXPONENT_CAP : exponent;
  }

  /** Whether the value is zero (of either sign). */
  public boolean isZero() {
    return digits.isEmpty();
  }

  /** The sign: -1, 0 or 1. */
  public int signum() {
    if (digits.isEmpty()) {
      return 0;
    }
    return negative ? -1 : 1;
  }

  /** Compares by numeric value; {@code -0} equals {@code 0}. */
  @Override
  public int compareTo(JsonDecimal other) {
    int sign = signum();
    if (sign != other.signum()) {
      return sign < other.signum() ? -1 : 1;
    }
    if (sign == 0) {
      return 0;
    }
    int magnitude = compareMagnitudes(other);
    return negative ? -magnitude : magnitude;
  }

  private int compareMagnitudes(JsonDecimal other) {
    if (exponent != other.exponent) {
      return exponent < other.exponent ? -1 : 1;
    }
    // Same exponent: compare 0.<digits> digit by digit. Neither string has trailing zeros, so a
    // proper prefix is the smaller value.
    int n = digits.length() < other.digits.length() ? digits.length() : other.digits.length();
    for (int i = 0; i < n; i++) {
      char a = digits.charAt(i);
      char b = other.digits.charAt(i);
      if (a != b) {
        return a < b ? -1 : 1;
      }
    }
    return Integer.compare(digits.length(), other.digits.length());
  }

  /**
   * The nearest binary64, rounding half to even; infinite beyond the double range, and zero (of the
   * literal's sign) below it.
   */
  public double toDouble() {
    double magnitude;
    if (digits.isEmpty() || exponent < -DOUBLE_MAX_EXPONENT) {
      magnitude = 0.0;
    } else if (exponent > DOUBLE_MAX_EXPONENT) {
      magnitude = Double.POSITIVE_INFINITY;
    } else {
      String kept = digits;
      if (kept.length() > DOUBLE_DIGITS) {
        // The dropped tail is non-zero (there are no trailing zeros), which the sticky 1 records.
        kept = kept.substring(0, DOUBLE_DIGITS) + '1';
      }
      magnitude =
          new BigDecimal(new BigInteger(kept), kept.length() - (int) exponent).doubleValue();
    }
    // Flip the sign bit rather than negate: TeaVM's negation of 0.0 yields +0.0, not -0.0.
    return negative
        ? Double.longBitsToDouble(Double.doubleToRawLongBits(magnitude) ^ Long.MIN_VALUE)
        : magnitude;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonDecimal d && compareTo(d) == 0;
  }

  @Override
  public int hashCode() {
    return digits.hashCode() * 31 + (int) (exponent ^ (exponent >>> 32)) * 2 + (negative ? 1 : 0);
  }

  @Override
  public String toString() {
    return (negative ? "-" : "") + "0." + (digits.isEmpty() ? "0" : digits) + "e" + exponent;
  }
}
