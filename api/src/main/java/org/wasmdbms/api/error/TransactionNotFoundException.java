package org.wasmdbms.api.error;

/**
 * A transaction id that is unknown or already committed or rolled back. Kind {@link
 * ErrorKind#TRANSACTION_NOT_FOUND}.
 */
public final class TransactionNotFoundException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public TransactionNotFoundException(String detail) {
    super(ErrorKind.TRANSACTION_NOT_FOUND, detail);
  }
}
