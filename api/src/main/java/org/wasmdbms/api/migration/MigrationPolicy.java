package org.wasmdbms.api.migration;

/**
 * What a migration may do (WIT record {@code migration-policy}).
 *
 * @param allowDestructive whether dropping a table or a column, and so losing its data, is allowed
 */
public record MigrationPolicy(boolean allowDestructive) {
  /** Refuses destructive steps. */
  public static final MigrationPolicy SAFE = new MigrationPolicy(false);

  /** Allows every step. */
  public static final MigrationPolicy DESTRUCTIVE = new MigrationPolicy(true);
}
