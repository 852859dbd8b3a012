package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets the column hold {@code Null}, represented by a Java {@code null}. Boxed primitive fields
 * ({@code Integer}, {@code Long}, ...) are nullable without this annotation; primitive fields never
 * are.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Nullable {}
