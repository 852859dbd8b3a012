package org.wasmdbms.api.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * A secondary index over one or more columns, in key order. That the columns exist is checked by
 * {@link TableDef}.
 *
 * @param name the index name, unique within its table
 * @param columns the indexed columns, at least one, no repeats (unmodifiable copy)
 * @param unique whether two rows may not share a key (rows with a null key column are exempt)
 */
public record IndexDef(String name, List<String> columns, boolean unique) {
  /**
   * Creates the definition.
   *
   * @throws InvalidQueryException if there is no column or a column repeats
   */
  public IndexDef {
    Identifiers.check("index name", name);
    columns = Collections.unmodifiableList(new ArrayList<>(columns));
    if (columns.isEmpty()) {
      throw new InvalidQueryException("index " + name + " has no columns");
    }
    for (int i = 0; i < columns.size(); i++) {
      Identifiers.check("indexed column name", columns.get(i));
      if (columns.indexOf(columns.get(i)) != i) {
        throw new InvalidQueryException(
            "index " + name + " lists column " + columns.get(i) + " twice");
      }
    }
  }
}
