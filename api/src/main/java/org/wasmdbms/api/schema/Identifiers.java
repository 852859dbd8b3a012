package org.wasmdbms.api.schema;

import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;

/** The rule every table, column and index name follows. */
public final class Identifiers {
  /** The longest identifier in UTF-8 bytes. */
  public static final int MAX_BYTES = 255;

  private Identifiers() {}

  /**
   * Checks an identifier and returns it.
   *
   * @param what what the identifier names, for the error message (for example "column name")
   * @param name the identifier
   * @return {@code name}
   * @throws NullPointerException if {@code name} is null
   * @throws ConstraintViolationException if {@code name} is empty or longer than {@link #MAX_BYTES}
   *     bytes in UTF-8
   * @throws InvalidQueryException if {@code name} holds an unpaired surrogate
   */
  public static String check(String what, String name) {
    long bytes = Utf8.encodedLength(name);
    if (bytes == 0) {
      throw new ConstraintViolationException(what + " must not be empty");
    }
    if (bytes > MAX_BYTES) {
      throw new ConstraintViolationException(
          what + " of " + bytes + " bytes exceeds " + MAX_BYTES + " bytes");
    }
    return name;
  }
}
