package org.wasmdbms.api.error;

/** A validator that rejected a value. Kind {@link ErrorKind#VALIDATION_ERROR}. */
public final class ValidationException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public ValidationException(String detail) {
    super(ErrorKind.VALIDATION_ERROR, detail);
  }
}
