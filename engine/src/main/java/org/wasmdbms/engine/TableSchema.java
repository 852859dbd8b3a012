package org.wasmdbms.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.migration.ColumnTransform;
import org.wasmdbms.api.rules.Sanitizer;
import org.wasmdbms.api.rules.Validator;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.Value;

/**
 * A table as the engine runs it: the stored {@link TableDef} plus the sanitizers and validators of
 * each column, which live in code and are not stored in the file.
 *
 * <p>For migrations it also carries the earlier names of each column ({@code @RenamedFrom}) and the
 * one-time transforms declared on it ({@code @Transform}).
 *
 * <p>Immutable, so it may be shared between threads. Rules are applied in the order given: every
 * sanitizer of a column, then every validator of it; they run inside a {@link Database} call, so
 * one database calls them from one thread at a time.
 */
public final class TableSchema {
  private final TableDef definition;
  private final List<List<Sanitizer<Value>>> sanitizers;
  private final List<List<Validator<Value>>> validators;
  private final List<List<String>> renamedFrom;
  private final List<List<NamedTransform>> transforms;
  private final List<String> columnNames;
  private final int primaryKeyIndex;

  private TableSchema(Builder builder) {
    this.definition = builder.definition;
    List<String> names = new ArrayList<>();
    for (ColumnDef column : definition.columns()) {
      names.add(column.name());
    }
    this.columnNames = List.copyOf(names);
    this.sanitizers = Builder.freeze(builder.sanitizers);
    this.validators = Builder.freeze(builder.validators);
    this.renamedFrom = Builder.freeze(builder.renamedFrom);
    this.transforms = Builder.freeze(builder.transforms);
    this.primaryKeyIndex = definition.primaryKeyIndex();
  }

  /**
   * A transform declared on a column.
   *
   * @param id its id, recorded in the file once it has run
   * @param function the function
   */
  public record NamedTransform(String id, ColumnTransform function) {}

  /** A schema for {@code definition} without sanitizers or validators. */
  public static TableSchema of(TableDef definition) {
    return builder(definition).build();
  }

  /** Starts a schema for {@code definition}, to which rules can be attached by column name. */
  public static Builder builder(TableDef definition) {
    return new Builder(definition);
  }

  /** The table definition. */
  public TableDef definition() {
    return definition;
  }

  /**
   * The names of the columns in order, one list shared by every row this table's writes return (a
   * row built column by column would copy them, for each inserted row).
   */
  public List<String> columnNames() {
    return columnNames;
  }

  /** The position of the primary-key column (kept: every write asks for it). */
  public int primaryKeyIndex() {
    return primaryKeyIndex;
  }

  /** The table name. */
  public String name() {
    return definition.name();
  }

  /** The sanitizers of the column at {@code index}, in order. */
  public List<Sanitizer<Value>> sanitizers(int index) {
    return sanitizers.get(index);
  }

  /** The validators of the column at {@code index}, in order. */
  public List<Validator<Value>> validators(int index) {
    return validators.get(index);
  }

  /** The earlier names of the column at {@code index}, in the order they are tried. */
  public List<String> renamedFrom(int index) {
    return renamedFrom.get(index);
  }

  /** The transforms declared on the column at {@code index}, in declaration order. */
  public List<NamedTransform> transforms(int index) {
    return transforms.get(index);
  }

  /** Attaches rules to columns. Not thread-safe. */
  public static final class Builder {
    private final TableDef definition;
    private final List<List<Sanitizer<Value>>> sanitizers = new ArrayList<>();
    private final List<List<Validator<Value>>> validators = new ArrayList<>();
    private final List<List<String>> renamedFrom = new ArrayList<>();
    private final List<List<NamedTransform>> transforms = new ArrayList<>();

    private Builder(TableDef definition) {
      this.definition = Objects.requireNonNull(definition, "definition");
      for (int i = 0; i < definition.columns().size(); i++) {
        sanitizers.add(new ArrayList<>());
        validators.add(new ArrayList<>());
        renamedFrom.add(new ArrayList<>());
        transforms.add(new ArrayList<>());
      }
    }

    /**
     * Declares that {@code column} was called {@code oldName} before, so that a migration renames
     * the stored column instead of dropping it and adding a new one.
     *
     * @throws IllegalArgumentException if the table has no such column
     */
    public Builder renamedFrom(String column, String oldName) {
      renamedFrom.get(indexOf(column)).add(Objects.requireNonNull(oldName, "oldName"));
      return this;
    }

    /**
     * Declares a one-time transform of {@code column}'s values, run by the migration that finds
     * {@code id} not yet recorded in the file.
     *
     * @throws IllegalArgumentException if the table has no such column
     */
    public Builder transform(String column, String id, ColumnTransform function) {
      transforms
          .get(indexOf(column))
          .add(
              new NamedTransform(
                  Objects.requireNonNull(id, "id"), Objects.requireNonNull(function, "function")));
      return this;
    }

    /**
     * Adds a sanitizer to {@code column}.
     *
     * @throws IllegalArgumentException if the table has no such column
     */
    public Builder sanitize(String column, Sanitizer<Value> sanitizer) {
      sanitizers.get(indexOf(column)).add(Objects.requireNonNull(sanitizer, "sanitizer"));
      return this;
    }

    /**
     * Adds a validator to {@code column}.
     *
     * @throws IllegalArgumentException if the table has no such column
     */
    public Builder validate(String column, Validator<Value> validator) {
      validators.get(indexOf(column)).add(Objects.requireNonNull(validator, "validator"));
      return this;
    }

    private int indexOf(String column) {
      int index = definition.columnIndex(column);
      if (index < 0) {
        throw new IllegalArgumentException(
            "table " + definition.name() + " has no column " + column);
      }
      return index;
    }

    /** The schema. */
    public TableSchema build() {
      return new TableSchema(this);
    }

    private static <T> List<List<T>> freeze(List<List<T>> perColumn) {
      List<List<T>> frozen = new ArrayList<>();
      for (List<T> rules : perColumn) {
        frozen.add(List.copyOf(rules));
      }
      return List.copyOf(frozen);
    }
  }
}
