package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validator for text columns: a MIME type, exactly one {@code /} with a non-empty run of ASCII
 * letters, digits, {@code +}, {@code .} and {@code -} on each side ({@code
 * "application/vnd.api+json"} passes, {@code "text/plain; charset=utf-8"} does not). See {@link
 * org.wasmdbms.api.rules.TextRules#isMimeType(String)}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface MimeType {}
