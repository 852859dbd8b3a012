package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MigrationException;
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
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.file.DatabaseFiles;

/**
 * One test per kind of migration step on a file database: drift before, the exact pending steps,
 * {@code migrate}, no drift after (also after reopening), and the data kept or transformed. Then
 * the order of a plan with every kind, the policy, refusals that leave both files byte for byte as
 * they were, and transforms that run once.
 */
class MigrationTest {
  private static final int ROWS = 50;

  @TempDir Path dir;

  /** Version 1: users(id pk, mail, age Uint8, note nullable) and items(id pk, owner), 50 users. */
  private Path fileWithVersion1() {
    Path file = dir.resolve("db");
    try (Database db = Database.open(DatabaseFiles.open(file))) {
      db.register(users(b -> {}));
      db.register(items(b -> {}));
      for (int i = 1; i <= ROWS; i++) {
        Row.Builder row = Row.builder().set("id", new Uint32Value(i));
        row.set("mail", new TextValue("User" + i + "@Example.com"));
        row.set("age", new Uint8Value(20 + i));
        row.set("note", i % 2 == 0 ? new TextValue("n" + i) : NullValue.INSTANCE);
        db.insert("users", row.build());
      }
      db.insert("items", Row.builder().set("id", new Uint32Value(1)).build());
    }
    return file;
  }

  private static ColumnDef.Builder column(String name, DataType type) {
    return ColumnDef.builder(name, type);
  }

  /** The users table of version 1, with {@code change} applied to the builder's columns. */
  private static TableSchema users(Consumer<List<ColumnDef.Builder>> change) {
    List<ColumnDef.Builder> columns = new ArrayList<>();
    columns.add(column("id", DataType.UINT32).primaryKey());
    columns.add(column("mail", DataType.TEXT));
    columns.add(column("age", DataType.UINT8));
    columns.add(column("note", DataType.TEXT).nullable());
    change.accept(columns);
    TableDef.Builder table = TableDef.builder("users");
    columns.forEach(table::column);
    return TableSchema.of(table.build());
  }

  private static TableSchema items(Consumer<TableDef.Builder> change) {
    TableDef.Builder table =
        TableDef.builder("items").column(column("id", DataType.UINT32).primaryKey());
    change.accept(table);
    return TableSchema.of(table.build());
  }

  private Database reopen(Path file, TableSchema... schemas) {
    Database db = Database.open(DatabaseFiles.open(file));
    for (TableSchema schema : schemas) {
      db.register(schema);
    }
    return db;
  }

  /** Drift before, exactly {@code expected} pending, migrate, no drift after and after a reopen. */
  private Database migrates(
      Path file, List<MigrationOp> expected, MigrationPolicy policy, TableSchema... schemas) {
    try (Database db = reopen(file, schemas)) {
      assertTrue(db.hasDrift());
      MigrationException drift =
          assertThrows(MigrationException.class, () -> db.select("users", Query.ALL));
      assertTrue(drift.detail().startsWith("schema drift: table "), drift.detail());
      assertEquals(expected, db.pendingMigrations());
      db.migrate(policy);
      assertFalse(db.hasDrift());
      assertEquals(List.of(), db.pendingMigrations());
    }
    Database db = reopen(file, schemas);
    assertFalse(db.hasDrift());
    return db;
  }

  private static List<Row> users(Database db) {
    return db.select("users", Query.ALL);
  }

  @Test
  void createTable() {
    Path file = fileWithVersion1();
    TableSchema tags =
        TableSchema.of(
            TableDef.builder("tags").column(column("name", DataType.TEXT).primaryKey()).build());
    try (Database db =
        migrates(
            file,
            List.of(
                new MigrationOp.CreateTable(
                    new CreateTableOp("tags", TableSchemaSnapshot.of(tags.definition())))),
            MigrationPolicy.SAFE,
            users(c -> {}),
            items(t -> {}),
            tags)) {
      db.insert("tags", Row.builder().set("name", new TextValue("a")).build());
      assertEquals(1, db.select("tags", Query.ALL).size());
      assertEquals(ROWS, users(db).size());
    }
  }

  @Test
  void dropTableNeedsTheDestructivePolicy() throws IOException {
    Path file = fileWithVersion1();
    try (Database db = reopen(file, users(c -> {}))) {
      assertEquals(List.of(new MigrationOp.DropTable("items")), db.pendingMigrations());
      assertRefusedUnchanged(file, db, MigrationPolicy.SAFE, "drop-table items is destructive");
    }
    try (Database db =
        migrates(
            file,
            List.of(new MigrationOp.DropTable("items")),
            MigrationPolicy.DESTRUCTIVE,
            users(c -> {}))) {
      assertEquals(ROWS, users(db).size());
    }
  }

