package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validator for text columns: an optional leading {@code +}, then 7 to 20 characters, each an ASCII
 * digit, {@code (}, {@code )}, {@code .}, {@code -} or Unicode white space ({@code "+44 20 7946
 * 0958"} passes, {@code "123-ABC-7890"} does not). See {@link
 * org.wasmdbms.api.rules.TextRules#isPhoneNumber(String)}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface PhoneNumber {}
