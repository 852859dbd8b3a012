package org.wasmdbms.engine.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.TableSchema;

/** How a record with relations finds its referenced record among a row's eager columns. */
class RelationMappingTest {
  /** Users as their rows: fromRow returns the row it is given. */
  private static final TableMapping<Row> USERS =
      new TableMapping<>() {
        private final TableSchema schema =
            TableSchema.of(
                TableDef.builder("users")
                    .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                    .column(ColumnDef.builder("name", DataType.TEXT).nullable())
                    .build());

        @Override
        public TableSchema schema() {
          return schema;
        }

        @Override
        public Row toRow(Row record) {
          return record;
        }

        @Override
        public Row fromRow(Row row) {
          return row;
        }

        @Override
        public InsertRequest<Row> insertRequest(Row row) {
          throw new UnsupportedOperationException();
        }

        @Override
        public UpdateRequest<Row> updateRequest(Row values, Filter filter) {
          throw new UnsupportedOperationException();
        }
      };

  @Test
  void theRelatedRecordHoldsTheColumnsUnderTheRelationsPrefixWithoutIt() {
    Row row =
        Row.builder()
            .set("id", new Uint32Value(7))
            .set("author", new Uint32Value(1))
            .set("author.id", new Uint32Value(1))
            .set("author.name", new TextValue("Alice"))
            .set("editor.id", null)
            .set("editor.name", null)
            .build();
    assertEquals(
        Row.builder().set("id", new Uint32Value(1)).set("name", new TextValue("Alice")).build(),
        RelationMapping.related(row, "author", USERS));
    assertNull(RelationMapping.related(row, "editor", USERS), "a null key has no record");
    assertNull(RelationMapping.related(row, "reviewer", USERS), "a relation the row lacks");
  }
}
