package org.wasmdbms.api.migration;

/**
 * A foreign key as a migration sees it (WIT record {@code foreign-key-snapshot}).
 *
 * @param table the referenced table
 * @param column the referenced column
 */
public record ForeignKeySnapshot(String table, String column) {}
