package org.wasmdbms.api.error;

/**
 * A restrict delete or key change of a row still referenced by others. Kind {@link
 * ErrorKind#FOREIGN_KEY_CONSTRAINT_VIOLATION}.
 */
public final class ForeignKeyConstraintViolationException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public ForeignKeyConstraintViolationException(String detail) {
    super(ErrorKind.FOREIGN_KEY_CONSTRAINT_VIOLATION, detail);
  }
}