  @Test
  void renameColumnKeepsTheValues() {
    Path file = fileWithVersion1();
    TableSchema renamed =
        TableSchema.builder(users(c -> c.set(1, column("email", DataType.TEXT))).definition())
            .renamedFrom("email", "mail")
            .build();
    try (Database db =
        migrates(
            file,
            List.of(new MigrationOp.RenameColumn(new RenameColumnOp("users", "mail", "email"))),
            MigrationPolicy.SAFE,
            renamed,
            items(t -> {}))) {
      assertEquals(new TextValue("User7@Example.com"), users(db).get(6).get("email"));
    }
  }

  @Test
  void addColumnFillsTheDefault() {
    Path file = fileWithVersion1();
    ColumnDef.Builder score = column("score", DataType.INT32).defaultValue(new Int32Value(7));
    try (Database db =
        migrates(
            file,
            List.of(
                new MigrationOp.AddColumn(
                    new AddColumnOp("users", ColumnSnapshot.of(score.build())))),
            MigrationPolicy.SAFE,
            users(c -> c.add(score)),
            items(t -> {}))) {
      for (Row row : users(db)) {
        assertEquals(new Int32Value(7), row.get("score"));
      }
      assertEquals(new TextValue("n2"), users(db).get(1).get("note"));
    }
  }

  @Test
  void aNewNonNullableColumnWithoutDefaultHasNoPlan() {
    Path file = fileWithVersion1();
    try (Database db = reopen(file, users(c -> c.add(column("score", DataType.INT32))))) {
      MigrationException error = assertThrows(MigrationException.class, db::pendingMigrations);
      assertTrue(error.detail().startsWith("new column users.score is not nullable"));
      assertThrows(MigrationException.class, () -> db.migrate(MigrationPolicy.DESTRUCTIVE));
      assertTrue(db.hasDrift());
    }
  }

  @Test
  void widenColumnKeepsEveryNumber() {
    Path file = fileWithVersion1();
    try (Database db =
        migrates(
            file,
            List.of(
                new MigrationOp.WidenColumn(
                    new TypeChangeOp("users", "age", DataType.UINT8, DataType.INT32))),
            MigrationPolicy.SAFE,
            users(c -> c.set(2, column("age", DataType.INT32))),
            items(t -> {}))) {
      List<Row> rows = users(db);
      for (int i = 0; i < ROWS; i++) {
        assertEquals(new Int32Value(21 + i), rows.get(i).get("age"));
      }
    }
  }

  @Test
  void narrowingOrChangingATypeHasNoPlan() {
    Path file = fileWithVersion1();
    for (DataType type : List.of(DataType.INT8, DataType.FLOAT64, DataType.TEXT)) {
      try (Database db = reopen(file, users(c -> c.set(2, column("age", type))), items(t -> {}))) {
        MigrationException error = assertThrows(MigrationException.class, db::pendingMigrations);
        assertTrue(error.detail().contains("users.age changes type"), error.detail());
      }
    }
  }

  @Test
  void transformColumnRunsOnceAndIsRecorded() {
    Path file = fileWithVersion1();
    TableSchema lowered =
        TableSchema.builder(users(c -> {}).definition())
            .transform(
                "mail",
                "lowercase-mails",
                v -> new TextValue(((TextValue) v).value().toLowerCase() + "!"))
            .build();
    try (Database db =
        migrates(
            file,
            List.of(
                new MigrationOp.TransformColumn(
                    new TransformOp("users", "mail", "lowercase-mails"))),
            MigrationPolicy.SAFE,
            lowered,
            items(t -> {}))) {
      // Once: the "!" the transform appends is there exactly once after a reopen.
      assertEquals(new TextValue("user3@example.com!"), users(db).get(2).get("mail"));
    }
  }

  @Test
  void aFailingTransformIsRefusedWithItsStepAndChangesNoByte() throws IOException {
    Path file = fileWithVersion1();
    TableSchema failing =
        TableSchema.builder(users(c -> {}).definition())
            .transform(
                "mail",
                "check",
                v -> {
                  if (((TextValue) v).value().equals("User9@Example.com")) {
                    throw new org.wasmdbms.api.error.ValidationException("no nines");
                  }
                  return v;
                })
            .build();
    try (Database db = reopen(file, failing, items(t -> {}))) {
      assertRefusedUnchanged(
          file,
          db,
          MigrationPolicy.SAFE,
          "transform-column users.mail with check failed on \"User9@Example.com\": no nines");
    }
  }

