package org.wasmdbms.api.error;

/** A sanitizer that could not transform its input. Kind {@link ErrorKind#SANITIZATION_ERROR}. */
public final class SanitizationException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public SanitizationException(String detail) {
    super(ErrorKind.SANITIZATION_ERROR, detail);
  }
}
