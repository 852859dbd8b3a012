package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validator for text columns: snake_case, a lower-case letter (Unicode category Ll) or {@code _}
 * first, then lower-case letters, ASCII digits and {@code _} ({@code "_hello_world_2"} passes,
 * {@code "Hello_world"}, {@code "2_go"} and the empty text do not). See {@link
 * org.wasmdbms.api.rules.TextRules#isSnakeCase(String)}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface SnakeCase {}
