package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sanitizer: limits a number to {@code [min, max]} ({@link
 * org.wasmdbms.api.rules.Sanitizers#clamp}). Both bounds are parsed at compile time into the
 * column's type, like {@link Default}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Clamp {
  /** The lower bound, as text. */
  String min();

  /** The upper bound, as text. */
  String max();
}
