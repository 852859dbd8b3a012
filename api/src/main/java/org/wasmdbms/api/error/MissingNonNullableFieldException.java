package org.wasmdbms.api.error;

/**
 * A non-nullable column without a default left out of an insert; the detail names it. Kind {@link
 * ErrorKind#MISSING_NON_NULLABLE_FIELD}.
 */
public final class MissingNonNullableFieldException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public MissingNonNullableFieldException(String detail) {
    super(ErrorKind.MISSING_NON_NULLABLE_FIELD, detail);
  }
}
