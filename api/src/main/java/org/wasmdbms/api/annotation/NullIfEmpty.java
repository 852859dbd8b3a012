package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sanitizer: replaces empty or all-white-space text with {@code Null} ({@link
 * org.wasmdbms.api.rules.Sanitizers#nullIfEmpty()}). The column must be nullable.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface NullIfEmpty {}
