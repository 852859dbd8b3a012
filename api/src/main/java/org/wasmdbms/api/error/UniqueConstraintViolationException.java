package org.wasmdbms.api.error;

/**
 * A duplicate value in a unique column; the detail names the column. Kind {@link
 * ErrorKind#UNIQUE_CONSTRAINT_VIOLATION}.
 */
public final class UniqueConstraintViolationException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public UniqueConstraintViolationException(String detail) {
    super(ErrorKind.UNIQUE_CONSTRAINT_VIOLATION, detail);
  }
}
