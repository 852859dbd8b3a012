package org.wasmdbms.api.rules;

import org.wasmdbms.api.value.Value;

/**
 * Transforms a column value before it is stored, on insert and on update. A column's sanitizers run
 * in declaration order, then its validators, before constraint checks, so a unique column sees the
 * sanitized value.
 *
 * <p>Contract: a sanitizer is a pure function, safe to call from any thread; it keeps the value's
 * data type (or returns {@link org.wasmdbms.api.value.NullValue#INSTANCE}) and throws {@link
 * org.wasmdbms.api.error.SanitizationException} for a value it cannot handle. The built-in ones
 * ({@link Sanitizers}) take any {@link Value} and return {@code Null} unchanged.
 *
 * <p>A user-defined sanitizer is a public class with a public constructor that implements this
 * interface for the value class of its column (or a supertype of it, such as {@link
 * org.wasmdbms.api.value.IntegerValue} or {@link Value}), named in {@link
 * org.wasmdbms.api.annotation.Sanitize}. It is never called with {@code Null}. It runs in the
 * WebAssembly guest too, so it must be TeaVM-safe: no reflection, regular expressions, {@code
 * String.format} or {@code java.time}, and no integer division by zero (it traps there instead of
 * throwing).
 *
 * @param <T> the values it takes
 */
@FunctionalInterface
public interface Sanitizer<T extends Value> {
  /**
   * Returns the sanitized form of {@code value}.
   *
   * @throws org.wasmdbms.api.error.SanitizationException if the value cannot be sanitized
   */
  Value sanitize(T value);
}
