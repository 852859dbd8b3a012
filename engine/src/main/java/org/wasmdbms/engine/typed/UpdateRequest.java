package org.wasmdbms.engine.typed;

import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.row.Row;

/**
 * An update of one table, built by a generated {@code <Name>Update} builder: the columns it sets
 * (only those) and the filter choosing the rows. Generated requests are immutable and may be shared
 * between threads; their builders may not.
 *
 * @param <R> the record type of the table
 */
public interface UpdateRequest<R> {
  /** The table updated. */
  TableMapping<R> table();

  /** The columns to set and their new values. */
  Row values();

  /** The rows to update, or null for every row. */
  Filter filter();
}
