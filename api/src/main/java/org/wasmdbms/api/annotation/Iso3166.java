package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validator for text columns: an ISO 3166-1 alpha-2 country code, two upper-case letters from the
 * list in {@link org.wasmdbms.api.rules.CodeLists} ({@code "US"} passes, {@code "us"}, {@code
 * "USA"} and {@code "XX"} do not).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Iso3166 {}
