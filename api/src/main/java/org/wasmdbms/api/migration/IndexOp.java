package org.wasmdbms.api.migration;

/**
 * Adds or drops a declared secondary index (WIT record {@code index-op}).
 *
 * @param table the table
 * @param index the index
 */
public record IndexOp(String table, IndexSnapshot index) {}
