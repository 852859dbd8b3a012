package org.wasmdbms.api.value;

import org.wasmdbms.api.error.InvalidQueryException;

/**
 * A date and time of day with microsecond precision and a UTC offset. Date-times are ordered by the
 * instant they denote ({@link #epochMicros()}, in UTC); two that denote the same instant with
 * different offsets are ordered by offset, so the order stays consistent with {@code equals}.
 *
 * @param year 1..9999
 * @param month 1..12
 * @param day 1..days in the month
 * @param hour 0..23
 * @param minute 0..59
 * @param second 0..59
 * @param microsecond 0..999999
 * @param timezoneOffsetMinutes the local time minus UTC, -1439..1439
 */
public record DateTimeValue(
    int year,
    int month,
    int day,
    int hour,
    int minute,
    int second,
    int microsecond,
    int timezoneOffsetMinutes)
    implements Value {
  /** The largest absolute UTC offset in minutes (23:59). */
  public static final int MAX_OFFSET_MINUTES = 1439;

  /**
   * Creates the date-time.
   *
   * @throws InvalidQueryException if any field is out of range or the date does not exist
   */
  public DateTimeValue {
    CalendarMath.checkDate(year, month, day);
    checkRange("hour", hour, 0, 23);
    checkRange("minute", minute, 0, 59);
    checkRange("second", second, 0, 59);
    checkRange("microsecond", microsecond, 0, 999_999);
    checkRange(
        "timezone_offset_minutes", timezoneOffsetMinutes, -MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES);
  }

  /**
   * Parses the canonical text {@code YYYY-MM-DDTHH:MM:SS.ffffff+HH:MM} (six fraction digits, the
   * offset's sign {@code +} or {@code -}), the form {@link ValueText#display} prints.
   *
   * @throws InvalidQueryException if the text does not have that shape or a field is out of range
   */
  public static DateTimeValue parse(String text) {
    String shape = "YYYY-MM-DDTHH:MM:SS.ffffff+HH:MM";
    boolean ok = text.length() == shape.length();
    for (int i = 0; ok && i < shape.length(); i++) {
      char expected = shape.charAt(i);
      char c = text.charAt(i);
      ok =
          switch (expected) {
            case '-', 'T', ':', '.' -> c == expected;
            case '+' -> c == '+' || c == '-';
            default -> c >= '0' && c <= '9';
          };
    }
    if (!ok) {
      throw new InvalidQueryException("malformed date-time \"" + text + "\": expected " + shape);
    }
    int offset =
        CalendarMath.digits(text, 27, 2, "date-time") * 60
            + CalendarMath.digits(text, 30, 2, "date-time");
    return new DateTimeValue(
        CalendarMath.digits(text, 0, 4, "date-time"),
        CalendarMath.digits(text, 5, 2, "date-time"),
        CalendarMath.digits(text, 8, 2, "date-time"),
        CalendarMath.digits(text, 11, 2, "date-time"),
        CalendarMath.digits(text, 14, 2, "date-time"),
        CalendarMath.digits(text, 17, 2, "date-time"),
        CalendarMath.digits(text, 20, 6, "date-time"),
        text.charAt(26) == '-' ? -offset : offset);
  }

  private static void checkRange(String field, int v, int min, int max) {
    if (v < min || v > max) {
      throw new InvalidQueryException(field + " " + v + " outside " + min + ".." + max);
    }
  }

  /** Microseconds since 1970-01-01T00:00:00Z of the instant this date-time denotes. */
  public long epochMicros() {
    long seconds =
        CalendarMath.epochDay(year, month, day) * 86_400L
            + hour * 3600L
            + minute * 60L
            + second
            - timezoneOffsetMinutes * 60L;
    return seconds * 1_000_000L + microsecond;
  }

  @Override
  public DataType type() {
    return DataType.DATETIME;
  }
}
