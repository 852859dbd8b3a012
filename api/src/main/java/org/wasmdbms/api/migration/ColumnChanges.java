package org.wasmdbms.api.migration;

import java.util.Optional;

/**
 * What an {@code alter-column} step changes (WIT record {@code column-changes}); an empty field is
 * unchanged. Immutable.
 *
 * @param nullable the new nullability
 * @param unique the new uniqueness
 * @param autoIncrement the new autoincrement flag
 * @param defaultValue the change of the default
 * @param foreignKey the change of the foreign key
 */
public record ColumnChanges(
    Optional<Boolean> nullable,
    Optional<Boolean> unique,
    Optional<Boolean> autoIncrement,
    Optional<DefaultChange> defaultValue,
    Optional<ForeignKeyChange> foreignKey) {

  /** No change at all. */
  public static final ColumnChanges NONE =
      new ColumnChanges(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
