package org.wasmdbms.api.value;

import org.wasmdbms.api.error.InvalidQueryException;

/**
 * Proleptic Gregorian calendar arithmetic, written by hand because {@code java.time} is far too
 * large for the WebAssembly build.
 */
final class CalendarMath {
  /** The smallest supported year. */
  static final int MIN_YEAR = 1;

  /** The largest supported year. */
  static final int MAX_YEAR = 9999;

  private CalendarMath() {}

  static boolean isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /**
   * The decimal number written by the {@code count} characters of {@code text} at {@code from}.
   *
   * @throws InvalidQueryException naming {@code what} if one of them is not an ASCII digit
   */
  static int digits(String text, int from, int count, String what) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidQueryException("malformed " + what + " \"" + text + "\": digit expected");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Throws unless year, month and day name a real date in the supported range. */
  static void checkDate(int year, int month, int day) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new InvalidQueryException("year " + year + " outside " + MIN_YEAR + ".." + MAX_YEAR);
    }
    if (month < 1 || month > 12) {
      throw new InvalidQueryException("month " + month + " outside 1..12");
    }
    if (day < 1 || day > daysInMonth(year, month)) {
      throw new InvalidQueryException("day " + day + " does not exist in " + year + "-" + month);
    }
  }

  /**
   * Days from 1970-01-01 to the given valid date (negative before it). Counts whole 400-year eras
   * from 0000-03-01 so that February falls at the end of each computed year.
   */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = y / 400; // y >= 0 for supported years, so division truncation is floor.
    int yearOfEra = y - era * 400;
    int monthFromMarch = month > 2 ? month - 3 : month + 9;
    int dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return (long) era * 146097 + dayOfEra - 719468;
  }
}
