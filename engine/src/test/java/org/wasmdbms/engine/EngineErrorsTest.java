package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmdbms.engine.ExampleSchema.comment;
import static org.wasmdbms.engine.ExampleSchema.id;
import static org.wasmdbms.engine.ExampleSchema.post;
import static org.wasmdbms.engine.ExampleSchema.user;
import static org.wasmdbms.engine.Snapshots.assertFailsUnchanged;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.BrokenForeignKeyReferenceException;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ForeignKeyConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.MigrationException;
import org.wasmdbms.api.error.MissingNonNullableFieldException;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.error.SanitizationException;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.error.UniqueConstraintViolationException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.file.FileMemoryProvider;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * One test per error case of the engine: each checks the typed error and that every table (and the
 * view of an open transaction, where one is involved) is unchanged afterwards.
 */
class EngineErrorsTest {
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    ExampleSchema.registerAll(db);
    db.insert("users", user("Alice", "alice@example.com", 30));
    db.insert("users", user("Bob", "bob@example.com", null));
    db.insert("posts", post(10, "hello", 1));
    db.insert("posts", post(11, "again", 2));
    db.insert("comments", comment(100, "nice", 10));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Row set(String column, Value value) {
    return Row.builder().set(column, value).build();
  }

  private static Filter postId(long id) {
    return new Filter.Eq("id", new Uint32Value(id));
  }

  @Test
  void primaryKeyConflictOnInsert() {
    assertFailsUnchanged(
        db, PrimaryKeyConflictException.class, () -> db.insert("posts", post(10, "dup", 1)));
  }

  @Test
  void primaryKeyConflictMadeByUpdate() {
    assertFailsUnchanged(
        db,
        PrimaryKeyConflictException.class,
        () -> db.update("posts", set("id", id(11)), postId(10)));
    // Two rows updated to one key: the second collides with the first; neither change stays.
    db.insert("posts", post(12, "third", 1));
    assertFailsUnchanged(
        db,
        PrimaryKeyConflictException.class,
        () ->
            db.update(
                "posts",
                set("id", id(50)),
                new Filter.In("id", List.of(new Uint32Value(11), new Uint32Value(12)))));
  }

  @Test
  void primaryKeyConflictInsideATransactionLeavesItsViewAlone() {
    long tx = db.begin();
    db.insert(tx, "posts", post(12, "mine", 1));
    assertFailsUnchanged(
        db, tx, PrimaryKeyConflictException.class, () -> db.insert(tx, "posts", post(12, "x", 1)));
    assertFailsUnchanged(
        db, tx, PrimaryKeyConflictException.class, () -> db.insert(tx, "posts", post(10, "x", 1)));
    db.commit(tx);
    assertEquals(3, db.select("posts", Query.ALL).size());
  }

  @Test
  void uniqueViolationOnInsert() {
    DbmsException e =
        assertFailsUnchanged(
            db,
            UniqueConstraintViolationException.class,
            () -> db.insert("users", user("Carol", "ALICE@example.com", 5)));
    assertEquals("email", e.detail());
  }

  @Test
  void uniqueViolationOnUpdate() {
    DbmsException e =
        assertFailsUnchanged(
            db,
            UniqueConstraintViolationException.class,
            () ->
                db.update(
                    "users",
                    set("email", new TextValue("alice@example.com")),
                    new Filter.Eq("id", id(2))));
    assertEquals("email", e.detail());
    long tx = db.begin();
    assertFailsUnchanged(
        db,
        tx,
        UniqueConstraintViolationException.class,
        () ->
            db.update(
                tx,
                "users",
                set("email", new TextValue("alice@example.com")),
                new Filter.Eq("id", id(2))));
  }

  @Test
  void foreignKeyToAMissingParentOnInsert() {
    assertFailsUnchanged(
        db,
        BrokenForeignKeyReferenceException.class,
        () -> db.insert("posts", post(12, "orphan", 99)));
    long tx = db.begin();
    assertFailsUnchanged(
        db,
        tx,
        BrokenForeignKeyReferenceException.class,
        () -> db.insert(tx, "comments", comment(101, "orphan", 77)));
  }

