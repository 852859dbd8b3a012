package org.wasmdbms.api.migration;

import java.util.Optional;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Value;

/**
 * A column as a migration sees it (WIT record {@code column-snapshot}; {@link DataType} is the
 * variant {@code data-type-snapshot}). Immutable.
 *
 * @param name the column name
 * @param dataType the type
 * @param nullable whether it accepts {@code Null}
 * @param autoIncrement whether it is filled with the next integer
 * @param unique whether its values are unique
 * @param primaryKey whether it is the primary key
 * @param foreignKey the column it references, if any
 * @param defaultValue the value an insert that leaves it out gets, if any
 */
public record ColumnSnapshot(
    String name,
    DataType dataType,
    boolean nullable,
    boolean autoIncrement,
    boolean unique,
    boolean primaryKey,
    Optional<ForeignKeySnapshot> foreignKey,
    Optional<Value> defaultValue) {

  /** The snapshot of {@code column}. */
  public static ColumnSnapshot of(ColumnDef column) {
    return new ColumnSnapshot(
        column.name(),
        column.type(),
        column.nullable(),
        column.autoIncrement(),
        column.unique(),
        column.primaryKey(),
        column.foreignKey().map(fk -> new ForeignKeySnapshot(fk.table(), fk.column())),
        column.defaultValue());
  }
}
