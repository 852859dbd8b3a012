package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validator for text columns: an RGB colour, {@code #} and six hexadecimal digits of either case
 * ({@code "#1A2b3C"}). See {@link org.wasmdbms.api.rules.TextRules#isRgbColor(String)}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface RgbColor {}
