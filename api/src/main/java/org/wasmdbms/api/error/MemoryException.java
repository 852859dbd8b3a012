package org.wasmdbms.api.error;

/**
 * A storage failure: corrupt or foreign file, checksum mismatch, out of space, closed or locked
 * database. Kind {@link ErrorKind#MEMORY_ERROR}.
 */
public final class MemoryException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public MemoryException(String detail) {
    super(ErrorKind.MEMORY_ERROR, detail);
  }
}
