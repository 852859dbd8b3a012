package org.wasmdbms.api.schema;

import java.util.Objects;
import java.util.Optional;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Value;

/**
 * One column of a table. Build with {@link #builder(String, DataType)}.
 *
 * <p>Rules checked on construction: the name is a valid identifier ({@link Identifiers}); a
 * primary-key column is not nullable; autoincrement is only for integer columns and excludes a
 * default; a default has exactly the column's type, or is {@code Null} on a nullable column.
 *
 * @param name the column name
 * @param type the data type
 * @param nullable whether the column accepts {@code Null}
 * @param primaryKey whether this is the table's primary key
 * @param unique whether values must be unique (nulls exempt)
 * @param autoIncrement whether inserts that leave it out get the next integer
 * @param defaultValue the value an insert that leaves the column out gets, if any
 * @param foreignKey the column this one references, if any
 */
public record ColumnDef(
    String name,
    DataType type,
    boolean nullable,
    boolean primaryKey,
    boolean unique,
    boolean autoIncrement,
    Optional<Value> defaultValue,
    Optional<ForeignKeyDef> foreignKey) {

  /**
   * Creates the definition.
   *
   * @throws org.wasmdbms.api.error.ConstraintViolationException if the name is empty or too long
   * @throws InvalidQueryException if another rule above is broken
   */
  public ColumnDef {
    Identifiers.check("column name", name);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(foreignKey, "foreignKey");
    if (primaryKey && nullable) {
      throw new InvalidQueryException("primary key column " + name + " cannot be nullable");
    }
    if (autoIncrement && !type.isInteger()) {
      throw new InvalidQueryException(
          "autoincrement column " + name + " must have an integer type, not " + type.wireName());
    }
    if (autoIncrement && defaultValue.isPresent()) {
      throw new InvalidQueryException(
          "autoincrement column " + name + " cannot also have a default");
    }
    if (defaultValue.isPresent()) {
      Value d = defaultValue.get();
      if (d.isNull() ? !nullable : d.type() != type) {
        throw new InvalidQueryException(
            "default of column "
                + name
                + " must be a "
                + type.wireName()
                + (nullable ? " or Null" : "")
                + ", got "
                + (d.isNull() ? "Null" : d.type().wireName()));
      }
    }
  }

  /** Starts a column that is not nullable and has no other attribute. */
  public static Builder builder(String name, DataType type) {
    return new Builder(name, type);
  }

  /** A mutable builder of {@link ColumnDef}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final DataType type;
    private boolean nullable;
    private boolean primaryKey;
    private boolean unique;
    private boolean autoIncrement;
    private Value defaultValue;
    private ForeignKeyDef foreignKey;

    private Builder(String name, DataType type) {
      this.name = name;
      this.type = type;
    }

    /** Lets the column hold {@code Null}. */
    public Builder nullable() {
      nullable = true;
      return this;
    }

    /** Makes the column the primary key. */
    public Builder primaryKey() {
      primaryKey = true;
      return this;
    }

    /** Makes the column's values unique. */
    public Builder unique() {
      unique = true;
      return this;
    }

    /** Fills the column with the next integer when an insert leaves it out. */
    public Builder autoIncrement() {
      autoIncrement = true;
      return this;
    }

    /** Sets the value used when an insert leaves the column out. */
    public Builder defaultValue(Value value) {
      defaultValue = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Makes the column a foreign key to {@code column} of {@code table}. */
    public Builder references(String table, String column) {
      foreignKey = new ForeignKeyDef(table, column);
      return this;
    }

    /**
     * Builds the column.
     *
     * @throws org.wasmdbms.api.error.DbmsException as the {@link ColumnDef} constructor does
     */
    public ColumnDef build() {
      return new ColumnDef(
          name,
          type,
          nullable,
          primaryKey,
          unique,
          autoIncrement,
          Optional.ofNullable(defaultValue),
          Optional.ofNullable(foreignKey));
    }
  }
}
