package org.wasmdbms.wit;

import static org.wasmdbms.wit.DbmsTypes.ADD_COLUMN_OP;
import static org.wasmdbms.wit.DbmsTypes.ALTER_COLUMN_OP;
import static org.wasmdbms.wit.DbmsTypes.COLUMN_CHANGES;
import static org.wasmdbms.wit.DbmsTypes.COLUMN_SNAPSHOT;
import static org.wasmdbms.wit.DbmsTypes.CREATE_TABLE_OP;
import static org.wasmdbms.wit.DbmsTypes.DATA_TYPES;
import static org.wasmdbms.wit.DbmsTypes.DATA_TYPE_SNAPSHOT;
import static org.wasmdbms.wit.DbmsTypes.DEFAULT_CHANGE;
import static org.wasmdbms.wit.DbmsTypes.FOREIGN_KEY_CHANGE;
import static org.wasmdbms.wit.DbmsTypes.INDEX_SNAPSHOT;
import static org.wasmdbms.wit.DbmsTypes.MIGRATION_OP;
import static org.wasmdbms.wit.DbmsTypes.MIGRATION_OP_KINDS;
import static org.wasmdbms.wit.DbmsTypes.TABLE_SCHEMA_SNAPSHOT;
import static org.wasmdbms.wit.DbmsTypes.TYPE_CHANGE_OP;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.api.migration.RenameColumnOp;
import org.wasmdbms.api.migration.TableSchemaSnapshot;
import org.wasmdbms.api.migration.TransformOp;
import org.wasmdbms.api.migration.TypeChangeOp;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Value;

/**
 * Lowers and lifts {@code list<migration-op>}, the result of {@code pending-migrations}, with the
 * layouts of {@link DbmsTypes}: the guest lowers the engine's plan, the host lifts it back into the
 * api's {@link MigrationOp}s; and lowers the host's {@code migration-policy}. Records of two
 * strings ({@code drop-column-op}, {@code foreign-key-snapshot}) and of three ({@code
 * rename-column-op}, {@code transform-op}) share their layout, so one offset serves each position.
 * Both directions sit side by side so that each field is written and read at the same offset;
 * stateless.
 */
public final class MigrationAbi {
  private static final int OP_PAYLOAD = MIGRATION_OP.payloadOffset();
  private static final int SECOND = ADD_COLUMN_OP.fieldOffset(1);
  private static final int THIRD = ALTER_COLUMN_OP.fieldOffset(2);
  private static final int FOURTH = TYPE_CHANGE_OP.fieldOffset(3);

  private static final int TABLE_PRIMARY_KEY = TABLE_SCHEMA_SNAPSHOT.fieldOffset(1);
  private static final int TABLE_COLUMNS = TABLE_SCHEMA_SNAPSHOT.fieldOffset(2);
  private static final int TABLE_INDEXES = TABLE_SCHEMA_SNAPSHOT.fieldOffset(3);
  private static final int CREATE_SCHEMA = CREATE_TABLE_OP.fieldOffset(1);

  private static final int COLUMN_TYPE = COLUMN_SNAPSHOT.fieldOffset(1);
  private static final int COLUMN_NULLABLE = COLUMN_SNAPSHOT.fieldOffset(2);
  private static final int COLUMN_AUTO_INCREMENT = COLUMN_SNAPSHOT.fieldOffset(3);
  private static final int COLUMN_UNIQUE = COLUMN_SNAPSHOT.fieldOffset(4);
  private static final int COLUMN_PRIMARY_KEY = COLUMN_SNAPSHOT.fieldOffset(5);
  private static final int COLUMN_FOREIGN_KEY = COLUMN_SNAPSHOT.fieldOffset(6);
  private static final int COLUMN_DEFAULT = COLUMN_SNAPSHOT.fieldOffset(7);
  private static final WitType OPTION_FOREIGN_KEY = COLUMN_SNAPSHOT.parts().get(6).type();
  private static final WitType OPTION_VALUE = COLUMN_SNAPSHOT.parts().get(7).type();

  private static final int INDEX_UNIQUE = INDEX_SNAPSHOT.fieldOffset(1);

