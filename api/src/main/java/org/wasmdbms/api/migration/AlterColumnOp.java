package org.wasmdbms.api.migration;

/**
 * Changes a column's attributes (WIT record {@code alter-column-op}).
 *
 * @param table the table
 * @param column the column, by its name in code
 * @param changes what changes
 */
public record AlterColumnOp(String table, String column, ColumnChanges changes) {}