  @Test
  void migrateWaitsForOpenTransactions() {
    Path file = fileWithVersion1();
    try (Database db = reopen(file, users(c -> c.remove(3)), items(t -> {}))) {
      long tx = db.begin();
      MigrationException error =
          assertThrows(MigrationException.class, () -> db.migrate(MigrationPolicy.DESTRUCTIVE));
      assertTrue(error.detail().contains("transaction(s) are open"), error.detail());
      db.rollback(tx);
      db.migrate(MigrationPolicy.DESTRUCTIVE);
      assertFalse(db.hasDrift());
    }
  }

  @Test
  void alterColumnLoosensAndSetsADefault() {
    Path file = fileWithVersion1();
    try (Database db =
        migrates(
            file,
            List.of(
                new MigrationOp.AlterColumn(
                    new AlterColumnOp(
                        "users",
                        "age",
                        new ColumnChanges(
                            Optional.of(true),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(new DefaultChange.Set(new Uint8Value(18))),
                            Optional.empty())))),
            MigrationPolicy.SAFE,
            users(
                c ->
                    c.set(
                        2,
                        column("age", DataType.UINT8).nullable().defaultValue(new Uint8Value(18)))),
            items(t -> {}))) {
      Row stored =
          db.insert(
              "users",
              Row.builder()
                  .set("id", new Uint32Value(1000))
                  .set("mail", new TextValue("x"))
                  .build());
      assertEquals(new Uint8Value(18), stored.get("age"));
      assertEquals(ROWS + 1, users(db).size());
    }
  }

  @Test
  void tighteningToNonNullableIsRefusedWithTheKeyAndChangesNoByte() throws IOException {
    Path file = fileWithVersion1();
    try (Database db =
        reopen(file, users(c -> c.set(3, column("note", DataType.TEXT))), items(t -> {}))) {
      assertRefusedUnchanged(
          file,
          db,
          MigrationPolicy.DESTRUCTIVE,
          "alter-column users.note is refused: in the row with key 1 of users, column note");
      assertTrue(db.hasDrift());
    }
  }

  @Test
  void tighteningToUniqueIsRefusedWithTheKey() throws IOException {
    Path file = fileWithVersion1();
    try (Database db = reopen(file, users(c -> {}), items(t -> {}))) {
      db.update("users", Row.builder().set("mail", new TextValue("same")).build(), null);
    }
    try (Database db =
        reopen(
            file, users(c -> c.set(1, column("mail", DataType.TEXT).unique())), items(t -> {}))) {
      assertRefusedUnchanged(
          file,
          db,
          MigrationPolicy.SAFE,
          "alter-column users.mail is refused: in the row with key 2");
    }
  }

  @Test
  void aNewForeignKeyIsCheckedAgainstTheData() throws IOException {
    Path file = fileWithVersion1();
    TableSchema owned =
        items(
            t ->
                t.column(
                    column("owner", DataType.UINT32)
                        .nullable()
                        .defaultValue(new Uint32Value(999))
                        .references("users", "id")));
    try (Database db = reopen(file, users(c -> {}), owned)) {
      assertRefusedUnchanged(
          file,
          db,
          MigrationPolicy.SAFE,
          "add-column items.owner is refused: in the row with key 1");
    }
    TableSchema ownedLater = items(t -> t.column(column("owner", DataType.UINT32).nullable()));
    try (Database db = reopen(file, users(c -> {}), ownedLater)) {
      db.migrate(MigrationPolicy.SAFE);
      db.update("items", Row.builder().set("owner", new Uint32Value(5)).build(), null);
    }
    TableSchema referencing =
        items(t -> t.column(column("owner", DataType.UINT32).nullable().references("users", "id")));
    try (Database db =
        migrates(
            file,
            List.of(
                new MigrationOp.AlterColumn(
                    new AlterColumnOp(
                        "items",
                        "owner",
                        new ColumnChanges(
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(
                                new ForeignKeyChange.Set(
                                    new ForeignKeySnapshot("users", "id"))))))),
            MigrationPolicy.SAFE,
            users(c -> {}),
            referencing)) {
      assertEquals(new Uint32Value(5), db.select("items", Query.ALL).get(0).get("owner"));
    }
  }

