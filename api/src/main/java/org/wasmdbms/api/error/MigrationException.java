package org.wasmdbms.api.error;

/**
 * A stored schema that differs from the compiled one, or a migration that cannot run. Kind {@link
 * ErrorKind#MIGRATION_ERROR}.
 */
public final class MigrationException extends DbmsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what went wrong
   */
  public MigrationException(String detail) {
    super(ErrorKind.MIGRATION_ERROR, detail);
  }
}
