package org.wasmdbms.api.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.RowCodec;

/**
 * A table: its name, columns in storage order, and secondary indexes. Build with {@link
 * #builder(String)}.
 *
 * <p>Rules checked on construction: the name is a valid identifier; there is at least one column
 * and at most {@link RowCodec#MAX_COLUMNS}; column names are distinct; exactly one column is the
 * primary key; index names are distinct and every indexed column exists.
 *
 * @param name the table name
 * @param columns the columns in storage order (unmodifiable copy)
 * @param indexes the secondary indexes (unmodifiable copy, possibly empty)
 */
public record TableDef(String name, List<ColumnDef> columns, List<IndexDef> indexes) {
  /**
   * Creates the definition.
   *
   * @throws ConstraintViolationException if the name is empty or too long, or there are too many
   *     columns
   * @throws UnknownColumnException if an index names a column the table does not have
   * @throws InvalidQueryException if another rule above is broken
   */
  public TableDef {
    Identifiers.check("table name", name);
    // List.copyOf: one array behind the list, so the many get(i) per row of every write are one
    // indexed load, not a wrapper's call into another list.
    columns = List.copyOf(columns);
    indexes = List.copyOf(indexes);
    if (columns.isEmpty()) {
      throw new InvalidQueryException("table " + name + " has no columns");
    }
    if (columns.size() > RowCodec.MAX_COLUMNS) {
      throw new ConstraintViolationException(
          "table " + name + " has more than " + RowCodec.MAX_COLUMNS + " columns");
    }
    Set<String> columnNames = new HashSet<>();
    int primaryKeys = 0;
    for (ColumnDef c : columns) {
      if (!columnNames.add(c.name())) {
        throw new InvalidQueryException("table " + name + " has two columns named " + c.name());
      }
      primaryKeys += c.primaryKey() ? 1 : 0;
    }
    if (primaryKeys != 1) {
      throw new InvalidQueryException(
          "table " + name + " needs exactly one primary key column, has " + primaryKeys);
    }
    Set<String> indexNames = new HashSet<>();
    for (IndexDef index : indexes) {
      if (!indexNames.add(index.name())) {
        throw new InvalidQueryException("table " + name + " has two indexes named " + index.name());
      }
      for (String column : index.columns()) {
        if (!columnNames.contains(column)) {
          throw new UnknownColumnException(column);
        }
      }
    }
  }

  private static int indexOf(List<ColumnDef> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The position of the named column, or -1 if the table has none. */
  public int columnIndex(String column) {
    return indexOf(columns, column);
  }

  /**
   * The named column.
   *
   * @throws UnknownColumnException if the table has no such column
   */
  public ColumnDef column(String column) {
    int i = indexOf(columns, column);
    if (i < 0) {
      throw new UnknownColumnException(column);
    }
    return columns.get(i);
  }

  /** The position of the primary-key column. */
  public int primaryKeyIndex() {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).primaryKey()) {
        return i;
      }
    }
    throw new IllegalStateException("validated table without primary key");
  }

  /** The primary-key column. */
  public ColumnDef primaryKey() {
    return columns.get(primaryKeyIndex());
  }

  /** The column types in storage order, as {@link RowCodec} needs them. */
  public List<DataType> columnTypes() {
    List<DataType> types = new ArrayList<>(columns.size());
    for (ColumnDef c : columns) {
      types.add(c.type());
    }
    return List.copyOf(types);
  }

  /** Starts a table with no columns and no indexes. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A mutable builder of {@link TableDef}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<ColumnDef> columns = new ArrayList<>();
    private final List<IndexDef> indexes = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Appends a column. */
    public Builder column(ColumnDef column) {
      columns.add(column);
      return this;
    }

    /** Appends a column built from {@code column}. */
    public Builder column(ColumnDef.Builder column) {
      return column(column.build());
    }

    /** Adds a secondary index over {@code columns}, in key order. */
    public Builder index(String indexName, boolean unique, String... columns) {
      List<String> list = new ArrayList<>(columns.length);
      for (String c : columns) {
        list.add(c);
      }
      indexes.add(new IndexDef(indexName, list, unique));
      return this;
    }

    /**
     * Builds the table.
     *
     * @throws org.wasmdbms.api.error.DbmsException as the {@link TableDef} constructor does
     */
    public TableDef build() {
      return new TableDef(name, columns, indexes);
    }
  }
}
