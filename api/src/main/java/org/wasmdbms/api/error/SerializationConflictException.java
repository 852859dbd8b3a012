package org.wasmdbms.api.error;

/**
 * A snapshot-isolation transaction could not commit: a row it updated or deleted, or a key it
 * inserted, was changed or taken by another commit made after the transaction's snapshot. The first
 * committer wins; the losing transaction is finished and nothing of it is applied. Kind {@link
 * ErrorKind#SERIALIZATION_CONFLICT}.
 */
public final class SerializationConflictException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail the table and key whose change made the commit lose
   */
  public SerializationConflictException(String detail) {
    super(ErrorKind.SERIALIZATION_CONFLICT, detail);
  }
}
