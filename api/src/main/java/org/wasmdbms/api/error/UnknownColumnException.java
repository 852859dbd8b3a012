package org.wasmdbms.api.error;

/**
 * A column name the table does not have; the detail is the name. Kind {@link
 * ErrorKind#UNKNOWN_COLUMN}.
 */
public final class UnknownColumnException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public UnknownColumnException(String detail) {
    super(ErrorKind.UNKNOWN_COLUMN, detail);
  }
}
