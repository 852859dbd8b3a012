package org.wasmdbms.engine.data;

import java.util.List;
import org.wasmdbms.engine.TableSchema;

/**
 * All tables of a database as one reader sees them (see {@link TableData}), plus the schema facts
 * that writes need.
 */
public interface Tables {
  /**
   * The data of table {@code name}.
   *
   * @throws org.wasmdbms.api.error.TableNotFoundException if no such table is registered
   */
  TableData table(String name);

  /**
   * Every (table, column) pair whose foreign key references {@code table}, in registration order.
   */
  List<Reference> referencesTo(String table);

  /**
   * A foreign-key column of another (or the same) table that references a column of this one.
   *
   * @param child the referencing table
   * @param column the index of the foreign-key column in {@code child}
   * @param parentColumn the index of the referenced column in the parent table
   */
  record Reference(TableSchema child, int column, int parentColumn) {}
}
