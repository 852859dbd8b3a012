package org.wasmdbms.api.migration;

/** A change of a column's foreign key (WIT variant {@code foreign-key-change}). */
public sealed interface ForeignKeyChange {
  /** The column no longer references anything. */
  record Drop() implements ForeignKeyChange {}

  /**
   * The column now references {@code foreignKey}.
   *
   * @param foreignKey the referenced column
   */
  record Set(ForeignKeySnapshot foreignKey) implements ForeignKeyChange {}
}
