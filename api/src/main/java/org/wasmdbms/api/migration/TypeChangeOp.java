package org.wasmdbms.api.migration;

import org.wasmdbms.api.value.DataType;

/**
 * Widens a column's type (WIT record {@code type-change-op}): to a wider integer of the same
 * signedness, from an unsigned integer to a wider signed one, or from {@code Float32} to {@code
 * Float64}. Every value keeps its number.
 *
 * @param table the table
 * @param column the column, by its name in code
 * @param oldType the stored type
 * @param newType the type in code
 */
public record TypeChangeOp(String table, String column, DataType oldType, DataType newType) {}
