package org.wasmdbms.api.error;

/**
 * A defect in the engine; reported instead of trapping or crashing. Kind {@link
 * ErrorKind#INTERNAL_ERROR}.
 */
public final class InternalDbmsException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public InternalDbmsException(String detail) {
    super(ErrorKind.INTERNAL_ERROR, detail);
  }
}
