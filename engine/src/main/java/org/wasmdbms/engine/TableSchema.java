package org.wasmdbms.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.rules.Sanitizer;
import org.wasmdbms.api.rules.Validator;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.Value;

/**
 * A table as the engine runs it: the stored {@link TableDef} plus the sanitizers and validators of
 * each column, which live in code and are not stored in the file.
 *
 * <p>Immutable, so it may be shared between threads. Rules are applied in the order given: every
 * sanitizer of a column, then every validator of it; they run inside a {@link Database} call, so
 * one database calls them from one thread at a time.
 */
public final class TableSchema {
  private final TableDef definition;
  private final List<List<Sanitizer<Value>>> sanitizers;
  private final List<List<Validator<Value>>> validators;

  private TableSchema(
      TableDef definition,
      List<List<Sanitizer<Value>>> sanitizers,
      List<List<Validator<Value>>> validators) {
    this.definition = definition;
    this.sanitizers = sanitizers;
    this.validators = validators;
  }

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

  /** Attaches rules to columns. Not thread-safe. */
  public static final class Builder {
    private final TableDef definition;
    private final List<List<Sanitizer<Value>>> sanitizers = new ArrayList<>();
    private final List<List<Validator<Value>>> validators = new ArrayList<>();

    private Builder(TableDef definition) {
      this.definition = Objects.requireNonNull(definition, "definition");
      for (int i = 0; i < definition.columns().size(); i++) {
        sanitizers.add(new ArrayList<>());
        validators.add(new ArrayList<>());
      }
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
      return new TableSchema(definition, freeze(sanitizers), freeze(validators));
    }

    private static <T> List<List<T>> freeze(List<List<T>> perColumn) {
      List<List<T>> frozen = new ArrayList<>();
      for (List<T> rules : perColumn) {
        frozen.add(List.copyOf(rules));
      }
      return Collections.unmodifiableList(frozen);
    }
  }
}
