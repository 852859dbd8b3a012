package org.wasmdbms.api.migration;

/**
 * Creates a table (WIT record {@code create-table-op}).
 *
 * @param name the table name
 * @param schema its definition
 */
public record CreateTableOp(String name, TableSchemaSnapshot schema) {}
