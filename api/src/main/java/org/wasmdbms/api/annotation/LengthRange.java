package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validator: text of {@code min} to {@code max} characters ({@link
 * org.wasmdbms.api.rules.Validators#lengthRange(int, int)}).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface LengthRange {
  /** The fewest characters accepted. */
  int min();

  /** The most characters accepted. */
  int max();
}
