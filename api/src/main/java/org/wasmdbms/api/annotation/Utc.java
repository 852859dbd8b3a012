package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sanitizer for date-time columns: moves the value to UTC (offset 0), keeping the instant it
 * denotes ({@code 2024-03-10T00:30+01:00} becomes {@code 2024-03-09T23:30+00:00}). See {@link
 * org.wasmdbms.api.rules.Sanitizers#utc()}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Utc {}