  private static final int CHANGES_UNIQUE = COLUMN_CHANGES.fieldOffset(1);
  private static final int CHANGES_AUTO_INCREMENT = COLUMN_CHANGES.fieldOffset(2);
  private static final int CHANGES_DEFAULT = COLUMN_CHANGES.fieldOffset(3);
  private static final int CHANGES_FOREIGN_KEY = COLUMN_CHANGES.fieldOffset(4);
  private static final WitType OPTION_BOOL = COLUMN_CHANGES.parts().get(0).type();
  private static final WitType OPTION_DEFAULT_CHANGE = COLUMN_CHANGES.parts().get(3).type();
  private static final WitType OPTION_FOREIGN_KEY_CHANGE = COLUMN_CHANGES.parts().get(4).type();

  private MigrationAbi() {}

  // ---- lowering (the guest's result, the host's argument) ----

  /** A {@code migration-policy}. */
  public static void lowerPolicy(AbiWriter out, int at, MigrationPolicy policy) {
    out.u8(at + DbmsTypes.MIGRATION_POLICY.fieldOffset(0), policy.allowDestructive() ? 1 : 0);
  }

  /** A {@code list<migration-op>}. */
  public static void lowerOps(AbiWriter out, int at, List<MigrationOp> ops) {
    int address = Lower.list(out, at, ops.size(), MIGRATION_OP);
    for (int i = 0; i < ops.size(); i++) {
      lowerOp(out.heap(), address + i * MIGRATION_OP.size(), ops.get(i));
    }
  }

  private static void lowerOp(AbiWriter out, int at, MigrationOp op) {
    out.u8(at, MIGRATION_OP_KINDS.indexOf(op.kind()));
    int p = at + OP_PAYLOAD;
    switch (op.kind()) {
      case CREATE_TABLE -> {
        CreateTableOp create = ((MigrationOp.CreateTable) op).op();
        Lower.string(out, p, create.name());
        lowerTable(out, p + CREATE_SCHEMA, create.schema());
      }
      case DROP_TABLE -> Lower.string(out, p, op.table());
      case ADD_COLUMN -> {
        Lower.string(out, p, op.table());
        lowerColumn(out, p + SECOND, ((MigrationOp.AddColumn) op).op().column());
      }
      case DROP_COLUMN -> lowerStrings(out, p, op.table(), op.column());
      case RENAME_COLUMN -> {
        RenameColumnOp rename = ((MigrationOp.RenameColumn) op).op();
        lowerStrings(out, p, rename.table(), rename.oldName());
        Lower.string(out, p + THIRD, rename.newName());
      }
      case ALTER_COLUMN -> {
        lowerStrings(out, p, op.table(), op.column());
        lowerChanges(out, p + THIRD, ((MigrationOp.AlterColumn) op).op().changes());
      }
      case WIDEN_COLUMN -> {
        TypeChangeOp widen = ((MigrationOp.WidenColumn) op).op();
        lowerStrings(out, p, widen.table(), widen.column());
        out.u8(p + THIRD, DATA_TYPES.indexOf(widen.oldType()));
        out.u8(p + FOURTH, DATA_TYPES.indexOf(widen.newType()));
      }
      case TRANSFORM_COLUMN -> {
        TransformOp transform = ((MigrationOp.TransformColumn) op).op();
        lowerStrings(out, p, transform.table(), transform.column());
        Lower.string(out, p + THIRD, transform.id());
      }
      case ADD_INDEX, DROP_INDEX -> {
        IndexOp index =
            op instanceof MigrationOp.AddIndex add ? add.op() : ((MigrationOp.DropIndex) op).op();
        Lower.string(out, p, index.table());
        lowerIndex(out, p + SECOND, index.index());
      }
    }
  }

  /** Two strings at the first two fields of a record whose fields are strings. */
  private static void lowerStrings(AbiWriter out, int at, String first, String second) {
    Lower.string(out, at, first);
    Lower.string(out, at + SECOND, second);
  }

