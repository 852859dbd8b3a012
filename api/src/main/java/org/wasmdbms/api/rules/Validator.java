package org.wasmdbms.api.rules;

import org.wasmdbms.api.value.Value;

/**
 * Checks a column value after its sanitizers have run, on insert and on update. A null value is
 * accepted by every built-in validator: whether a column may be null is the column's nullability,
 * not a validation rule.
 *
 * <p>Contract: a validator has no side effects, is safe to call from any thread, and throws {@link
 * org.wasmdbms.api.error.ValidationException} with a message naming the rule when the value is
 * rejected.
 *
 * <p>A user-defined validator is a public class with a public constructor that implements this
 * interface for the value class of its column (or a supertype of it), named in {@link
 * org.wasmdbms.api.annotation.Validate}. It is never called with {@code Null}. It runs in the
 * WebAssembly guest too, so it must be TeaVM-safe: no reflection, regular expressions, {@code
 * String.format} or {@code java.time}, and no integer division by zero (it traps there instead of
 * throwing).
 *
 * @param <T> the values it takes
 */
@FunctionalInterface
public interface Validator<T extends Value> {
  /**
   * Accepts {@code value} or throws.
   *
   * @throws org.wasmdbms.api.error.ValidationException if the value breaks the rule
   */
  void validate(T value);
}
