package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validator: text of at most this many characters ({@link
 * org.wasmdbms.api.rules.Validators#maxLength(int)}).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface MaxLength {
  /** The most characters accepted. */
  int value();
}
