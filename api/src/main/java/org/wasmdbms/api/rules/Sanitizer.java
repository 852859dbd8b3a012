package org.wasmdbms.api.rules;

import org.wasmdbms.api.value.Value;

/**
 * Transforms a column value before it is stored, on insert and on update. Sanitizers run before
 * validators and before constraint checks, so a unique column sees the sanitized value.
 *
 * <p>Contract: a sanitizer is a pure function; it returns {@link
 * org.wasmdbms.api.value.NullValue#INSTANCE} unchanged unless it says otherwise, keeps the value's
 * data type, and throws {@link org.wasmdbms.api.error.SanitizationException} for a value it cannot
 * handle (for example trimming an integer). Implementations must be safe for the guest: no
 * reflection, regular expressions or {@code java.time}.
 */
@FunctionalInterface
public interface Sanitizer {
  /**
   * Returns the sanitized form of {@code value}.
   *
   * @throws org.wasmdbms.api.error.SanitizationException if the value cannot be sanitized
   */
  Value sanitize(Value value);
}
