package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validator for text columns: an ISO 639-1 language code, two lower-case letters from the list in
 * {@link org.wasmdbms.api.rules.CodeLists} ({@code "en"} passes, {@code "EN"}, {@code "eng"} and
 * {@code "xx"} do not).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Iso639 {}
