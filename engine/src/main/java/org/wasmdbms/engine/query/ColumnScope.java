package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;

/**
 * The columns of the rows a select works on, and how names given in a query find them: one table's
 * columns, or for a joined select the columns of the select's table followed by those of each
 * joined table, in join order, each table's in its column order.
 *
 * <p>On one table a name is a column name. On a joined select a name is either qualified, {@code
 * table.column} (a table of the select, split at any dot, since names may hold dots), or bare, and
 * then means the first table, in select-then-join order, that has such a column. Result names are
 * the bare column names on one table and {@code table.column} on a joined select. Immutable.
 */
public final class ColumnScope {
  private final List<TableDef> tables;
  private final int[] offsets;
  private final int size;

  private ColumnScope(List<TableDef> tables) {
    this.tables = Collections.unmodifiableList(tables);
    this.offsets = new int[tables.size()];
    int next = 0;
    for (int t = 0; t < tables.size(); t++) {
      offsets[t] = next;
      next += tables.get(t).columns().size();
    }
    this.size = next;
  }

  /** The columns of one table, under their own names. */
  public static ColumnScope of(TableDef table) {
    return new ColumnScope(List.of(table));
  }

  /** This scope with the columns of {@code table} appended; every name becomes qualified. */
  public ColumnScope join(TableDef table) {
    List<TableDef> joined = new ArrayList<>(tables);
    joined.add(table);
    return new ColumnScope(joined);
  }

  /** The number of columns. */
  public int size() {
    return size;
  }

  /** The tables, the select's table first. */
  public List<TableDef> tables() {
    return tables;
  }

  /** The position of the first column of table number {@code table} (0 is the select's). */
  public int offset(int table) {
    return offsets[table];
  }

  /** Whether a table called {@code name} is part of the scope. */
  public boolean hasTable(String name) {
    return tableIndex(name) >= 0;
  }

  private int tableIndex(String name) {
    for (int t = 0; t < tables.size(); t++) {
      if (tables.get(t).name().equals(name)) {
        return t;
      }
    }
    return -1;
  }

  /** The position of the column {@code name} means, or -1 if there is none. */
  public int indexOf(String name) {
    int qualified = tables.size() > 1 ? qualifiedIndex(name) : -1;
    if (qualified >= 0) {
      return qualified;
    }
    for (int t = 0; t < tables.size(); t++) {
      int column = tables.get(t).columnIndex(name);
      if (column >= 0) {
        return offsets[t] + column;
      }
    }
    return -1;
  }

  /**
   * The position of the column {@code name} means.
   *
   * @throws UnknownColumnException if there is none
   */
  public int require(String name) {
    int index = indexOf(name);
    if (index < 0) {
      throw new UnknownColumnException(name);
    }
    return index;
  }

  /**
   * The position of the column {@code name} means read as {@code table.column}, split at any dot,
   * or -1 if there is none.
   */
  public int qualifiedIndex(String name) {
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      int column = qualified(name.substring(0, dot), name.substring(dot + 1));
      if (column >= 0) {
        return column;
      }
    }
    return -1;
  }

  private int qualified(String table, String column) {
    int t = tableIndex(table);
    int c = t < 0 ? -1 : tables.get(t).columnIndex(column);
    return c < 0 ? -1 : offsets[t] + c;
  }

  /** The definition of the column at {@code index}. */
  public ColumnDef column(int index) {
    int t = tableOf(index);
    return tables.get(t).columns().get(index - offsets[t]);
  }

  /** The number of the table the column at {@code index} belongs to (0 is the select's). */
  public int tableOf(int index) {
    int t = tables.size() - 1;
    while (offsets[t] > index) {
      t--;
    }
    return t;
  }

  /** The names of the columns in result rows, in order. */
  public List<String> names() {
    List<String> names = new ArrayList<>(size);
    boolean qualify = tables.size() > 1;
    for (TableDef table : tables) {
      for (ColumnDef column : table.columns()) {
        names.add(qualify ? table.name() + "." + column.name() : column.name());
      }
    }
    return names;
  }
}
