package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value an insert that leaves the column out gets. The text is parsed at compile time into the
 * column's type, in the canonical text form of that type: an integer or decimal number, {@code
 * true}/{@code false}, a date {@code 2024-06-15}, a date-time {@code
 * 2024-06-15T10:30:00.000000+02:00}, a UUID, JSON text, hexadecimal for a blob, or the text itself.
 * {@code "Null"} is the null value of a nullable column. A text that does not parse is a
 * compile-time error.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Default {
  /** The default in canonical text form. */
  String value();
}
