package org.wasmdbms.api.error;

/**
 * A value, record or identifier larger than the engine allows; nothing is truncated. Kind {@link
 * ErrorKind#CONSTRAINT_VIOLATION}.
 */
public final class ConstraintViolationException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public ConstraintViolationException(String detail) {
    super(ErrorKind.CONSTRAINT_VIOLATION, detail);
  }
}
