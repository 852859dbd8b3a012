package org.wasmdbms.api.error;

/**
 * A malformed request: wrong value type, malformed or too deep JSON, NaN in a filter, bad limit.
 * Kind {@link ErrorKind#INVALID_QUERY}.
 */
public final class InvalidQueryException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public InvalidQueryException(String detail) {
    super(ErrorKind.INVALID_QUERY, detail);
  }
}
