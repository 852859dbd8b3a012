package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.BrokenForeignKeyReferenceException;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ForeignKeyConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MigrationException;
import org.wasmdbms.api.error.MissingNonNullableFieldException;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.demo.ExampleGuest;

/** Every operation of the typed client against the build-time compiled example guest. */
class DatabaseClientTest {
  @TempDir Path directory;
  private DbmsHost host;
  private DatabaseClient db;

  @BeforeEach
  void start() {
    host = DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(directory));
    db = host.client();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  static Row user(long id, String name, String email) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("name", new TextValue(name))
        .set("email", new TextValue(email))
        .build();
  }

  static Row post(long id, String title, long user) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("title", new TextValue(title))
        .set("content", new TextValue("text of " + title))
        .set("user", new Uint32Value(user))
        .build();
  }

  static Row comment(long id, long post) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("body", new TextValue("on " + post))
        .set("post_id", new Uint32Value(post))
        .build();
  }

  private static List<Long> ids(List<Row> rows) {
    return rows.stream().map(r -> ((Uint32Value) r.get("id")).value()).toList();
  }

  private static Filter idIs(long id) {
    return new Filter.Eq("id", new Uint32Value(id));
  }

  private void users(int count) {
    for (int i = 1; i <= count; i++) {
      db.insert("users", user(i, "user" + i, "u" + i + "@example.com"));
    }
  }

  @Test
  void insertReturnsTheStoredRow() {
    Row stored = db.insert("users", user(1, "  Ada  ", "ada@example.com"));
    assertEquals(user(1, "Ada", "ada@example.com"), stored);
    assertEquals(List.of(stored), db.selectAll("users"));
  }

  @Test
  void selectFiltersOrdersLimitsAndSkips() {
    users(6);
    Query query =
        Query.builder()
            .filter(new Filter.Gt("id", new Uint32Value(1)))
            .orderBy("id", OrderDirection.DESCENDING)
            .limit(3)
            .offset(1)
            .build();
    assertEquals(List.of(5L, 4L, 3L), ids(db.select("users", query)));
    Filter or =
        new Filter.Or(
            List.of(
                new Filter.Eq("name", new TextValue("user2")), new Filter.Like("email", "u6%")));
    assertEquals(List.of(2L, 6L), ids(db.select("users", Query.builder().filter(or).build())));
  }

  @Test
  void updateChangesTheMatchingRows() {
    users(3);
    long changed =
        db.update(
            "users",
            Row.builder().set("name", new TextValue("renamed")).build(),
            new Filter.Ge("id", new Uint32Value(2)));
    assertEquals(2, changed);
    Value name = db.select("users", Query.builder().filter(idIs(3)).build()).get(0).get("name");
    assertEquals(new TextValue("renamed"), name);
    assertEquals(new TextValue("user1"), db.selectAll("users").get(0).get("name"));
  }

  @Test
  void deleteRestrictsOrCascades() {
    users(2);
    db.insert("posts", post(10, "first", 1));
    db.insert("comments", comment(100, 10));
    assertThrows(
        ForeignKeyConstraintViolationException.class,
        () -> db.delete("users", DeleteBehavior.RESTRICT, idIs(1)));
    assertEquals(1, db.delete("users", DeleteBehavior.RESTRICT, idIs(2)));
    assertEquals(3, db.delete("users", DeleteBehavior.CASCADE, idIs(1)));
    assertEquals(List.of(), db.selectAll("comments"));
    assertEquals(0, db.delete("users", DeleteBehavior.CASCADE, null));
  }

  @Test
  void transactionsCommitRollBackAndRollBackOnClose() {
    try (Transaction tx = db.begin()) {
      tx.insert("users", user(1, "a", "a@example.com"));
      assertEquals(List.of(1L), ids(tx.selectAll("users")));
      assertEquals(List.of(), db.selectAll("users"));
      tx.commit();
    }
    assertEquals(List.of(1L), ids(db.selectAll("users")));

    Transaction rolledBack = db.begin();
    rolledBack.insert("users", user(2, "b", "b@example.com"));
    rolledBack.rollback();
    assertThrows(TransactionNotFoundException.class, () -> rolledBack.selectAll("users"));

    try (Transaction tx = db.begin()) {
      tx.insert("users", user(3, "c", "c@example.com"));
      tx.delete("users", DeleteBehavior.RESTRICT, idIs(1));
    }
    assertEquals(List.of(1L), ids(db.selectAll("users")));
  }

  @Test
  void aFailedCommitEndsTheTransactionAndAppliesNothing() {
    users(1);
    Transaction tx = db.begin();
    tx.insert("posts", post(10, "p", 1));
    db.delete("users", DeleteBehavior.RESTRICT, idIs(1));
    assertThrows(BrokenForeignKeyReferenceException.class, tx::commit);
    assertEquals(List.of(), db.selectAll("posts"));
    assertThrows(TransactionNotFoundException.class, tx::commit);
  }

  @Test
  void everyReachableErrorIsItsTypedException() {
    users(1);
    assertDetail(TableNotFoundException.class, "nope", () -> db.selectAll("nope"));
    assertThrows(
        PrimaryKeyConflictException.class, () -> db.insert("users", user(1, "x", "x@example.com")));
    assertThrows(
        BrokenForeignKeyReferenceException.class, () -> db.insert("posts", post(1, "t", 99)));
    assertDetail(
        UnknownColumnException.class,
        "colour",
        () ->
            db.select(
                "users",
                Query.builder()
                    .filter(idIs(1))
                    .orderBy("colour", OrderDirection.ASCENDING)
                    .build()));
    assertDetail(
        MissingNonNullableFieldException.class,
        "email",
        () ->
            db.insert(
                "users",
                Row.builder()
                    .set("id", new Uint32Value(5))
                    .set("name", new TextValue("n"))
                    .build()));
    assertThrows(
        InvalidQueryException.class,
        () ->
            db.select(
                "users", Query.builder().filter(new Filter.Eq("id", new TextValue("1"))).build()));
    assertThrows(
        InvalidQueryException.class,
        () -> db.aggregate("users", Query.ALL, List.of(AggregateFunction.sum("name"))));
    assertThrows(ValidationException.class, () -> db.insert("users", user(7, "v", "not-an-email")));
    Transaction tx = db.begin();
    tx.rollback();
    assertThrows(
        TransactionNotFoundException.class,
        () -> tx.insert("users", user(8, "t", "t@example.com")));
    assertEquals(List.of(1L), ids(db.selectAll("users")));
  }

  @Test
  void aFileOfTheGuestsOwnSchemaHasNoDriftNothingPendingAndMigrateChangesNothing() {
    db.insert("users", user(1, "Alice", "alice@example.com"));
    assertFalse(db.hasDrift());
    assertEquals(List.of(), db.pendingMigrations());
    db.migrate(MigrationPolicy.SAFE);
    db.migrate(MigrationPolicy.DESTRUCTIVE);
    assertFalse(db.hasDrift());
    Transaction open = db.begin();
    assertDetail(MigrationException.class, "transaction", () -> db.migrate(MigrationPolicy.SAFE));
    open.rollback();
    db.migrate(MigrationPolicy.SAFE);
    assertEquals(List.of(user(1, "Alice", "alice@example.com")), db.selectAll("users"));
  }

  private static void assertDetail(
      Class<? extends DbmsException> type, String expectedPart, Runnable call) {
    DbmsException e = assertThrows(type, call::run);
    assertTrue(e.detail().contains(expectedPart), e.detail());
  }
}
