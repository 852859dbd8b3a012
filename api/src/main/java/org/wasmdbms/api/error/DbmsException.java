package org.wasmdbms.api.error;

/**
 * The root of every failure the engine reports. Each concrete subclass stands for exactly one
 * {@link ErrorKind}, so callers may catch either the precise subclass or this type and switch on
 * {@link #kind()}.
 *
 * <p>Contract: an operation that throws a {@code DbmsException} has left the database unchanged.
 * The {@link #detail()} is a human-readable explanation meant for logs and error messages; it is
 * not a stable machine format.
 */
public abstract class DbmsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String detail;

  /**
   * Creates an exception of the given kind.
   *
   * @param kind the failure kind, never null
   * @param detail what went wrong, never null
   */
  protected DbmsException(ErrorKind kind, String detail) {
    super(kind.witName() + ": " + detail);
    this.kind = kind;
    this.detail = detail;
  }

  /** The kind of failure; one to one with a WIT {@code dbms-error} case. */
  public final ErrorKind kind() {
    return kind;
  }

  /** The explanation carried by the WIT case (for example the table or column name). */
  public final String detail() {
    return detail;
  }

  /**
   * Builds the exception subclass that stands for {@code kind}. Used where an error crosses a
   * boundary (the WIT interface) and must be rebuilt on the other side.
   *
   * @param kind the failure kind
   * @param detail the carried explanation
   * @return a new exception of the subclass for {@code kind}
   */
  public static DbmsException of(ErrorKind kind, String detail) {
    return switch (kind) {
      case TABLE_NOT_FOUND -> new TableNotFoundException(detail);
      case PRIMARY_KEY_CONFLICT -> new PrimaryKeyConflictException(detail);
      case UNIQUE_CONSTRAINT_VIOLATION -> new UniqueConstraintViolationException(detail);
      case BROKEN_FOREIGN_KEY_REFERENCE -> new BrokenForeignKeyReferenceException(detail);
      case FOREIGN_KEY_CONSTRAINT_VIOLATION -> new ForeignKeyConstraintViolationException(detail);
      case UNKNOWN_COLUMN -> new UnknownColumnException(detail);
      case MISSING_NON_NULLABLE_FIELD -> new MissingNonNullableFieldException(detail);
      case TRANSACTION_NOT_FOUND -> new TransactionNotFoundException(detail);
      case INVALID_QUERY -> new InvalidQueryException(detail);
      case CONSTRAINT_VIOLATION -> new ConstraintViolationException(detail);
      case SANITIZATION_ERROR -> new SanitizationException(detail);
      case VALIDATION_ERROR -> new ValidationException(detail);
      case MEMORY_ERROR -> new MemoryException(detail);
      case MIGRATION_ERROR -> new MigrationException(detail);
      case INTERNAL_ERROR -> new InternalDbmsException(detail);
      case SERIALIZATION_CONFLICT -> new SerializationConflictException(detail);
    };
  }
}