  private static void lowerTable(AbiWriter out, int at, TableSchemaSnapshot table) {
    Lower.string(out, at, table.name());
    Lower.string(out, at + TABLE_PRIMARY_KEY, table.primaryKey());
    List<ColumnSnapshot> columns = table.columns();
    int address = Lower.list(out, at + TABLE_COLUMNS, columns.size(), COLUMN_SNAPSHOT);
    for (int i = 0; i < columns.size(); i++) {
      lowerColumn(out.heap(), address + i * COLUMN_SNAPSHOT.size(), columns.get(i));
    }
    List<IndexSnapshot> indexes = table.indexes();
    address = Lower.list(out, at + TABLE_INDEXES, indexes.size(), INDEX_SNAPSHOT);
    for (int i = 0; i < indexes.size(); i++) {
      lowerIndex(out.heap(), address + i * INDEX_SNAPSHOT.size(), indexes.get(i));
    }
  }

  private static void lowerColumn(AbiWriter out, int at, ColumnSnapshot column) {
    Lower.string(out, at, column.name());
    out.u8(at + COLUMN_TYPE, DATA_TYPES.indexOf(column.dataType()));
    out.u8(at + COLUMN_NULLABLE, column.nullable() ? 1 : 0);
    out.u8(at + COLUMN_AUTO_INCREMENT, column.autoIncrement() ? 1 : 0);
    out.u8(at + COLUMN_UNIQUE, column.unique() ? 1 : 0);
    out.u8(at + COLUMN_PRIMARY_KEY, column.primaryKey() ? 1 : 0);
    int foreignKey = at + COLUMN_FOREIGN_KEY;
    out.u8(foreignKey, column.foreignKey().isPresent() ? 1 : 0);
    if (column.foreignKey().isPresent()) {
      ForeignKeySnapshot target = column.foreignKey().get();
      lowerStrings(
          out, foreignKey + OPTION_FOREIGN_KEY.payloadOffset(), target.table(), target.column());
    }
    int defaultValue = at + COLUMN_DEFAULT;
    out.u8(defaultValue, column.defaultValue().isPresent() ? 1 : 0);
    if (column.defaultValue().isPresent()) {
      Lower.value(out, defaultValue + OPTION_VALUE.payloadOffset(), column.defaultValue().get());
    }
  }

  private static void lowerIndex(AbiWriter out, int at, IndexSnapshot index) {
    Lower.strings(out, at, index.columns());
    out.u8(at + INDEX_UNIQUE, index.unique() ? 1 : 0);
  }

  private static void lowerChanges(AbiWriter out, int at, ColumnChanges changes) {
    lowerOptionBool(out, at, changes.nullable());
    lowerOptionBool(out, at + CHANGES_UNIQUE, changes.unique());
    lowerOptionBool(out, at + CHANGES_AUTO_INCREMENT, changes.autoIncrement());
    int defaultChange = at + CHANGES_DEFAULT;
    out.u8(defaultChange, changes.defaultValue().isPresent() ? 1 : 0);
    if (changes.defaultValue().isPresent()) {
      int change = defaultChange + OPTION_DEFAULT_CHANGE.payloadOffset();
      boolean set = changes.defaultValue().get() instanceof DefaultChange.Set;
      out.u8(change, set ? 1 : 0);
      if (set) {
        Value value = ((DefaultChange.Set) changes.defaultValue().get()).value();
        Lower.value(out, change + DEFAULT_CHANGE.payloadOffset(), value);
      }
    }
    int foreignKeyChange = at + CHANGES_FOREIGN_KEY;
    out.u8(foreignKeyChange, changes.foreignKey().isPresent() ? 1 : 0);
    if (changes.foreignKey().isPresent()) {
      int change = foreignKeyChange + OPTION_FOREIGN_KEY_CHANGE.payloadOffset();
      boolean set = changes.foreignKey().get() instanceof ForeignKeyChange.Set;
      out.u8(change, set ? 1 : 0);
      if (set) {
        ForeignKeySnapshot target =
            ((ForeignKeyChange.Set) changes.foreignKey().get()).foreignKey();
        lowerStrings(
            out, change + FOREIGN_KEY_CHANGE.payloadOffset(), target.table(), target.column());
      }
    }
  }

