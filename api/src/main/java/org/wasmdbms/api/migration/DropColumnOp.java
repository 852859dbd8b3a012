package org.wasmdbms.api.migration;

/**
 * Drops a column and its values (WIT record {@code drop-column-op}).
 *
 * @param table the table
 * @param column the dropped column
 */
public record DropColumnOp(String table, String column) {}
