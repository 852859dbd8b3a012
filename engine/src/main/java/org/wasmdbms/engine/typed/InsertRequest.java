package org.wasmdbms.engine.typed;

import org.wasmdbms.api.row.Row;

/**
 * A row to insert into one table, built by a generated {@code <Name>Insert} builder. Columns it
 * leaves out get their default, their autoincrement value or {@code Null}, as the engine decides.
 * Generated requests are immutable and may be shared between threads; their builders may not.
 *
 * @param <R> the record type of the table
 */
public interface InsertRequest<R> {
  /** The table the row goes into. */
  TableMapping<R> table();

  /** The columns set by the request, in table order. */
  Row row();
}
