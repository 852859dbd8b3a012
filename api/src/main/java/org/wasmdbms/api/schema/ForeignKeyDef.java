package org.wasmdbms.api.schema;

/**
 * A foreign key on one column: its values must exist in {@code column} of {@code table}. Whether
 * that table and column exist is checked against the whole schema by the engine. What deleting a
 * referenced row does is chosen per delete call ({@code DeleteBehavior}), as in the WIT interface,
 * not stored with the key.
 *
 * @param table the referenced table
 * @param column the referenced column
 */
public record ForeignKeyDef(String table, String column) {
  /** Creates the definition, checking both identifiers. */
  public ForeignKeyDef {
    Identifiers.check("referenced table name", table);
    Identifiers.check("referenced column name", column);
  }
}
