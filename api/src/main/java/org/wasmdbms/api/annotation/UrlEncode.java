package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sanitizer for text columns: percent-encodes every character but the ASCII letters and digits,
 * byte by byte of its UTF-8 form, with upper-case hexadecimal ({@code "a b/é"} becomes {@code
 * "a%20b%2F%C3%A9"}). See {@link org.wasmdbms.api.rules.Sanitizers#urlEncode()}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface UrlEncode {}