  @Test
  void addAndDropIndex() {
    Path file = fileWithVersion1();
    IndexSnapshot byAge = new IndexSnapshot(List.of("age"), false);
    TableSchema indexed =
        TableSchema.of(
            TableDef.builder("items").column(column("id", DataType.UINT32).primaryKey()).build());
    TableDef usersIndexed = users(c -> {}).definition();
    TableSchema withIndex =
        TableSchema.of(
            new TableDef(
                "users",
                usersIndexed.columns(),
                List.of(new org.wasmdbms.api.schema.IndexDef("by_age", List.of("age"), false))));
    try (Database db =
        migrates(
            file,
            List.of(new MigrationOp.AddIndex(new IndexOp("users", byAge))),
            MigrationPolicy.SAFE,
            withIndex,
            indexed)) {
      assertEquals(
          "index scan",
          db.explain(
                  "users",
                  Query.builder()
                      .filter(new org.wasmdbms.api.query.Filter.Eq("age", new Uint8Value(30)))
                      .build())
              .access());
    }
    try (Database db =
        migrates(
            file,
            List.of(new MigrationOp.DropIndex(new IndexOp("users", byAge))),
            MigrationPolicy.SAFE,
            users(c -> {}),
            indexed)) {
      assertEquals(ROWS, users(db).size());
    }
  }

  @Test
  void dropColumnNeedsTheDestructivePolicy() throws IOException {
    Path file = fileWithVersion1();
    try (Database db = reopen(file, users(c -> c.remove(3)), items(t -> {}))) {
      assertRefusedUnchanged(
          file, db, MigrationPolicy.SAFE, "drop-column users.note is destructive");
    }
    try (Database db =
        migrates(
            file,
            List.of(new MigrationOp.DropColumn(new DropColumnOp("users", "note"))),
            MigrationPolicy.DESTRUCTIVE,
            users(c -> c.remove(3)),
            items(t -> {}))) {
      assertEquals(3, users(db).get(0).size());
    }
  }

  @Test
  void aPlanWithEveryKindRunsInTheFixedOrder() {
    Path file = fileWithVersion1();
    TableSchema changed =
        TableSchema.builder(
                new TableDef(
                    "users",
                    List.of(
                        column("id", DataType.UINT32).primaryKey().build(),
                        column("email", DataType.TEXT).build(),
                        column("age", DataType.INT64).nullable().build(),
                        column("zip", DataType.TEXT).nullable().build()),
                    List.of(new org.wasmdbms.api.schema.IndexDef("by_zip", List.of("zip"), false))))
            .renamedFrom("email", "mail")
            .transform("email", "trim", v -> v)
            .build();
    TableSchema tags =
        TableSchema.of(
            TableDef.builder("tags").column(column("name", DataType.TEXT).primaryKey()).build());
    try (Database db = reopen(file, changed, tags)) {
      List<MigrationOp.Kind> kinds = new ArrayList<>();
      for (MigrationOp op : db.pendingMigrations()) {
        kinds.add(op.kind());
      }
      assertEquals(
          List.of(
              MigrationOp.Kind.CREATE_TABLE,
              MigrationOp.Kind.RENAME_COLUMN,
              MigrationOp.Kind.ADD_COLUMN,
              MigrationOp.Kind.WIDEN_COLUMN,
              MigrationOp.Kind.TRANSFORM_COLUMN,
              MigrationOp.Kind.ALTER_COLUMN,
              MigrationOp.Kind.ADD_INDEX,
              MigrationOp.Kind.DROP_COLUMN,
              MigrationOp.Kind.DROP_TABLE),
          kinds);
      db.migrate(MigrationPolicy.DESTRUCTIVE);
      Row first = users(db).get(0);
      assertEquals(new TextValue("User1@Example.com"), first.get("email"));
      assertEquals(NullValue.INSTANCE, first.get("zip"));
      assertEquals(List.of("users", "tags"), db.tables());
    }
  }

  /** A refused migration names {@code expected} and leaves data file and journal unchanged. */
  private static void assertRefusedUnchanged(
      Path file, Database db, MigrationPolicy policy, String expected) throws IOException {
    Path journal = DatabaseFiles.journalPath(file);
    byte[] data = Files.readAllBytes(file);
    byte[] log = Files.readAllBytes(journal);
    MigrationException error = assertThrows(MigrationException.class, () -> db.migrate(policy));
    assertTrue(error.detail().startsWith(expected), error.detail());
    assertArrayEquals(data, Files.readAllBytes(file));
    assertArrayEquals(log, Files.readAllBytes(journal));
    assertTrue(db.hasDrift());
  }
}
