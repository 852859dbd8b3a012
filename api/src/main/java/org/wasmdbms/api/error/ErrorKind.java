package org.wasmdbms.api.error;

/**
 * The closed set of failure kinds. Each kind is one case of the WIT {@code dbms-error} variant, and
 * {@link #witName()} is that case's name, so the guest and the host translate errors without a
 * lookup table of their own.
 */
public enum ErrorKind {
  /** A table name that the schema does not know. */
  TABLE_NOT_FOUND("table-not-found"),
  /** A row whose primary key is already taken. */
  PRIMARY_KEY_CONFLICT("primary-key-conflict"),
  /** A value already present in a unique column. */
  UNIQUE_CONSTRAINT_VIOLATION("unique-constraint-violation"),
  /** A foreign key that points to a parent row that does not exist. */
  BROKEN_FOREIGN_KEY_REFERENCE("broken-foreign-key-reference"),
  /** A restrict delete (or key change) of a row that other rows still reference. */
  FOREIGN_KEY_CONSTRAINT_VIOLATION("foreign-key-constraint-violation"),
  /** A column name that the table does not have, in a row, filter, order or join. */
  UNKNOWN_COLUMN("unknown-column"),
  /** An insert that leaves out a column that is neither nullable nor defaulted. */
  MISSING_NON_NULLABLE_FIELD("missing-non-nullable-field"),
  /** A transaction id that is unknown or already finished. */
  TRANSACTION_NOT_FOUND("transaction-not-found"),
  /** A malformed request: wrong value type, bad JSON, NaN in a filter, bad limit. */
  INVALID_QUERY("invalid-query"),
  /** A value, record or identifier that exceeds a limit. */
  CONSTRAINT_VIOLATION("constraint-violation"),
  /** A sanitizer that refused its input. */
  SANITIZATION_ERROR("sanitization-error"),
  /** A validator that refused a value. */
  VALIDATION_ERROR("validation-error"),
  /** Storage failures: corrupt or foreign file, checksum, out of space, closed, locked. */
  MEMORY_ERROR("memory-error"),
  /** A stored schema that differs from the compiled one, or a failed migration. */
  MIGRATION_ERROR("migration-error"),
  /** A defect in the engine itself. Never a trap: bugs surface as this kind. */
  INTERNAL_ERROR("internal-error"),
  /**
   * A snapshot-isolation transaction whose commit lost to another commit made after its snapshot
   * (first committer wins). Last, so that the older kinds keep their WIT discriminants.
   */
  SERIALIZATION_CONFLICT("serialization-conflict");

  private final String witName;

  ErrorKind(String witName) {
    this.witName = witName;
  }

  /** The name of the matching case in the WIT {@code dbms-error} variant. */
  public String witName() {
    return witName;
  }
}
