package org.wasmdbms.api.value;

import org.wasmdbms.api.error.InvalidQueryException;

/**
 * A proleptic Gregorian calendar date in years 1..9999, ordered chronologically.
 *
 * @param year 1..9999
 * @param month 1..12
 * @param day 1..the number of days in that month (29 February only in leap years)
 */
public record DateValue(int year, int month, int day) implements Value {
  /**
   * Creates the date.
   *
   * @throws InvalidQueryException if the fields do not name a real date in range
   */
  public DateValue {
    CalendarMath.checkDate(year, month, day);
  }

  /**
   * Parses the canonical text {@code YYYY-MM-DD} (the form {@link ValueText#display} prints).
   *
   * @throws InvalidQueryException if the text does not have that shape or names no real date
   */
  public static DateValue parse(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new InvalidQueryException("malformed date \"" + text + "\": expected YYYY-MM-DD");
    }
    return new DateValue(
        CalendarMath.digits(text, 0, 4, "date"),
        CalendarMath.digits(text, 5, 2, "date"),
        CalendarMath.digits(text, 8, 2, "date"));
  }

  /** Whether {@code year} is a leap year in the proleptic Gregorian calendar. */
  public static boolean isLeapYear(int year) {
    return CalendarMath.isLeapYear(year);
  }

  /** The number of days of {@code month} (1..12) in {@code year}. */
  public static int daysInMonth(int year, int month) {
    return CalendarMath.daysInMonth(year, month);
  }

  /** Days since 1970-01-01 (negative before it). */
  public long epochDay() {
    return CalendarMath.epochDay(year, month, day);
  }

  @Override
  public DataType type() {
    return DataType.DATE;
  }
}
