package org.wasmdbms.guest.abi;

import org.wasmdbms.api.error.ErrorKind;

/**
 * The cases of the WIT {@code dbms-error} variant: which case number stands for each {@link
 * ErrorKind}, and which cases carry a detail string ({@code primary-key-conflict} and {@code
 * transaction-not-found} carry none).
 */
public final class WitErrors {
  private WitErrors() {}

  /** The discriminant of the {@code dbms-error} case for {@code kind}. */
  public static int caseOf(ErrorKind kind) {
    return switch (kind) {
      case TABLE_NOT_FOUND -> 0;
      case PRIMARY_KEY_CONFLICT -> 1;
      case UNIQUE_CONSTRAINT_VIOLATION -> 2;
      case BROKEN_FOREIGN_KEY_REFERENCE -> 3;
      case FOREIGN_KEY_CONSTRAINT_VIOLATION -> 4;
      case UNKNOWN_COLUMN -> 5;
      case MISSING_NON_NULLABLE_FIELD -> 6;
      case TRANSACTION_NOT_FOUND -> 7;
      case INVALID_QUERY -> 8;
      case CONSTRAINT_VIOLATION -> 9;
      case SANITIZATION_ERROR -> 10;
      case VALIDATION_ERROR -> 11;
      case MEMORY_ERROR -> 12;
      case MIGRATION_ERROR -> 13;
      case INTERNAL_ERROR -> 14;
    };
  }

  /** Whether the case for {@code kind} carries a detail string. */
  public static boolean carriesDetail(ErrorKind kind) {
    return kind != ErrorKind.PRIMARY_KEY_CONFLICT && kind != ErrorKind.TRANSACTION_NOT_FOUND;
  }
}
