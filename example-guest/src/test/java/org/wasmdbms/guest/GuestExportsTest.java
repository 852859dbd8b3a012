package org.wasmdbms.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.BrokenForeignKeyReferenceException;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ForeignKeyConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MissingNonNullableFieldException;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.AggregatedValue;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.host.abi.DatabaseAbi;
import org.wasmdbms.wit.WitQuery;

/** Every function of the interface through the canonical ABI, and the errors each can answer. */
class GuestExportsTest {
  private static final List<AggregateFunction> SUM_OF_ID =
      List.of(AggregateFunction.of(AggregateFunction.Kind.SUM, "id"));

  @TempDir Path directory;
  private GuestInstance guest;
  private DatabaseAbi db;

  @BeforeEach
  void start() {
    guest = new GuestInstance(directory);
    db = new DatabaseAbi(guest);
  }

  @AfterEach
  void stop() {
    guest.close();
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
        .set("content", new TextValue("about " + title))
        .set("user", new Uint32Value(user))
        .build();
  }

  static String idIs(long id) {
    return "{\"Eq\":[\"id\",{\"Uint32\":" + id + "}]}";
  }

  @Test
  void insertReturnsTheStoredRowAndSelectFindsIt() {
    Row stored = db.insert("users", user(1, "  Alice  ", "alice@example.com"), null);
    assertEquals(user(1, "Alice", "alice@example.com"), stored, "name trimmed by the sanitizer");
    db.insert("users", user(2, "Bob", "bob@example.com"), null);
    db.insert("users", user(3, "Carol", "carol@example.com"), null);

    assertEquals(3, db.select("users", WitQuery.ALL, null).size());
    assertEquals(List.of(stored), db.select("users", WitQuery.filtered(idIs(1)), null));

    WitQuery ordered =
        new WitQuery(
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(new OrderKey("name", OrderDirection.DESCENDING)),
            2L,
            1L);
    List<Row> rows = db.select("users", ordered, null);
    assertEquals(
        List.of(new TextValue("Bob"), new TextValue("Alice")),
        List.of(rows.get(0).get("name"), rows.get(1).get("name")));
  }

  @Test
  void updateAndDeleteCountRowsAndCascade() {
    db.insert("users", user(1, "Alice", "alice@example.com"), null);
    db.insert("posts", post(10, "first", 1), null);
    db.insert("posts", post(11, "second", 1), null);
    Row comment =
        Row.builder()
            .set("id", new Uint32Value(100))
            .set("body", new TextValue("nice"))
            .set("post_id", new Uint32Value(10))
            .build();
    db.insert("comments", comment, null);

    Row retitled = Row.builder().set("title", new TextValue("renamed")).build();
    assertEquals(2, db.update("posts", retitled, null, null));
    assertEquals(1, db.update("posts", retitled, idIs(11), null));
    assertEquals(
        new TextValue("renamed"),
        db.select("posts", WitQuery.filtered(idIs(10)), null).get(0).get("title"));

    assertThrows(
        ForeignKeyConstraintViolationException.class,
        () -> db.delete("users", DeleteBehavior.RESTRICT, idIs(1), null));
    assertEquals(4, db.delete("users", DeleteBehavior.CASCADE, idIs(1), null));
    assertEquals(0, db.select("comments", WitQuery.ALL, null).size());
    assertEquals(0, db.delete("posts", DeleteBehavior.RESTRICT, null, null));
  }

  @Test
  void transactionsSeeTheirOwnWritesAndCommitOrRollBack() {
    long tx = db.beginTransaction();
    db.insert("users", user(1, "Alice", "alice@example.com"), tx);
    assertEquals(1, db.select("users", WitQuery.ALL, tx).size());
    assertEquals(0, db.select("users", WitQuery.ALL, null).size());
    assertEquals(
        1, db.update("users", Row.builder().set("name", new TextValue("Al")).build(), null, tx));
    db.commit(tx);
    assertEquals(new TextValue("Al"), db.select("users", WitQuery.ALL, null).get(0).get("name"));
    assertThrows(TransactionNotFoundException.class, () -> db.commit(tx));

    long other = db.beginTransaction();
    assertTrue(other != tx);
    assertEquals(1, db.delete("users", DeleteBehavior.RESTRICT, null, other));
    db.rollback(other);
    assertEquals(1, db.select("users", WitQuery.ALL, null).size());
    assertThrows(TransactionNotFoundException.class, () -> db.rollback(other));
    assertThrows(TransactionNotFoundException.class, () -> db.select("users", WitQuery.ALL, 999L));
    assertThrows(
        TransactionNotFoundException.class,
        () -> db.insert("users", user(5, "E", "e@example.com"), 999L));
  }

  @Test
  void aReadCommittedTransactionFromBeginTransactionIsolatedSeesLaterCommits() {
    db.insert("users", user(1, "Alice", "alice@example.com"), null);
    long tx = db.beginTransactionIsolated(Isolation.READ_COMMITTED);
    Row renamed = Row.builder().set("name", new TextValue("Al")).build();
    assertEquals(1, db.update("users", renamed, idIs(1), null));
    assertEquals(new TextValue("Al"), db.select("users", WitQuery.ALL, tx).get(0).get("name"));
    db.commit(tx);
    assertThrows(TransactionNotFoundException.class, () -> db.commit(tx));
  }

