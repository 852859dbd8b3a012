package org.wasmdbms.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.migration.AddColumnOp;
import org.wasmdbms.api.migration.AlterColumnOp;
import org.wasmdbms.api.migration.ColumnChanges;
import org.wasmdbms.api.migration.ColumnSnapshot;
import org.wasmdbms.api.migration.CreateTableOp;
import org.wasmdbms.api.migration.DefaultChange;
import org.wasmdbms.api.migration.DropColumnOp;
import org.wasmdbms.api.migration.ForeignKeyChange;
import org.wasmdbms.api.migration.ForeignKeySnapshot;
import org.wasmdbms.api.migration.IndexOp;
import org.wasmdbms.api.migration.IndexSnapshot;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.RenameColumnOp;
import org.wasmdbms.api.migration.TableSchemaSnapshot;
import org.wasmdbms.api.migration.TransformOp;
import org.wasmdbms.api.migration.TypeChangeOp;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.TextValue;

/**
 * {@link MigrationAbi#lowerOps} then {@link MigrationAbi#liftOps} gives back every kind of step
 * with every optional part present and absent, and the cases sit at the WIT file's discriminants.
 */
class MigrationAbiTest {
  private final ByteMemory memory = new ByteMemory();

  private static final ColumnSnapshot ID =
      new ColumnSnapshot(
          "id", DataType.UINT32, false, true, true, true, Optional.empty(), Optional.empty());
  private static final ColumnSnapshot OWNER =
      new ColumnSnapshot(
          "owner",
          DataType.UINT32,
          true,
          false,
          false,
          false,
          Optional.of(new ForeignKeySnapshot("users", "id")),
          Optional.of(new Int64Value(-7)));
  private static final IndexSnapshot INDEX = new IndexSnapshot(List.of("owner", "id"), true);

  /** One step of every kind, in the WIT case order. */
  static final List<MigrationOp> EVERY_KIND =
      List.of(
          new MigrationOp.CreateTable(
              new CreateTableOp(
                  "tags",
                  new TableSchemaSnapshot("tags", "id", List.of(ID, OWNER), List.of(INDEX)))),
          new MigrationOp.DropTable("old"),
          new MigrationOp.AddColumn(new AddColumnOp("users", OWNER)),
          new MigrationOp.DropColumn(new DropColumnOp("users", "age")),
          new MigrationOp.RenameColumn(new RenameColumnOp("users", "mail", "email")),
          new MigrationOp.AlterColumn(
              new AlterColumnOp(
                  "users",
                  "email",
                  new ColumnChanges(
                      Optional.of(false),
                      Optional.of(true),
                      Optional.empty(),
                      Optional.of(new DefaultChange.Set(new TextValue("x"))),
                      Optional.of(new ForeignKeyChange.Set(new ForeignKeySnapshot("a", "b")))))),
          new MigrationOp.AlterColumn(
              new AlterColumnOp(
                  "users",
                  "name",
                  new ColumnChanges(
                      Optional.empty(),
                      Optional.empty(),
                      Optional.of(true),
                      Optional.of(new DefaultChange.Drop()),
                      Optional.of(new ForeignKeyChange.Drop())))),
          new MigrationOp.WidenColumn(
              new TypeChangeOp("users", "age", DataType.UINT8, DataType.INT16)),
          new MigrationOp.TransformColumn(new TransformOp("users", "email", "lowercase-emails")),
          new MigrationOp.AddIndex(new IndexOp("users", INDEX)),
          new MigrationOp.DropIndex(new IndexOp("users", new IndexSnapshot(List.of(), false))));

  @Test
  void everyKindOfStepRoundTripsAtItsWitCase() {
    int at = memory.writer.allocate(8, 4);
    MigrationAbi.lowerOps(memory.writer, at, EVERY_KIND);
    int elements = memory.reader.i32(at);
    int[] expectedCases = {0, 1, 2, 3, 4, 5, 5, 6, 7, 8, 9};
    for (int i = 0; i < expectedCases.length; i++) {
      assertEquals(
          expectedCases[i], memory.reader.u8(elements + i * DbmsTypes.MIGRATION_OP.size()));
    }
    assertEquals(EVERY_KIND, MigrationAbi.liftOps(memory.reader, at));
  }

  @Test
  void everyColumnTypeRoundTripsAtItsWitCase() {
    for (int i = 0; i < DbmsTypes.DATA_TYPES.size(); i++) {
      DataType type = DbmsTypes.DATA_TYPES.get(i);
      List<MigrationOp> widen =
          List.of(new MigrationOp.WidenColumn(new TypeChangeOp("t", "c", type, type)));
      int at = memory.writer.allocate(8, 4);
      MigrationAbi.lowerOps(memory.writer, at, widen);
      int payload = memory.reader.i32(at) + DbmsTypes.MIGRATION_OP.payloadOffset();
      assertEquals(i, memory.reader.u8(payload + DbmsTypes.TYPE_CHANGE_OP.fieldOffset(2)));
      assertEquals(widen, MigrationAbi.liftOps(memory.reader, at));
    }
    assertEquals(DataType.values().length, DbmsTypes.DATA_TYPES.size());
  }

  @Test
  void recordsThatShareAPositionShareItsOffset() {
    for (WitType record :
        List.of(
            DbmsTypes.ADD_COLUMN_OP,
            DbmsTypes.DROP_COLUMN_OP,
            DbmsTypes.RENAME_COLUMN_OP,
            DbmsTypes.ALTER_COLUMN_OP,
            DbmsTypes.TYPE_CHANGE_OP,
            DbmsTypes.TRANSFORM_OP,
            DbmsTypes.INDEX_OP,
            DbmsTypes.FOREIGN_KEY_SNAPSHOT,
            DbmsTypes.CREATE_TABLE_OP)) {
      assertEquals(8, record.fieldOffset(1), record.name());
      if (record.parts().size() > 2) {
        assertEquals(16, record.fieldOffset(2), record.name());
      }
    }
    assertEquals(MigrationOp.Kind.values().length, DbmsTypes.MIGRATION_OP_KINDS.size());
  }
}
