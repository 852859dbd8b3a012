package org.wasmdbms.api.migration;

/**
 * Renames a column, keeping its values (WIT record {@code rename-column-op}).
 *
 * @param table the table
 * @param oldName the stored name (WIT field {@code old})
 * @param newName the name in code (WIT field {@code new})
 */
public record RenameColumnOp(String table, String oldName, String newName) {}