  @Test
  void foreignKeyToAMissingParentOnUpdate() {
    assertFailsUnchanged(
        db,
        BrokenForeignKeyReferenceException.class,
        () -> db.update("posts", set("user", id(99)), postId(10)));
  }

  @Test
  void restrictDeleteOfAReferencedRow() {
    assertFailsUnchanged(
        db,
        ForeignKeyConstraintViolationException.class,
        () -> db.delete("users", DeleteBehavior.RESTRICT, new Filter.Eq("id", id(1))));
    // Deleting every post restricts too: comment 100 is outside the deleted set.
    assertFailsUnchanged(
        db,
        ForeignKeyConstraintViolationException.class,
        () -> db.delete("posts", DeleteBehavior.RESTRICT, null));
  }

  @Test
  void changingAReferencedKeyIsRefused() {
    assertFailsUnchanged(
        db,
        ForeignKeyConstraintViolationException.class,
        () -> db.update("posts", set("id", id(20)), postId(10)));
  }

  @Test
  void missingNonNullableColumnLeftOut() {
    Row noTitle = Row.builder().set("id", id(12)).set("user", id(1)).build();
    DbmsException e =
        assertFailsUnchanged(
            db, MissingNonNullableFieldException.class, () -> db.insert("posts", noTitle));
    assertEquals("title", e.detail());
  }

  @Test
  void missingNonNullableColumnGivenNull() {
    Row nullTitle =
        Row.builder().set("id", id(12)).set("title", NullValue.INSTANCE).set("user", id(1)).build();
    assertFailsUnchanged(
        db, MissingNonNullableFieldException.class, () -> db.insert("posts", nullTitle));
    assertFailsUnchanged(
        db,
        MissingNonNullableFieldException.class,
        () -> db.update("posts", set("title", NullValue.INSTANCE), null));
  }

  @Test
  void unknownTable() {
    assertFailsUnchanged(
        db, TableNotFoundException.class, () -> db.insert("nope", post(1, "x", 1)));
    assertFailsUnchanged(db, TableNotFoundException.class, () -> db.select("nope", Query.ALL));
    assertFailsUnchanged(
        db, TableNotFoundException.class, () -> db.update("nope", set("id", id(1)), null));
    assertFailsUnchanged(
        db, TableNotFoundException.class, () -> db.delete("nope", DeleteBehavior.CASCADE, null));
    long tx = db.begin();
    assertFailsUnchanged(
        db, tx, TableNotFoundException.class, () -> db.insert(tx, "nope", post(1, "x", 1)));
    assertFailsUnchanged(
        db, tx, TableNotFoundException.class, () -> db.select(tx, "nope", Query.ALL));
  }

  @Test
  void unknownColumnInARow() {
    Row extra =
        Row.builder()
            .set("id", id(12))
            .set("title", new TextValue("t"))
            .set("user", id(1))
            .set("colour", new TextValue("red"))
            .build();
    DbmsException e =
        assertFailsUnchanged(db, UnknownColumnException.class, () -> db.insert("posts", extra));
    assertEquals("colour", e.detail());
    assertFailsUnchanged(
        db,
        UnknownColumnException.class,
        () -> db.update("posts", set("colour", new TextValue("red")), null));
  }

  @Test
  void unknownColumnInAFilter() {
    Filter bad = new Filter.Or(List.of(postId(10), new Filter.IsNull("colour")));
    assertFailsUnchanged(
        db,
        UnknownColumnException.class,
        () -> db.select("posts", Query.builder().filter(bad).build()));
    assertFailsUnchanged(
        db, UnknownColumnException.class, () -> db.update("posts", set("title", text("x")), bad));
    assertFailsUnchanged(
        db, UnknownColumnException.class, () -> db.delete("posts", DeleteBehavior.CASCADE, bad));
  }

  @Test
  void unknownColumnInAnOrderKey() {
    assertFailsUnchanged(
        db,
        UnknownColumnException.class,
        () ->
            db.select(
                "posts",
                Query.builder()
                    .orderBy("title", OrderDirection.ASCENDING)
                    .orderBy("colour", OrderDirection.DESCENDING)
                    .build()));
  }

