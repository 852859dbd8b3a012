package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sanitizer for unsigned integer columns ({@code Uint8} to {@code Uint64}): limits the value to
 * {@code [min, max]}, a value below {@code min} becoming {@code min} and one above {@code max}
 * becoming {@code max}. The bounds are unsigned 64-bit decimal numbers ({@code 0} to {@code
 * 18446744073709551615}), checked at compile time; {@code min} must fit the column's type, {@code
 * max} may exceed it (then it limits nothing). See {@link
 * org.wasmdbms.api.rules.Sanitizers#clampUnsigned}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ClampUnsigned {
  /** The lower bound, an unsigned decimal number. */
  String min();

  /** The upper bound, an unsigned decimal number. */
  String max();
}
