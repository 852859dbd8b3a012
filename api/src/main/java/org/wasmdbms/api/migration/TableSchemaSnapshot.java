package org.wasmdbms.api.migration;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.schema.TableDef;

/**
 * A table as a migration sees it (WIT record {@code table-schema-snapshot}). Immutable.
 *
 * @param name the table name
 * @param primaryKey the name of the primary-key column
 * @param columns the columns in storage order (unmodifiable copy)
 * @param indexes the declared secondary indexes (unmodifiable copy)
 */
public record TableSchemaSnapshot(
    String name, String primaryKey, List<ColumnSnapshot> columns, List<IndexSnapshot> indexes) {
  /** Creates the snapshot. */
  public TableSchemaSnapshot {
    columns = List.copyOf(columns);
    indexes = List.copyOf(indexes);
  }

  /** The snapshot of {@code table}. */
  public static TableSchemaSnapshot of(TableDef table) {
    List<ColumnSnapshot> columns = new ArrayList<>();
    for (ColumnDef column : table.columns()) {
      columns.add(ColumnSnapshot.of(column));
    }
    List<IndexSnapshot> indexes = new ArrayList<>();
    for (IndexDef index : table.indexes()) {
      indexes.add(new IndexSnapshot(index.columns(), index.unique()));
    }
    return new TableSchemaSnapshot(table.name(), table.primaryKey().name(), columns, indexes);
  }
}
