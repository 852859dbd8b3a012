package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sanitizer: rounds a decimal or float column to a number of digits after the point ({@link
 * org.wasmdbms.api.rules.Sanitizers#roundToScale(int)}).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface RoundToScale {
  /** The digits kept after the decimal point. */
  int value();
}
