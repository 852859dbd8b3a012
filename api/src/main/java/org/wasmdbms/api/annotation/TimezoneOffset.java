package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sanitizer for date-time columns: moves the value to a fixed UTC offset, keeping the instant it
 * denotes ({@code 2024-03-10T12:00+01:00} with {@code @TimezoneOffset(120)} becomes {@code
 * 2024-03-10T13:00+02:00}). A value whose moved date falls outside the years 1..9999 is a
 * sanitization error. See {@link org.wasmdbms.api.rules.Sanitizers#timezoneOffset(int)}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface TimezoneOffset {
  /** The offset in minutes east of UTC (local time minus UTC), -1439..1439. */
  int value();
}
