package org.wasmdbms.engine.typed;

import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.engine.TableSchema;

/**
 * Everything the engine needs to know about one table whose rows are Java records of type {@code
 * R}: its schema and the conversions between records and rows. Implemented by the generated {@code
 * <Name>Table} classes; implementations are immutable singletons, safe to share between threads.
 *
 * <p>Conversions follow the engine's values exactly (there is no second encoding): each column of
 * the table maps to one record field, and {@code fromRow(toRow(r))} equals {@code r}.
 *
 * @param <R> the record type
 */
public interface TableMapping<R> {
  /** The table definition with the sanitizers and validators of its columns. */
  TableSchema schema();

  /** The table name. */
  default String name() {
    return schema().name();
  }

  /**
   * Every column of {@code record}, in table order; a Java {@code null} becomes {@code Null}.
   *
   * @throws org.wasmdbms.api.error.DbmsException if a field holds a value the column type cannot
   *     represent
   */
  Row toRow(R record);

  /**
   * The record holding the columns of {@code row}, which must have every column of the table.
   *
   * @throws org.wasmdbms.api.error.InvalidQueryException if a column is missing or has a value of
   *     another type
   * @throws org.wasmdbms.api.error.MissingNonNullableFieldException if a field that cannot hold
   *     {@code null} gets {@code Null}
   */
  R fromRow(Row row);

  /**
   * An insert request holding the columns of {@code row}, which may be any subset of the table's
   * columns. Values are converted to the column types as the engine does.
   *
   * @throws org.wasmdbms.api.error.UnknownColumnException for a column the table lacks
   * @throws org.wasmdbms.api.error.InvalidQueryException for a column given twice or a value of
   *     another type
   * @throws org.wasmdbms.api.error.MissingNonNullableFieldException for {@code Null} in a field
   *     that cannot hold it
   */
  InsertRequest<R> insertRequest(Row row);

  /**
   * An update request that sets the columns of {@code values} in the rows matching {@code filter}
   * (null: every row). Checked as {@link #insertRequest(Row)} checks its row.
   */
  UpdateRequest<R> updateRequest(Row values, Filter filter);
}
