package org.wasmdbms.api.rules;

import org.wasmdbms.api.value.Value;

/**
 * Checks a column value after sanitizing, on insert and on update. A null value is accepted by
 * every built-in validator: whether a column may be null is the column's nullability, not a
 * validation rule.
 *
 * <p>Contract: a validator has no side effects and throws {@link
 * org.wasmdbms.api.error.ValidationException} with a message naming the rule when the value is
 * rejected.
 */
@FunctionalInterface
public interface Validator {
  /**
   * Accepts {@code value} or throws.
   *
   * @throws org.wasmdbms.api.error.ValidationException if the value breaks the rule
   */
  void validate(Value value);
}
