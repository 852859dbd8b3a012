package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validator for text columns: kebab-case, a lower-case letter (Unicode category Ll) first, then
 * lower-case letters, ASCII digits and {@code -} ({@code "hello-world-2"} passes, {@code
 * "Hello-world"}, {@code "2-go"} and the empty text do not). See {@link
 * org.wasmdbms.api.rules.TextRules#isKebabCase(String)}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface KebabCase {}