  @Test
  void valueOfTheWrongTypeInARow() {
    Row textId =
        Row.builder().set("id", text("12")).set("title", text("t")).set("user", id(1)).build();
    assertFailsUnchanged(db, InvalidQueryException.class, () -> db.insert("posts", textId));
    assertFailsUnchanged(
        db, InvalidQueryException.class, () -> db.update("posts", set("title", id(3)), null));
    // An integer out of the column's range is the wrong type, too.
    assertFailsUnchanged(
        db,
        InvalidQueryException.class,
        () -> db.update("posts", set("id", new Int64Value(-1)), postId(11)));
  }

  @Test
  void valueOfTheWrongTypeInAFilter() {
    Filter bad = new Filter.Eq("title", new Int64Value(3));
    assertFailsUnchanged(
        db,
        InvalidQueryException.class,
        () -> db.select("posts", Query.builder().filter(bad).build()));
    assertFailsUnchanged(
        db,
        InvalidQueryException.class,
        () -> db.delete("posts", DeleteBehavior.CASCADE, new Filter.In("id", List.of(text("10")))));
    assertFailsUnchanged(
        db, InvalidQueryException.class, () -> db.update("posts", set("title", text("x")), bad));
  }

  @Test
  void likeOnANonTextColumn() {
    assertFailsUnchanged(
        db,
        InvalidQueryException.class,
        () -> db.select("posts", Query.builder().filter(new Filter.Like("id", "1%")).build()));
  }

