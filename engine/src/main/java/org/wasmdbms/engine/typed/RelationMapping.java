package org.wasmdbms.engine.typed;

import java.util.List;
import org.wasmdbms.api.row.ColumnValue;
import org.wasmdbms.api.row.Row;

/**
 * The {@link TableMapping} of a table with foreign keys, which also builds its {@code
 * <Record>WithRelations} records from rows selected with its relations as eager relations (see
 * {@link TypedSession#selectWithRelations}). Implemented by the generated {@code <Name>Table}
 * classes of such tables; implementations are immutable singletons.
 *
 * @param <R> the record type
 * @param <W> the record-with-relations type
 */
public interface RelationMapping<R, W> extends TableMapping<R> {
  /** The foreign-key columns whose referenced rows the records with relations hold, in order. */
  List<String> relations();

  /**
   * The record with relations of {@code row}: the table's columns, then for each of {@link
   * #relations()} the referenced row's columns named {@code relation.column}.
   *
   * @throws org.wasmdbms.api.error.DbmsException as {@link #fromRow} does
   */
  W withRelations(Row row);

  /**
   * The record of {@code parent} that {@code row} holds under {@code relation.}, or null when the
   * foreign key is null or references no row visible to the reader (then every such column, the
   * primary key included, is null).
   *
   * @throws org.wasmdbms.api.error.DbmsException as {@link #fromRow} does
   */
  static <P> P related(Row row, String relation, TableMapping<P> parent) {
    String prefix = relation + ".";
    Row.Builder columns = Row.builder();
    for (ColumnValue column : row.columns()) {
      if (column.name().startsWith(prefix)) {
        columns.set(column.name().substring(prefix.length()), column.value());
      }
    }
    Row related = columns.build();
    String primaryKey = parent.schema().definition().primaryKey().name();
    return related.get(primaryKey) == null || related.get(primaryKey).isNull()
        ? null
        : parent.fromRow(related);
  }
}