  @Test
  void everyEngineErrorComesBackAsItsCase() {
    db.insert("users", user(1, "Alice", "alice@example.com"), null);
    assertEquals(
        "nope",
        assertThrows(TableNotFoundException.class, () -> db.select("nope", WitQuery.ALL, null))
            .detail());
    assertThrows(
        PrimaryKeyConflictException.class,
        () -> db.insert("users", user(1, "A", "a@example.com"), null));
    assertThrows(
        BrokenForeignKeyReferenceException.class, () -> db.insert("posts", post(1, "t", 42), null));
    assertThrows(
        UnknownColumnException.class,
        () -> db.select("users", WitQuery.filtered("{\"Eq\":[\"age\",{\"Uint32\":1}]}"), null));
    assertThrows(
        MissingNonNullableFieldException.class,
        () -> db.insert("users", Row.builder().set("id", new Uint32Value(7)).build(), null));
    assertThrows(
        ValidationException.class,
        () -> db.insert("users", user(2, "a name far longer than twenty", "b@example.com"), null));
    assertThrows(
        ValidationException.class, () -> db.insert("users", user(3, "Bob", "not-an-email"), null));
    assertThrows(
        InvalidQueryException.class,
        () -> db.insert("users", Row.builder().set("id", new TextValue("one")).build(), null));
    assertThrows(
        InvalidQueryException.class, () -> db.select("users", WitQuery.filtered("{\"Eq\":"), null));
    assertThrows(
        InvalidQueryException.class,
        () -> db.update("users", user(1, "x", "x@example.com"), "[", null));
    ConstraintViolationException tooBig =
        assertThrows(
            ConstraintViolationException.class,
            () ->
                db.insert(
                    "users",
                    user(9, "x".repeat(GuestMemory.MAX_VALUE_BYTES + 1), "x@e.com"),
                    null));
    assertTrue(tooBig.detail().contains("exceeds"), tooBig.detail());
    assertEquals(1, db.select("users", WitQuery.ALL, null).size(), "failed calls changed nothing");
  }

  @Test
  void joinsAndAggregatesReachTheEngine() {
    db.insert("users", user(1, "Alice", "alice@example.com"), null);
    db.insert("users", user(2, "Bob", "bob@example.com"), null);
    db.insert("posts", post(10, "first", 1), null);
    db.insert("posts", post(11, "second", 1), null);
    String join =
        "{\"join_type\":\"Left\",\"table\":\"posts\",\"left_column\":\"id\",\"right_column\":\"user\"}";
    List<Row> joined =
        db.select(
            "users",
            new WitQuery(
                null, List.of(), List.of(), List.of(join), List.of(), null, List.of(), null, null),
            null);
    assertEquals(3, joined.size());
    assertEquals(new Uint32Value(10), joined.get(0).get("posts.id"));
    assertEquals(NullValue.INSTANCE, joined.get(2).get("posts.id"), "Bob padded with nulls");
    WitQuery byUser =
        new WitQuery(
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of("user"),
            "{\"Gt\":[\"agg0\",{\"Uint64\":1}]}",
            List.of(),
            null,
            null);
    List<AggregatedRow> groups =
        db.aggregate("posts", byUser, List.of(AggregateFunction.countRows()), null);
    assertEquals(
        List.of(
            new AggregatedRow(
                List.of(new Uint32Value(1)),
                List.of(new AggregatedValue(AggregateFunction.Kind.COUNT, new Uint64Value(2))))),
        groups);
    InvalidQueryException groupInSelect =
        assertThrows(InvalidQueryException.class, () -> db.select("posts", byUser, null));
    assertTrue(groupInSelect.detail().contains("aggregate"), groupInSelect.detail());
    assertThrows(
        TableNotFoundException.class, () -> db.aggregate("nope", WitQuery.ALL, SUM_OF_ID, null));
    assertThrows(
        TransactionNotFoundException.class,
        () -> db.aggregate("users", WitQuery.ALL, SUM_OF_ID, 77L));
  }

  @Test
  void limitsAboveTwoToTheSixtyThreeAreRefused() {
    WitQuery huge =
        new WitQuery(null, List.of(), List.of(), List.of(), List.of(), null, List.of(), -1L, null);
    DbmsException e =
        assertThrows(InvalidQueryException.class, () -> db.select("users", huge, null));
    assertTrue(e.detail().contains("limit"), e.detail());
  }

  @Test
  void tooManyOpenTransactionsIsAConstraintViolation() {
    for (int i = 0; i < GuestMemory.MAX_OPEN_TRANSACTIONS; i++) {
      db.beginTransaction();
    }
    assertThrows(ConstraintViolationException.class, db::beginTransaction);
  }

  @Test
  void integerValuesOfOtherWidthsCompareByValue() {
    db.insert("users", user(5, "Eve", "eve@example.com"), null);
    String filter = "{\"Eq\":[\"id\",{\"Uint64\":5}]}";
    assertEquals(1, db.select("users", WitQuery.filtered(filter), null).size());
    Row wide =
        Row.builder()
            .set("id", new Uint64Value(6))
            .set("name", new TextValue("F"))
            .set("email", new TextValue("f@example.com"))
            .build();
    assertEquals(new Uint32Value(6), db.insert("users", wide, null).get("id"), "stored as Uint32");
    Row tooWide =
        Row.builder()
            .set("id", new Uint64Value(1L << 40))
            .set("name", new TextValue("G"))
            .set("email", new TextValue("g@example.com"))
            .build();
    assertThrows(DbmsException.class, () -> db.insert("users", tooWide, null));
  }
}
