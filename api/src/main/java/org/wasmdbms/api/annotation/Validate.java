package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.wasmdbms.api.rules.Validator;

/**
 * A user-defined validator: the column's values are handed to a new instance of {@link #value()},
 * which the generated table code creates once, with a direct constructor call (no reflection).
 *
 * <p>The class must be public, concrete, top-level or static nested, and implement {@link
 * Validator}{@code <T>} for a {@code T} that the column's value class is (the value class itself,
 * {@link org.wasmdbms.api.value.IntegerValue} or {@link org.wasmdbms.api.value.Value}). With no
 * {@link #args()} it needs a public no-argument constructor; otherwise a public constructor with as
 * many parameters, each {@code String}, {@code int}, {@code long}, {@code double} or {@code
 * boolean}, into which the processor parses the arguments at compile time. The processor reports on
 * the field a class that is not found, has no such constructor, or takes another value type.
 *
 * <p>The rule is never called with {@code Null}. Whatever it throws besides the expected {@link
 * org.wasmdbms.api.error.ValidationException} becomes one naming it, see {@link
 * org.wasmdbms.api.rules.CustomRules}. It is compiled into the WebAssembly guest with the schema,
 * so it must be TeaVM-safe (see {@link Validator}). Repeatable; a column's validators run in the
 * order they are written.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Repeatable(Validate.List.class)
public @interface Validate {
  /** The validator class. */
  Class<? extends Validator<?>> value();

  /** The constructor arguments, as text parsed at compile time into the parameter types. */
  String[] args() default {};

  /** The container of repeated {@link Validate} annotations. */
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
  @interface List {
    /** The repeated annotations. */
    Validate[] value();
  }
}
