package org.wasmdbms.api.error;

/**
 * A primary key value that another row already holds. Kind {@link ErrorKind#PRIMARY_KEY_CONFLICT}.
 */
public final class PrimaryKeyConflictException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public PrimaryKeyConflictException(String detail) {
    super(ErrorKind.PRIMARY_KEY_CONFLICT, detail);
  }
}
