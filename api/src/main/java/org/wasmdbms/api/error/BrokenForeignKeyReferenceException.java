package org.wasmdbms.api.error;

/**
 * A foreign key value whose parent row does not exist. Kind {@link
 * ErrorKind#BROKEN_FOREIGN_KEY_REFERENCE}.
 */
public final class BrokenForeignKeyReferenceException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public BrokenForeignKeyReferenceException(String detail) {
    super(ErrorKind.BROKEN_FOREIGN_KEY_REFERENCE, detail);
  }
}
