package org.wasmdbms.api.rules;

import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.SanitizationException;
import org.wasmdbms.api.value.DateTimeValue;

/**
 * Date-time arithmetic of the time-zone sanitizers, by hand because {@code java.time} is far too
 * large for the WebAssembly build. Stateless.
 */
final class DateTimes {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long MICROS_PER_MINUTE = 60_000_000L;

  private DateTimes() {}

  /**
   * The instant {@code dateTime} denotes, written at UTC offset {@code offsetMinutes}.
   *
   * @throws SanitizationException if that falls outside the years 1..9999
   */
  static DateTimeValue atOffset(DateTimeValue dateTime, int offsetMinutes) {
    if (dateTime.timezoneOffsetMinutes() == offsetMinutes) {
      return dateTime;
    }
    long local = dateTime.epochMicros() + offsetMinutes * MICROS_PER_MINUTE;
    long days = local / MICROS_PER_DAY;
    long micros = local % MICROS_PER_DAY;
    if (micros < 0) {
      micros += MICROS_PER_DAY;
      days--;
    }
    // Civil date from days since 1970-01-01, counting 400-year eras from 0000-03-01 (the inverse
    // of the calendar arithmetic behind DateTimeValue.epochMicros).
    long shifted = days + 719_468;
    long era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097;
    long dayOfEra = shifted - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long monthFromMarch = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    long seconds = micros / 1_000_000;
    try {
      return new DateTimeValue(
          (int) year,
          month,
          day,
          (int) (seconds / 3600),
          (int) (seconds / 60 % 60),
          (int) (seconds % 60),
          (int) (micros % 1_000_000),
          offsetMinutes);
    } catch (InvalidQueryException e) {
      throw new SanitizationException(
          "moving the date-time to offset "
              + offsetMinutes
              + " minutes leaves the years 1..9999: "
              + e.detail());
    }
  }
}
