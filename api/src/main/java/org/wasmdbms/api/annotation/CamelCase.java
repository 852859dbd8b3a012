package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validator for text columns: CamelCase, an upper-case letter (Unicode category Lu) first and only
 * letters and numbers ({@code "HelloWorld2"} passes, {@code "helloWorld"}, {@code "Hello_World"}
 * and the empty text do not). See {@link org.wasmdbms.api.rules.TextRules#isCamelCase(String)}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface CamelCase {}
