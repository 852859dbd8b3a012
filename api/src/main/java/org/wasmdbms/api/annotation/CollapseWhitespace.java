package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sanitizer: trims text and turns inner runs of white space into one space ({@link
 * org.wasmdbms.api.rules.Sanitizers#collapseWhitespace()}).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface CollapseWhitespace {}
