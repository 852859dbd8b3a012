package org.wasmdbms.api.error;

/**
 * A table name the schema does not know; the detail is the name. Kind {@link
 * ErrorKind#TABLE_NOT_FOUND}.
 */
public final class TableNotFoundException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public TableNotFoundException(String detail) {
    super(ErrorKind.TABLE_NOT_FOUND, detail);
  }
}
