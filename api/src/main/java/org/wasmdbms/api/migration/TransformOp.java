package org.wasmdbms.api.migration;

/**
 * Runs a declared {@link ColumnTransform} over a column (WIT record {@code transform-op}).
 *
 * @param table the table
 * @param column the column, by its name in code
 * @param id the transform's id, recorded in the file once it has run
 */
public record TransformOp(String table, String column, String id) {}