  @Test
  void sanitizationError() {
    TableDef def =
        TableDef.builder("notes")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("body", DataType.TEXT))
            .build();
    db.register(
        TableSchema.builder(def)
            .sanitize(
                "body",
                value -> {
                  if (value.equals(text("forbidden"))) {
                    throw new SanitizationException("forbidden text");
                  }
                  return value;
                })
            .build());
    db.insert("notes", Row.builder().set("id", id(1)).set("body", text("ok")).build());
    Row forbidden = Row.builder().set("id", id(2)).set("body", text("forbidden")).build();
    SanitizationException refused =
        assertFailsUnchanged(db, SanitizationException.class, () -> db.insert("notes", forbidden));
    assertTrue(refused.detail().startsWith("column body: "), refused.detail());
    assertFailsUnchanged(
        db,
        SanitizationException.class,
        () -> db.update("notes", set("body", text("forbidden")), null));
  }

  @Test
  void validationError() {
    ValidationException tooLong =
        assertFailsUnchanged(
            db,
            ValidationException.class,
            () -> db.insert("users", user("a name much longer than twenty", "c@example.com", 1)));
    assertEquals("column name: text has 30 characters, more than the maximum 20", tooLong.detail());
    ValidationException notAnEmail =
        assertFailsUnchanged(
            db, ValidationException.class, () -> db.insert("users", user("C", "not-an-email", 1)));
    assertTrue(notAnEmail.detail().startsWith("column email: "), notAnEmail.detail());
    assertFailsUnchanged(
        db,
        ValidationException.class,
        () -> db.update("users", set("email", text("still not an email")), null));
    long tx = db.begin();
    assertFailsUnchanged(
        db,
        tx,
        ValidationException.class,
        () -> db.insert(tx, "users", user("C", "not-an-email", 1)));
  }

  @Test
  void transactionNotFound() {
    long committed = db.begin();
    db.insert(committed, "posts", post(12, "committed", 1));
    db.commit(committed);
    long rolledBack = db.begin();
    db.insert(rolledBack, "posts", post(13, "rolled back", 1));
    db.rollback(rolledBack);
    long failed = db.begin();
    db.insert(failed, "posts", post(14, "failed", 1));
    db.insert("posts", post(14, "outside", 1));
    assertThrows(PrimaryKeyConflictException.class, () -> db.commit(failed));
    long open = db.begin();
    for (long tx : new long[] {committed, rolledBack, failed, open + 1000, -1}) {
      assertFailsUnchanged(
          db, TransactionNotFoundException.class, () -> db.insert(tx, "posts", post(15, "x", 1)));
      assertFailsUnchanged(
          db, TransactionNotFoundException.class, () -> db.select(tx, "posts", Query.ALL));
      assertFailsUnchanged(
          db,
          TransactionNotFoundException.class,
          () -> db.update(tx, "posts", set("title", text("y")), null));
      assertFailsUnchanged(
          db,
          TransactionNotFoundException.class,
          () -> db.delete(tx, "posts", DeleteBehavior.CASCADE, null));
      assertFailsUnchanged(db, TransactionNotFoundException.class, () -> db.commit(tx));
      assertFailsUnchanged(db, TransactionNotFoundException.class, () -> db.rollback(tx));
    }
    // The open transaction is untouched by all of that.
    assertEquals(db.select("posts", Query.ALL), db.select(open, "posts", Query.ALL));
  }

  @Test
  void callsAfterCloseAreMemoryErrors(@TempDir Path dir) {
    Path file = dir.resolve("db");
    Database fileDb = Database.open(FileMemoryProvider.open(file));
    ExampleSchema.registerAll(fileDb);
    fileDb.insert("users", user("Alice", "alice@example.com", 30));
    fileDb.insert("posts", post(10, "hello", 1));
    long tx = fileDb.begin();
    fileDb.insert(tx, "posts", post(11, "never committed", 1));
    Map<String, List<Row>> before = Snapshots.of(fileDb);
    fileDb.close();
    fileDb.close(); // idempotent
    List<Runnable> calls =
        List.of(
            fileDb::tables,
            () -> fileDb.insert("posts", post(12, "x", 1)),
            () -> fileDb.select("posts", Query.ALL),
            () -> fileDb.update("posts", set("title", text("y")), null),
            () -> fileDb.delete("posts", DeleteBehavior.CASCADE, null),
            fileDb::begin,
            () -> fileDb.commit(tx),
            () -> fileDb.rollback(tx),
            () -> fileDb.select(tx, "posts", Query.ALL),
            () -> fileDb.register(ExampleSchema.users()),
            fileDb::sync);
    for (Runnable call : calls) {
      assertThrows(MemoryException.class, call::run);
    }
    Database reopened = Database.open(FileMemoryProvider.open(file));
    try {
      ExampleSchema.registerAll(reopened);
      assertEquals(before, Snapshots.of(reopened));
    } finally {
      reopened.close();
    }
  }

  @Test
  void oversizedIndexedValueIsAConstraintViolation() {
    db.register(
        TableSchema.of(
            TableDef.builder("tags")
                .column(ColumnDef.builder("name", DataType.TEXT).primaryKey())
                .column(ColumnDef.builder("code", DataType.TEXT).unique().nullable())
                .build()));
    String huge = "x".repeat(5000);
    db.insert("tags", Row.builder().set("name", text("small")).build());
    assertFailsUnchanged(
        db,
        ConstraintViolationException.class,
        () -> db.insert("tags", Row.builder().set("name", text(huge)).build()));
    assertFailsUnchanged(
        db,
        ConstraintViolationException.class,
        () -> db.update("tags", set("code", text(huge)), null));
    long tx = db.begin();
    assertFailsUnchanged(
        db,
        tx,
        ConstraintViolationException.class,
        () -> db.insert(tx, "tags", Row.builder().set("name", text(huge)).build()));
    assertFailsUnchanged(
        db,
        tx,
        ConstraintViolationException.class,
        () -> db.update(tx, "tags", set("code", text(huge)), null));
  }

  @Test
  void autoincrementOverflow() {
    db.register(
        TableSchema.of(
            TableDef.builder("small")
                .column(ColumnDef.builder("id", DataType.UINT8).primaryKey().autoIncrement())
                .column(ColumnDef.builder("label", DataType.TEXT).nullable())
                .build()));
    Row empty = Row.builder().build();
    for (int i = 1; i <= 255; i++) {
      assertEquals(
          i, ((org.wasmdbms.api.value.Uint8Value) db.insert("small", empty).get("id")).value());
    }
    assertFailsUnchanged(db, ConstraintViolationException.class, () -> db.insert("small", empty));
    long tx = db.begin();
    assertFailsUnchanged(
        db, tx, ConstraintViolationException.class, () -> db.insert(tx, "small", empty));
    // Deleting rows does not free values: they are never reused.
    db.delete("small", DeleteBehavior.RESTRICT, null);
    assertFailsUnchanged(db, ConstraintViolationException.class, () -> db.insert("small", empty));
  }

  @Test
  void foreignKeyToAnUnknownTable() {
    assertRegisterFails(
        InvalidQueryException.class,
        table("bad", ColumnDef.builder("ref", DataType.UINT32).references("missing", "id")));
  }

  @Test
  void foreignKeyToAnUnknownColumn() {
    assertRegisterFails(
        InvalidQueryException.class,
        table("bad", ColumnDef.builder("ref", DataType.UINT32).references("users", "missing")));
  }

  @Test
  void foreignKeyTypeMismatch() {
    assertRegisterFails(
        InvalidQueryException.class,
        table("bad", ColumnDef.builder("ref", DataType.UINT64).references("users", "id")));
  }

  @Test
  void foreignKeyToANonUniqueColumn() {
    assertRegisterFails(
        InvalidQueryException.class,
        table("bad", ColumnDef.builder("ref", DataType.TEXT).references("users", "name")));
  }

  @Test
  void selfForeignKeyToAnUnknownColumn() {
    assertRegisterFails(
        InvalidQueryException.class,
        table(
            "bad", ColumnDef.builder("ref", DataType.UINT32).nullable().references("bad", "nope")));
  }

  @Test
  void registeringTwice() {
    assertRegisterFails(InvalidQueryException.class, ExampleSchema.posts());
  }

  @Test
  void reopeningAFileWithAnotherDefinitionIsDriftThatFailsEveryDataOperation(@TempDir Path dir) {
    Path file = dir.resolve("db");
    Database first = Database.open(FileMemoryProvider.open(file));
    ExampleSchema.registerAll(first);
    first.insert("users", user("Alice", "alice@example.com", 30));
    first.close();
    Database second = Database.open(FileMemoryProvider.open(file));
    try {
      second.register(ExampleSchema.users());
      TableSchema changedPosts =
          TableSchema.of(
              TableDef.builder("posts")
                  .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                  .column(ColumnDef.builder("title", DataType.TEXT).nullable())
                  .column(ColumnDef.builder("user", DataType.UINT32).references("users", "id"))
                  .build());
      second.register(changedPosts);
      second.register(ExampleSchema.comments());
      assertEquals(List.of("users", "posts", "comments"), second.tables());
      assertTrue(second.hasDrift());
      MigrationException error =
          assertThrows(MigrationException.class, () -> second.select("users", Query.ALL));
      assertTrue(error.detail().contains("table posts differs"), error.detail());
      assertThrows(
          MigrationException.class,
          () -> second.insert("users", user("Bob", "bob@example.com", 40)));
      long tx = second.begin();
      assertThrows(MigrationException.class, () -> second.select(tx, "comments", Query.ALL));
      second.rollback(tx);
    } finally {
      second.close();
    }
  }

  private static TableSchema table(String name, ColumnDef.Builder reference) {
    return TableSchema.of(
        TableDef.builder(name)
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(reference)
            .build());
  }

  private void assertRegisterFails(Class<? extends DbmsException> type, TableSchema schema) {
    List<String> tables = db.tables();
    assertFailsUnchanged(db, type, () -> db.register(schema));
    assertEquals(tables, db.tables());
    // The failed registration left no trace: a valid table of that name can still be registered.
    if (!tables.contains(schema.name())) {
      db.register(
          TableSchema.of(
              TableDef.builder(schema.name())
                  .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                  .build()));
      db.insert(schema.name(), Row.builder().set("id", id(1)).build());
      assertEquals(1, db.select(schema.name(), Query.ALL).size());
    }
  }

  private static TextValue text(String s) {
    return new TextValue(s);
  }
}