  private static void lowerOptionBool(AbiWriter out, int at, Optional<Boolean> value) {
    out.u8(at, value.isPresent() ? 1 : 0);
    if (value.isPresent()) {
      out.u8(at + OPTION_BOOL.payloadOffset(), value.get() ? 1 : 0);
    }
  }

  // ---- lifting (the host's view of the result) ----

  /** The {@code list<migration-op>} at {@code at}. */
  public static List<MigrationOp> liftOps(AbiReader in, int at) {
    int address = in.i32(at);
    int length = in.i32(at + 4);
    List<MigrationOp> ops = new ArrayList<>();
    if (in.list(address, length, MIGRATION_OP, "migration steps")) {
      for (int i = 0; i < length; i++) {
        ops.add(liftOp(in, address + i * MIGRATION_OP.size()));
      }
      in.endList(address);
    }
    return ops;
  }

  private static MigrationOp liftOp(AbiReader in, int at) {
    int kase = Math.max(0, Lift.discriminant(in, at, MIGRATION_OP, "migration-op"));
    int p = at + OP_PAYLOAD;
    String table = Lift.string(in, p, "table");
    return switch (MIGRATION_OP_KINDS.get(kase)) {
      case CREATE_TABLE ->
          new MigrationOp.CreateTable(new CreateTableOp(table, liftTable(in, p + CREATE_SCHEMA)));
      case DROP_TABLE -> new MigrationOp.DropTable(table);
      case ADD_COLUMN ->
          new MigrationOp.AddColumn(new AddColumnOp(table, liftColumn(in, p + SECOND)));
      case DROP_COLUMN ->
          new MigrationOp.DropColumn(
              new DropColumnOp(table, Lift.string(in, p + SECOND, "column")));
      case RENAME_COLUMN ->
          new MigrationOp.RenameColumn(
              new RenameColumnOp(
                  table, Lift.string(in, p + SECOND, "old"), Lift.string(in, p + THIRD, "new")));
      case ALTER_COLUMN ->
          new MigrationOp.AlterColumn(
              new AlterColumnOp(
                  table, Lift.string(in, p + SECOND, "column"), liftChanges(in, p + THIRD)));
      case WIDEN_COLUMN ->
          new MigrationOp.WidenColumn(
              new TypeChangeOp(
                  table,
                  Lift.string(in, p + SECOND, "column"),
                  liftDataType(in, p + THIRD),
                  liftDataType(in, p + FOURTH)));
      case TRANSFORM_COLUMN ->
          new MigrationOp.TransformColumn(
              new TransformOp(
                  table, Lift.string(in, p + SECOND, "column"), Lift.string(in, p + THIRD, "id")));
      case ADD_INDEX -> new MigrationOp.AddIndex(new IndexOp(table, liftIndex(in, p + SECOND)));
      case DROP_INDEX -> new MigrationOp.DropIndex(new IndexOp(table, liftIndex(in, p + SECOND)));
    };
  }

  private static TableSchemaSnapshot liftTable(AbiReader in, int at) {
    List<ColumnSnapshot> columns = new ArrayList<>();
    int address = in.i32(at + TABLE_COLUMNS);
    int length = in.i32(at + TABLE_COLUMNS + 4);
    if (in.list(address, length, COLUMN_SNAPSHOT, "columns")) {
      for (int i = 0; i < length; i++) {
        columns.add(liftColumn(in, address + i * COLUMN_SNAPSHOT.size()));
      }
      in.endList(address);
    }
    List<IndexSnapshot> indexes = new ArrayList<>();
    address = in.i32(at + TABLE_INDEXES);
    length = in.i32(at + TABLE_INDEXES + 4);
    if (in.list(address, length, INDEX_SNAPSHOT, "indexes")) {
      for (int i = 0; i < length; i++) {
        indexes.add(liftIndex(in, address + i * INDEX_SNAPSHOT.size()));
      }
      in.endList(address);
    }
    return new TableSchemaSnapshot(
        Lift.string(in, at, "table"),
        Lift.string(in, at + TABLE_PRIMARY_KEY, "primary key"),
        columns,
        indexes);
  }

