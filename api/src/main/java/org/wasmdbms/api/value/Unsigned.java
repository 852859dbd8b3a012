package org.wasmdbms.api.value;

import org.wasmdbms.api.error.InvalidQueryException;

/**
 * Unsigned 64-bit arithmetic written by hand: the JDK's unsigned helpers are missing in the
 * WebAssembly build.
 */
public final class Unsigned {
  private Unsigned() {}

  /** Compares {@code a} and {@code b} as unsigned 64-bit numbers. */
  public static int compare(long a, long b) {
    long x = a + Long.MIN_VALUE;
    long y = b + Long.MIN_VALUE;
    return x < y ? -1 : (x == y ? 0 : 1);
  }

  /** The decimal text of {@code v} read as unsigned 64-bit. */
  public static String toString(long v) {
    if (v >= 0) {
      return Long.toString(v);
    }
    // Halve first so the quotient fits a signed long; then fix up the last digit.
    long quotient = (v >>> 1) / 5;
    long remainder = v - quotient * 10;
    return Long.toString(quotient) + remainder;
  }

  /**
   * Parses decimal digits as an unsigned 64-bit number.
   *
   * @param digits one or more ASCII digits, no sign
   * @return the unsigned bits
   * @throws InvalidQueryException if {@code digits} is empty, holds a non-digit or exceeds 2^64-1
   */
  public static long parse(String digits) {
    int n = digits.length();
    if (n == 0) {
      throw new InvalidQueryException("expected digits, found an empty string");
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidQueryException("not a digit in \"" + digits + "\"");
      }
      // v * 10 + d overflows 64 bits exactly when v > (2^64 - 1 - d) / 10.
      if (compare(v, 0x1999999999999999L) > 0 || (v == 0x1999999999999999L && c - '0' > 5)) {
        throw new InvalidQueryException("number exceeds 18446744073709551615: " + digits);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
