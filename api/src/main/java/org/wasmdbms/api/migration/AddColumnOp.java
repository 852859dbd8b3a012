package org.wasmdbms.api.migration;

/**
 * Adds a column, filled with its default or {@code Null} (WIT record {@code add-column-op}).
 *
 * @param table the table
 * @param column the new column
 */
public record AddColumnOp(String table, ColumnSnapshot column) {}