  private static ColumnSnapshot liftColumn(AbiReader in, int at) {
    int foreignKey = at + COLUMN_FOREIGN_KEY;
    Optional<ForeignKeySnapshot> target =
        liftCase(in, foreignKey, OPTION_FOREIGN_KEY) == 1
            ? Optional.of(liftForeignKey(in, foreignKey + OPTION_FOREIGN_KEY.payloadOffset()))
            : Optional.empty();
    int defaultValue = at + COLUMN_DEFAULT;
    Optional<Value> value =
        liftCase(in, defaultValue, OPTION_VALUE) == 1
            ? Optional.of(Lift.value(in, defaultValue + OPTION_VALUE.payloadOffset(), "default"))
            : Optional.empty();
    return new ColumnSnapshot(
        Lift.string(in, at, "column"),
        liftDataType(in, at + COLUMN_TYPE),
        in.u8(at + COLUMN_NULLABLE) != 0,
        in.u8(at + COLUMN_AUTO_INCREMENT) != 0,
        in.u8(at + COLUMN_UNIQUE) != 0,
        in.u8(at + COLUMN_PRIMARY_KEY) != 0,
        target,
        value);
  }

  private static ForeignKeySnapshot liftForeignKey(AbiReader in, int at) {
    return new ForeignKeySnapshot(
        Lift.string(in, at, "foreign key table"),
        Lift.string(in, at + SECOND, "foreign key column"));
  }

  private static IndexSnapshot liftIndex(AbiReader in, int at) {
    return new IndexSnapshot(Lift.strings(in, at, "index columns"), in.u8(at + INDEX_UNIQUE) != 0);
  }

  private static DataType liftDataType(AbiReader in, int at) {
    return DATA_TYPES.get(Math.max(0, Lift.discriminant(in, at, DATA_TYPE_SNAPSHOT, "data type")));
  }

  private static ColumnChanges liftChanges(AbiReader in, int at) {
    Optional<DefaultChange> defaultChange = Optional.empty();
    int option = at + CHANGES_DEFAULT;
    if (liftCase(in, option, OPTION_DEFAULT_CHANGE) == 1) {
      int change = option + OPTION_DEFAULT_CHANGE.payloadOffset();
      defaultChange =
          Optional.of(
              liftCase(in, change, DEFAULT_CHANGE) == 1
                  ? new DefaultChange.Set(
                      Lift.value(in, change + DEFAULT_CHANGE.payloadOffset(), "default"))
                  : new DefaultChange.Drop());
    }
    Optional<ForeignKeyChange> foreignKeyChange = Optional.empty();
    option = at + CHANGES_FOREIGN_KEY;
    if (liftCase(in, option, OPTION_FOREIGN_KEY_CHANGE) == 1) {
      int change = option + OPTION_FOREIGN_KEY_CHANGE.payloadOffset();
      foreignKeyChange =
          Optional.of(
              liftCase(in, change, FOREIGN_KEY_CHANGE) == 1
                  ? new ForeignKeyChange.Set(
                      liftForeignKey(in, change + FOREIGN_KEY_CHANGE.payloadOffset()))
                  : new ForeignKeyChange.Drop());
    }
    return new ColumnChanges(
        liftOptionBool(in, at),
        liftOptionBool(in, at + CHANGES_UNIQUE),
        liftOptionBool(in, at + CHANGES_AUTO_INCREMENT),
        defaultChange,
        foreignKeyChange);
  }

  private static Optional<Boolean> liftOptionBool(AbiReader in, int at) {
    return liftCase(in, at, OPTION_BOOL) == 1
        ? Optional.of(in.u8(at + OPTION_BOOL.payloadOffset()) != 0)
        : Optional.empty();
  }

  /** The case of the two-case variant (option or change) at {@code at}; 0 if out of range. */
  private static int liftCase(AbiReader in, int at, WitType variant) {
    return Math.max(0, Lift.discriminant(in, at, variant, variant.toString()));
  }
}
