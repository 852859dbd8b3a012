package org.wasmdbms.api.schema;

import java.util.Objects;

/**
 * A foreign key on one column: its values must exist in {@code column} of {@code table}. Whether
 * that table and column exist is checked against the whole schema by the engine.
 *
 * @param table the referenced table
 * @param column the referenced column
 * @param onDelete what deleting a referenced row does
 */
public record ForeignKeyDef(String table, String column, OnDelete onDelete) {
  /** Creates the definition, checking both identifiers. */
  public ForeignKeyDef {
    Identifiers.check("referenced table name", table);
    Identifiers.check("referenced column name", column);
    Objects.requireNonNull(onDelete, "onDelete");
  }
}
