package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.BrokenForeignKeyReferenceException;
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
import org.wasmdbms.api.row.ColumnValue;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.wit.WitQuery;

/**
 * The behaviour every implementation of the {@code database} interface shares, on the example
 * schema ({@code users}, {@code posts} referencing users, {@code comments} referencing posts). Each
 * implementation subclasses this class and opens a fresh, empty database per test.
 *
 * <p>Every refused call is checked to leave all three tables unchanged, as seen from outside and,
 * for calls inside a transaction, from inside it.
 *
 * <p>Left out on purpose, because the implementations legitimately differ or cannot express it:
 *
 * <ul>
 *   <li>Size limits: the guest refuses a single value above 4 MiB and a request above 8 MiB ({@code
 *       GuestMemory}), the JVM engine only at the wire format's 16 MiB per value and 64 MiB per
 *       record. The guest also caps open transactions at 1024.
 *   <li>A limit or offset of 2^63 or more: the WIT carries them as u64 and the guest refuses such
 *       values, while the engine's query takes a signed long and has no such input.
 *   <li>Unique constraints: the example schema has no unique column.
 *   <li>Autoincrement and defaults: the example schema has neither, so an insert returns exactly
 *       the sanitized input.
 * </ul>
 */
abstract class ContractSuite {
  private static final long UNKNOWN_TRANSACTION = 987_654_321L;

  @TempDir Path directory;
  private ContractDatabase db;

  /** A fresh, empty database with the example schema, kept in {@code directory} if on disk. */
  abstract ContractDatabase open(Path directory);

  @BeforeEach
  void openDatabase() {
    db = open(directory);
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  // ---- rows and filters -------------------------------------------------------------------

  private static Row user(long id, String name, String email) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("name", new TextValue(name))
        .set("email", new TextValue(email))
        .build();
  }

  private static Row post(long id, String title, long user) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("title", new TextValue(title))
        .set("content", new TextValue("text of " + title))
        .set("user", new Uint32Value(user))
        .build();
  }

  private static Row comment(long id, long post) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("body", new TextValue("on " + post))
        .set("post_id", new Uint32Value(post))
        .build();
  }

  private static Row set(String column, String text) {
    return Row.builder().set(column, new TextValue(text)).build();
  }

  private static String idIs(long id) {
    return "{\"Eq\":[\"id\",{\"Uint32\":" + id + "}]}";
  }

  private static List<Long> ids(List<Row> rows) {
    return rows.stream().map(row -> ((Uint32Value) row.get("id")).value()).toList();
  }

  private List<Long> ids(String table, WitQuery query) {
    return ids(db.select(table, query, null));
  }

  private List<Row> all(String table, Long tx) {
    return db.select(table, WitQuery.ALL, tx);
  }

  /**
   * Users 1 (Carol), 2 (alice), 3 (Bob); posts 10 and 11 by user 1, 12 by user 2; comment 100 on
   * post 10 and 101 on post 12. User 3 and post 11 are referenced by nothing.
   */
  private void seed() {
    db.insert("users", user(1, "Carol", "carol@example.com"), null);
    db.insert("users", user(2, "alice", "alice@example.com"), null);
    db.insert("users", user(3, "Bob", "bob@example.org"), null);
    db.insert("posts", post(10, "first", 1), null);
    db.insert("posts", post(11, "second", 1), null);
    db.insert("posts", post(12, "third", 2), null);
    db.insert("comments", comment(100, 10), null);
    db.insert("comments", comment(101, 12), null);
  }

  /** Every table's rows as transaction {@code tx} (null: outside) sees them. */
  private Map<String, List<Row>> everything(Long tx) {
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    for (String table : List.of("users", "posts", "comments")) {
      tables.put(table, all(table, tx));
    }
    return tables;
  }

  /** Asserts that {@code call} fails with {@code type} and changes nothing outside the database. */
  private <E extends DbmsException> E assertRefused(Class<E> type, Executable call) {
    return assertRefused(type, null, call);
  }

  /**
   * Asserts that {@code call} fails with {@code type} and changes nothing, seen from outside and
   * from transaction {@code tx} (if any).
   */
  private <E extends DbmsException> E assertRefused(Class<E> type, Long tx, Executable call) {
    Map<String, List<Row>> outside = everything(null);
    Map<String, List<Row>> inside = tx == null ? outside : everything(tx);
    E error = assertThrows(type, call);
    assertEquals(outside, everything(null), "a refused call changed the database");
    if (tx != null) {
      assertEquals(inside, everything(tx), "a refused call changed the transaction's view");
    }
    return error;
  }

  private static void assertDetailNames(DbmsException error, String part) {
    assertTrue(error.detail().contains(part), "detail \"" + error.detail() + "\" lacks " + part);
  }

  // ---- insert ---------------------------------------------------------------------------------

  @Test
  void insertReturnsTheStoredRowTrimmedAndInTableOrder() {
    Row given =
        Row.builder()
            .set("email", new TextValue("ada@example.com"))
            .set("name", new TextValue("  Ada \t"))
            .set("id", new Uint32Value(7))
            .build();
    Row stored = db.insert("users", given, null);
    assertEquals(user(7, "Ada", "ada@example.com"), stored);
    assertEquals(List.of(stored), all("users", null));
  }

  @Test
  void nameIsTrimmedBeforeItsLengthIsChecked() {
    String twenty = "abcdefghijklmnopqrst";
    Row stored = db.insert("users", user(1, "   " + twenty + "  ", "a@example.com"), null);
    assertEquals(new TextValue(twenty), stored.get("name"));
  }

  @Test
  void nameLongerThanTwentyCharactersIsAValidationError() {
    ValidationException error =
        assertRefused(
            ValidationException.class,
            () -> db.insert("users", user(1, "abcdefghijklmnopqrstu", "a@example.com"), null));
    // The validators' details name the rule and the value, not the column.
    assertDetailNames(error, "maximum 20");
  }

  @Test
  void blankPostTitleIsRefusedByTheUserDefinedValidator() {
    seed();
    ValidationException error =
        assertRefused(
            ValidationException.class, () -> db.insert("posts", post(13, "   ", 1), null));
    assertEquals("column title: NotBlank: must not be blank", error.detail());
    assertRefused(
        ValidationException.class, () -> db.update("posts", set("title", ""), idIs(10), null));
  }

  @Test
  void badEmailIsAValidationError() {
    seed();
    ValidationException error =
        assertRefused(
            ValidationException.class, () -> db.insert("users", user(4, "Dan", "nobody"), null));
    assertDetailNames(error, "\"nobody\"");
    assertRefused(
        ValidationException.class, () -> db.update("users", set("email", "x@"), idIs(1), null));
  }

  @Test
  void duplicatePrimaryKeyIsRefused() {
    seed();
    assertRefused(
        PrimaryKeyConflictException.class,
        () -> db.insert("users", user(2, "Other", "other@example.com"), null));
    assertRefused(
        PrimaryKeyConflictException.class,
        () ->
            db.update("users", Row.builder().set("id", new Uint32Value(2)).build(), idIs(3), null));
  }

  @Test
  void referenceToAMissingParentIsRefused() {
    seed();
    assertRefused(
        BrokenForeignKeyReferenceException.class,
        () -> db.insert("posts", post(13, "orphan", 99), null));
    assertRefused(
        BrokenForeignKeyReferenceException.class,
        () -> db.insert("comments", comment(102, 99), null));
    assertRefused(
        BrokenForeignKeyReferenceException.class,
        () ->
            db.update(
                "posts", Row.builder().set("user", new Uint32Value(99)).build(), idIs(10), null));
  }

  @Test
  void missingNonNullableFieldIsNamed() {
    Row noEmail =
        Row.builder().set("id", new Uint32Value(1)).set("name", new TextValue("Ada")).build();
    MissingNonNullableFieldException error =
        assertRefused(
            MissingNonNullableFieldException.class, () -> db.insert("users", noEmail, null));
    assertEquals("email", error.detail());
    Row nullEmail =
        Row.builder()
            .set("id", new Uint32Value(1))
            .set("name", new TextValue("Ada"))
            .set("email", NullValue.INSTANCE)
            .build();
    assertRefused(
        MissingNonNullableFieldException.class, () -> db.insert("users", nullEmail, null));
  }

  @Test
  void valueOfTheWrongTypeIsAnInvalidQuery() {
    seed();
    Row textId =
        Row.builder()
            .set("id", new TextValue("4"))
            .set("name", new TextValue("Dan"))
            .set("email", new TextValue("dan@example.com"))
            .build();
    assertRefused(InvalidQueryException.class, () -> db.insert("users", textId, null));
    Row numericName = Row.builder().set("name", new Int32Value(5)).build();
    assertRefused(InvalidQueryException.class, () -> db.update("users", numericName, null, null));
  }

  @Test
  void columnGivenTwiceIsAnInvalidQuery() {
    Row twice =
        Row.builder()
            .set("id", new Uint32Value(1))
            .set("name", new TextValue("Ada"))
            .set("name", new TextValue("Eve"))
            .set("email", new TextValue("ada@example.com"))
            .build();
    assertRefused(InvalidQueryException.class, () -> db.insert("users", twice, null));
  }

  @Test
  void unknownColumnInARowIsNamed() {
    seed();
    Row colourful =
        Row.builder()
            .set("id", new Uint32Value(4))
            .set("name", new TextValue("Dan"))
            .set("email", new TextValue("dan@example.com"))
            .set("colour", new TextValue("red"))
            .build();
    assertEquals(
        "colour",
        assertRefused(UnknownColumnException.class, () -> db.insert("users", colourful, null))
            .detail());
    assertRefused(
        UnknownColumnException.class, () -> db.update("users", set("colour", "red"), null, null));
  }

  @Test
  void unknownTableIsNamedByEveryOperation() {
    seed();
    List<Executable> calls =
        List.of(
            () -> db.select("nope", WitQuery.ALL, null),
            () -> db.insert("nope", user(9, "n", "n@example.com"), null),
            () -> db.update("nope", set("name", "n"), null, null),
            () -> db.delete("nope", DeleteBehavior.CASCADE, null, null));
    for (Executable call : calls) {
      assertEquals("nope", assertRefused(TableNotFoundException.class, call).detail());
    }
  }

  // ---- select ---------------------------------------------------------------------------------

  @Test
  void selectFiltersWithEveryJsonOperator() {
    seed();
    assertEquals(List.of(2L), ids("users", WitQuery.filtered(idIs(2))));
    assertEquals(
        List.of(1L, 3L), ids("users", WitQuery.filtered("{\"Ne\":[\"id\",{\"Uint32\":2}]}")));
    assertEquals(
        List.of(2L, 3L), ids("users", WitQuery.filtered("{\"Gt\":[\"id\",{\"Uint32\":1}]}")));
    assertEquals(
        List.of(2L, 3L), ids("users", WitQuery.filtered("{\"Ge\":[\"id\",{\"Uint32\":2}]}")));
    assertEquals(List.of(1L), ids("users", WitQuery.filtered("{\"Lt\":[\"id\",{\"Uint32\":2}]}")));
    assertEquals(
        List.of(1L, 2L), ids("users", WitQuery.filtered("{\"Le\":[\"id\",{\"Uint32\":2}]}")));
    assertEquals(
        List.of(1L, 3L),
        ids(
            "users",
            WitQuery.filtered("{\"In\":[\"name\",[{\"Text\":\"Bob\"},{\"Text\":\"Carol\"}]]}")));
    assertEquals(List.of(3L), ids("users", WitQuery.filtered("{\"Like\":[\"email\",\"%.org\"]}")));
    assertEquals(List.of(), ids("users", WitQuery.filtered("{\"IsNull\":\"name\"}")));
    assertEquals(List.of(1L, 2L, 3L), ids("users", WitQuery.filtered("{\"NotNull\":\"name\"}")));
    assertEquals(
        List.of(11L),
        ids(
            "posts",
            WitQuery.filtered(
                "{\"And\":[{\"Eq\":[\"user\",{\"Uint32\":1}]},{\"Not\":" + idIs(10) + "}]}")));
    assertEquals(
        List.of(10L, 12L),
        ids("posts", WitQuery.filtered("{\"Or\":[" + idIs(10) + "," + idIs(12) + "]}")));
  }

  @Test
  void integersCompareByValueAcrossWidths() {
    seed();
    assertEquals(List.of(2L), ids("users", WitQuery.filtered("{\"Eq\":[\"id\",{\"Int64\":2}]}")));
    assertEquals(
        List.of(1L, 2L), ids("users", WitQuery.filtered("{\"Lt\":[\"id\",{\"Int8\":3}]}")));
  }

  @Test
  void selectOrdersAscendingAndDescending() {
    seed();
    WitQuery byName = WitQuery.ALL.thenOrderBy("name", OrderDirection.ASCENDING);
    // Text sorts by code point: upper case before lower case.
    assertEquals(List.of(3L, 1L, 2L), ids("users", byName));
    assertEquals(
        List.of(2L, 1L, 3L),
        ids("users", WitQuery.ALL.thenOrderBy("name", OrderDirection.DESCENDING)));
    WitQuery byAuthorThenNewest =
        WitQuery.ALL
            .thenOrderBy("user", OrderDirection.DESCENDING)
            .thenOrderBy("id", OrderDirection.DESCENDING);
    assertEquals(List.of(12L, 11L, 10L), ids("posts", byAuthorThenNewest));
    assertEquals(
        List.of(11L, 10L, 12L),
        ids(
            "posts",
            WitQuery.ALL
                .thenOrderBy("user", OrderDirection.ASCENDING)
                .thenOrderBy("id", OrderDirection.DESCENDING)));
  }

  @Test
  void selectLimitsAndSkipsAfterOrdering() {
    for (long id = 1; id <= 6; id++) {
      db.insert("users", user(id, "user" + id, "u" + id + "@example.com"), null);
    }
    WitQuery newest = WitQuery.ALL.thenOrderBy("id", OrderDirection.DESCENDING);
    assertEquals(List.of(6L, 5L), ids("users", newest.withLimit(2)));
    assertEquals(List.of(5L, 4L, 3L), ids("users", newest.withOffset(1).withLimit(3)));
    assertEquals(List.of(2L, 1L), ids("users", newest.withOffset(4)));
    assertEquals(List.of(), ids("users", newest.withOffset(6)));
    assertEquals(List.of(), ids("users", newest.withLimit(0)));
    assertEquals(
        List.of(4L),
        ids(
            "users",
            WitQuery.filtered("{\"Gt\":[\"id\",{\"Uint32\":2}]}")
                .thenOrderBy("id", OrderDirection.ASCENDING)
                .withOffset(1)
                .withLimit(1)));
  }

  @Test
  void unknownColumnInAFilterOrOrderIsNamed() {
    seed();
    String colour = "{\"Eq\":[\"colour\",{\"Text\":\"red\"}]}";
    List<Executable> calls =
        List.of(
            () -> db.select("users", WitQuery.filtered(colour), null),
            () ->
                db.select(
                    "users", WitQuery.ALL.thenOrderBy("colour", OrderDirection.ASCENDING), null),
            () -> db.update("users", set("name", "x"), colour, null),
            () -> db.delete("users", DeleteBehavior.CASCADE, colour, null));
    for (Executable call : calls) {
      assertEquals("colour", assertRefused(UnknownColumnException.class, call).detail());
    }
  }

  @Test
  void malformedJsonFilterIsAnInvalidQuery() {
    seed();
    for (String bad :
        List.of(
            "{\"Eq\":[\"id\",{\"Uint32\":1}]",
            "{\"Eq\":[\"id\"]}",
            "{\"Foo\":1}",
            "{\"And\":[" + idIs(1) + "]}",
            "{\"Eq\":[\"id\",{\"Uint32\":1}]} x",
            "")) {
      assertRefused(
          InvalidQueryException.class, () -> db.select("users", WitQuery.filtered(bad), null));
      assertRefused(
          InvalidQueryException.class, () -> db.update("users", set("name", "x"), bad, null));
      assertRefused(
          InvalidQueryException.class, () -> db.delete("users", DeleteBehavior.CASCADE, bad, null));
    }
  }

  @Test
  void filterValueOfTheWrongTypeIsAnInvalidQuery() {
    seed();
    String textId = "{\"Eq\":[\"id\",{\"Text\":\"1\"}]}";
    assertRefused(
        InvalidQueryException.class, () -> db.select("users", WitQuery.filtered(textId), null));
    assertRefused(
        InvalidQueryException.class,
        () -> db.delete("users", DeleteBehavior.CASCADE, textId, null));
  }

  // ---- update ---------------------------------------------------------------------------------

  @Test
  void updateCountsAndChangesOnlyTheMatchingRows() {
    seed();
    assertEquals(
        2, db.update("users", set("name", "  renamed "), "{\"Ge\":[\"id\",{\"Uint32\":2}]}", null));
    assertEquals(
        List.of(
            user(1, "Carol", "carol@example.com"),
            user(2, "renamed", "alice@example.com"),
            user(3, "renamed", "bob@example.org")),
        all("users", null));
    assertEquals(0, db.update("users", set("name", "nobody"), idIs(42), null));
    assertEquals(3, db.update("posts", set("title", "same"), null, null));
    assertEquals(
        List.of(new TextValue("same")),
        all("posts", null).stream().map(row -> row.get("title")).distinct().toList());
  }

  // ---- delete ---------------------------------------------------------------------------------

  @Test
  void restrictedDeleteOfAReferencedRowDeletesNothing() {
    seed();
    // Users 1 and 2 are referenced, 3 is not: the whole delete is refused, user 3 included.
    assertRefused(
        ForeignKeyConstraintViolationException.class,
        () -> db.delete("users", DeleteBehavior.RESTRICT, null, null));
    assertRefused(
        ForeignKeyConstraintViolationException.class,
        () -> db.delete("posts", DeleteBehavior.RESTRICT, idIs(10), null));
    assertEquals(1, db.delete("users", DeleteBehavior.RESTRICT, idIs(3), null));
    assertEquals(List.of(1L, 2L), ids("users", WitQuery.ALL));
  }

  @Test
  void cascadingDeleteRemovesTheChildrenAndCountsThem() {
    seed();
    // User 1, its posts 10 and 11, and comment 100 on post 10.
    assertEquals(4, db.delete("users", DeleteBehavior.CASCADE, idIs(1), null));
    assertEquals(List.of(2L, 3L), ids("users", WitQuery.ALL));
    assertEquals(List.of(12L), ids("posts", WitQuery.ALL));
    assertEquals(List.of(101L), ids("comments", WitQuery.ALL));
  }

  @Test
  void deleteWithoutAFilterTakesEveryRow() {
    seed();
    assertEquals(0, db.delete("comments", DeleteBehavior.RESTRICT, idIs(7), null));
    assertEquals(2, db.delete("comments", DeleteBehavior.RESTRICT, null, null));
    assertEquals(List.of(), all("comments", null));
    assertEquals(6, db.delete("users", DeleteBehavior.CASCADE, null, null));
    assertEquals(
        Map.of("users", List.of(), "posts", List.of(), "comments", List.of()), everything(null));
  }

  // ---- transactions ---------------------------------------------------------------------------

  @Test
  void commitMakesEveryWriteVisible() {
    seed();
    long tx = db.begin();
    db.insert("users", user(4, "Dan", "dan@example.com"), tx);
    assertEquals(1, db.update("users", set("name", "Caroline"), idIs(1), tx));
    assertEquals(2, db.delete("posts", DeleteBehavior.CASCADE, idIs(12), tx));
    Map<String, List<Row>> before = everything(null);
    Map<String, List<Row>> seenInside = everything(tx);
    assertEquals(List.of(1L, 2L, 3L, 4L), ids(seenInside.get("users")));
    assertEquals(before, everything(null), "uncommitted writes are visible outside");
    db.commit(tx);
    assertEquals(seenInside, everything(null));
  }

  @Test
  void rollbackDiscardsEveryWrite() {
    seed();
    Map<String, List<Row>> before = everything(null);
    long tx = db.begin();
    db.insert("users", user(4, "Dan", "dan@example.com"), tx);
    db.delete("users", DeleteBehavior.CASCADE, null, tx);
    assertEquals(List.of(), all("users", tx));
    db.rollback(tx);
    assertEquals(before, everything(null));
  }

  @Test
  void transactionsDoNotSeeEachOthersUncommittedWrites() {
    seed();
    long first = db.begin();
    long second = db.begin();
    db.insert("users", user(4, "Dan", "dan@example.com"), first);
    db.insert("users", user(5, "Eve", "eve@example.com"), second);
    assertEquals(List.of(1L, 2L, 3L, 4L), ids(all("users", first)));
    assertEquals(List.of(1L, 2L, 3L, 5L), ids(all("users", second)));
    db.commit(first);
    // Read committed: the second transaction now sees the first one's commit.
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(all("users", second)));
    assertEquals(List.of(1L, 2L, 3L, 4L), ids(all("users", null)));
    db.rollback(second);
    assertEquals(List.of(1L, 2L, 3L, 4L), ids(all("users", null)));
  }

  @Test
  void aTransactionSeesWritesCommittedOutsideIt() {
    long tx = db.begin();
    db.insert("users", user(1, "Ada", "ada@example.com"), null);
    assertEquals(List.of(1L), ids(all("users", tx)));
    db.insert("posts", post(10, "p", 1), tx);
    db.commit(tx);
    assertEquals(List.of(10L), ids(all("posts", null)));
  }

  @Test
  void aRefusedWriteInsideATransactionKeepsItsEarlierWrites() {
    seed();
    long tx = db.begin();
    db.insert("users", user(4, "Dan", "dan@example.com"), tx);
    assertRefused(
        PrimaryKeyConflictException.class,
        tx,
        () -> db.insert("users", user(4, "Again", "again@example.com"), tx));
    assertRefused(
        BrokenForeignKeyReferenceException.class,
        tx,
        () -> db.insert("posts", post(13, "orphan", 99), tx));
    assertRefused(
        ForeignKeyConstraintViolationException.class,
        tx,
        () -> db.delete("users", DeleteBehavior.RESTRICT, idIs(1), tx));
    db.commit(tx);
    assertEquals(List.of(1L, 2L, 3L, 4L), ids("users", WitQuery.ALL));
  }

  @Test
  void aCommitThatBreaksAConstraintAppliesNothingAndEndsTheTransaction() {
    seed();
    long tx = db.begin();
    db.insert("users", user(4, "Dan", "dan@example.com"), tx);
    db.insert("posts", post(13, "by Bob", 3), tx);
    db.delete("users", DeleteBehavior.RESTRICT, idIs(3), null);
    assertRefused(BrokenForeignKeyReferenceException.class, () -> db.commit(tx));
    assertEquals(List.of(1L, 2L), ids("users", WitQuery.ALL));
    assertRefused(TransactionNotFoundException.class, () -> db.commit(tx));
  }

  @Test
  void unknownTransactionIdIsRefusedByEveryOperation() {
    seed();
    assertTransactionIsGone(UNKNOWN_TRANSACTION);
  }

  @Test
  void committedTransactionIsGone() {
    seed();
    long tx = db.begin();
    db.insert("users", user(4, "Dan", "dan@example.com"), tx);
    db.commit(tx);
    assertTransactionIsGone(tx);
  }

  @Test
  void rolledBackTransactionIsGone() {
    seed();
    long tx = db.begin();
    db.insert("users", user(4, "Dan", "dan@example.com"), tx);
    db.rollback(tx);
    assertTransactionIsGone(tx);
  }

  private void assertTransactionIsGone(long tx) {
    List<Executable> calls =
        List.of(
            () -> db.select("users", WitQuery.ALL, tx),
            () -> db.insert("users", user(5, "Eve", "eve@example.com"), tx),
            () -> db.update("users", set("name", "x"), null, tx),
            () -> db.delete("users", DeleteBehavior.CASCADE, null, tx),
            () -> db.commit(tx),
            () -> db.rollback(tx));
    for (Executable call : calls) {
      assertRefused(TransactionNotFoundException.class, call);
    }
  }

  // ---- joins, distinct, eager relations -------------------------------------------------------

  private static String join(String type, String table, String left, String right) {
    return "{\"join_type\":\""
        + type
        + "\",\"table\":\""
        + table
        + "\",\"left_column\":\""
        + left
        + "\",\"right_column\":\""
        + right
        + "\"}";
  }

  private static WitQuery query(
      List<String> distinctBy,
      List<String> eager,
      List<String> joins,
      List<String> groupBy,
      String having,
      List<OrderKey> orderBy) {
    return new WitQuery(null, distinctBy, eager, joins, groupBy, having, orderBy, null, null);
  }

  private static WitQuery joined(String... joins) {
    return query(List.of(), List.of(), List.of(joins), List.of(), null, List.of());
  }

  /** A value as short text: numbers and text as they read, decimals in plain form, null "-". */
  private static String show(Value value) {
    if (value instanceof NullValue) {
      return "-";
    } else if (value instanceof Uint32Value v) {
      return Long.toString(v.value());
    } else if (value instanceof Uint64Value v) {
      return Long.toString(v.value());
    } else if (value instanceof DecimalValue v) {
      return v.value().toPlainString();
    } else if (value instanceof TextValue v) {
      return v.value();
    }
    return value.toString();
  }

  /** Each row's values of {@code columns}, shown and joined by a space. */
  private static List<String> show(List<Row> rows, String... columns) {
    return rows.stream()
        .map(
            row -> {
              StringBuilder line = new StringBuilder();
              for (String column : columns) {
                line.append(line.isEmpty() ? "" : " ").append(show(row.get(column)));
              }
              return line.toString();
            })
        .toList();
  }

  @Test
  void innerJoinNamesEveryColumnTableDotColumn() {
    seed();
    List<Row> rows = db.select("users", joined(join("Inner", "posts", "users.id", "user")), null);
    assertEquals(List.of("1 10", "1 11", "2 12"), show(rows, "users.id", "posts.id"));
    assertEquals(
        List.of(
            "users.id",
            "users.name",
            "users.email",
            "posts.id",
            "posts.title",
            "posts.content",
            "posts.user",
            "posts.metadata"),
        rows.get(0).columns().stream().map(ColumnValue::name).toList());
  }

  @Test
  void leftRightAndFullJoinsPadTheMissingSideWithNulls() {
    seed();
    assertEquals(
        List.of("1 10 first", "1 11 second", "2 12 third", "3 - -"),
        show(
            db.select("users", joined(join("Left", "posts", "id", "user")), null),
            "users.id",
            "posts.id",
            "posts.title"));
    assertEquals(
        List.of("100 10", "101 12", "- 11"),
        show(
            db.select("comments", joined(join("Right", "posts", "post_id", "id")), null),
            "comments.id",
            "posts.id"));
    db.insert("users", user(10, "Dan", "dan@example.com"), null);
    assertEquals(
        List.of("1 -", "2 -", "3 -", "10 10", "- 11", "- 12"),
        show(
            db.select("users", joined(join("Full", "posts", "users.id", "id")), null),
            "users.id",
            "posts.id"));
  }

  @Test
  void joinsChainLeftToRight() {
    seed();
    List<Row> rows =
        db.select(
            "users",
            joined(
                join("Inner", "posts", "users.id", "user"),
                join("Inner", "comments", "posts.id", "post_id")),
            null);
    assertEquals(
        List.of("Carol first 100", "alice third 101"),
        show(rows, "users.name", "posts.title", "comments.id"));
  }

  @Test
  void distinctByKeepsTheFirstRowOfEachCombination() {
    seed();
    WitQuery byAuthor = query(List.of("user"), List.of(), List.of(), List.of(), null, List.of());
    assertEquals(List.of(10L, 12L), ids("posts", byAuthor));
  }

  @Test
  void eagerRelationAddsTheReferencedRowUnderItsName() {
    seed();
    List<Row> byColumn =
        db.select(
            "posts",
            query(List.of(), List.of("user"), List.of(), List.of(), null, List.of()),
            null);
    assertEquals(
        List.of("id", "title", "content", "user", "metadata", "user.id", "user.name", "user.email"),
        byColumn.get(0).columns().stream().map(ColumnValue::name).toList());
    assertEquals(List.of("10 Carol", "11 Carol", "12 alice"), show(byColumn, "id", "user.name"));
    List<Row> byTable =
        db.select(
            "posts",
            query(List.of(), List.of("users"), List.of(), List.of(), null, List.of()),
            null);
    assertEquals(List.of("Carol", "Carol", "alice"), show(byTable, "users.name"));
  }

  @Test
  void joinOfAnUnknownTableIsTableNotFound() {
    seed();
    TableNotFoundException error =
        assertRefused(
            TableNotFoundException.class,
            () -> db.select("users", joined(join("Inner", "nope", "id", "user")), null));
    assertEquals("nope", error.detail());
  }

  @Test
  void eagerRelationsWithJoinsAreAnInvalidQuery() {
    seed();
    WitQuery both =
        query(
            List.of(),
            List.of("user"),
            List.of(join("Inner", "users", "user", "id")),
            List.of(),
            null,
            List.of());
    assertRefused(InvalidQueryException.class, () -> db.select("posts", both, null));
  }

  // ---- aggregate ------------------------------------------------------------------------------

  private static final List<AggregateFunction> EVERY_FUNCTION =
      List.of(
          AggregateFunction.countRows(),
          AggregateFunction.sum("id"),
          AggregateFunction.avg("id"),
          AggregateFunction.min("title"),
          AggregateFunction.max("title"));

  /** Each group as its keys, then its results, shown and joined by a space. */
  private static List<String> showGroups(List<AggregatedRow> groups) {
    return groups.stream()
        .map(
            group -> {
              StringBuilder line = new StringBuilder();
              for (Value key : group.groupKeys()) {
                line.append(show(key)).append(' ');
              }
              for (AggregatedValue result : group.values()) {
                line.append(show(result.value())).append(' ');
              }
              return line.toString().trim();
            })
        .toList();
  }

  private static WitQuery grouped(String having, List<OrderKey> orderBy, String... columns) {
    return query(List.of(), List.of(), List.of(), List.of(columns), having, orderBy);
  }

  @Test
  void aggregateComputesEveryFunctionPerGroup() {
    seed();
    assertEquals(
        List.of("1 2 21 10.5 first second", "2 1 12 12 third third"),
        showGroups(db.aggregate("posts", grouped(null, List.of(), "user"), EVERY_FUNCTION, null)));
    assertEquals(
        List.of("3 33 11 first third"),
        showGroups(db.aggregate("posts", WitQuery.ALL, EVERY_FUNCTION, null)));
  }

  @Test
  void havingFiltersGroupsByTheirResults() {
    seed();
    WitQuery prolific = grouped("{\"Gt\":[\"agg0\",{\"Uint64\":1}]}", List.of(), "user");
    assertEquals(
        List.of("1 2 21 10.5 first second"),
        showGroups(db.aggregate("posts", prolific, EVERY_FUNCTION, null)));
  }

  @Test
  void aggregateOrdersByAResultAndAggregatesOverAJoin() {
    seed();
    WitQuery postsPerUser =
        query(
            List.of(),
            List.of(),
            List.of(join("Left", "posts", "users.id", "user")),
            List.of("users.name"),
            null,
            List.of(new OrderKey("agg0", OrderDirection.DESCENDING)));
    assertEquals(
        List.of("Carol 2", "alice 1", "Bob 0"),
        showGroups(
            db.aggregate(
                "users", postsPerUser, List.of(AggregateFunction.count("posts.id")), null)));
  }

  @Test
  void aggregateErrorsAreTyped() {
    seed();
    List<AggregateFunction> count = List.of(AggregateFunction.countRows());
    assertRefused(
        TableNotFoundException.class, () -> db.aggregate("nope", WitQuery.ALL, count, null));
    assertRefused(
        InvalidQueryException.class,
        () -> db.aggregate("posts", WitQuery.ALL, List.of(AggregateFunction.sum("title")), null));
    assertRefused(
        TransactionNotFoundException.class,
        () -> db.aggregate("posts", WitQuery.ALL, count, UNKNOWN_TRANSACTION));
    InvalidQueryException groupInSelect =
        assertRefused(
            InvalidQueryException.class,
            () -> db.select("posts", grouped(null, List.of(), "user"), null));
    assertDetailNames(groupInSelect, "aggregate");
  }

  // ---- JSON filters ---------------------------------------------------------------------------

  @Test
  void jsonFiltersTestTheStoredDocument() {
    seed();
    db.update(
        "posts",
        Row.builder()
            .set("metadata", new JsonValue("{\"tags\":[\"wasm\",\"db\"],\"views\":42}"))
            .build(),
        idIs(10),
        null);
    db.update(
        "posts",
        Row.builder().set("metadata", new JsonValue("{\"tags\":[\"java\"],\"views\":7}")).build(),
        idIs(11),
        null);
    assertEquals(
        List.of(10L, 11L),
        ids("posts", WitQuery.filtered("{\"Json\":[\"metadata\",{\"HasKey\":\"tags[0]\"}]}")));
    assertEquals(
        List.of(10L),
        ids(
            "posts",
            WitQuery.filtered(
                "{\"Json\":[\"metadata\",{\"Extract\":[\"views\",{\"Gt\":{\"Int64\":10}}]}]}")));
    assertEquals(
        List.of(11L),
        ids(
            "posts",
            WitQuery.filtered("{\"Json\":[\"metadata\",{\"Contains\":{\"tags\":[\"java\"]}}]}")));
    assertEquals(
        List.of(12L),
        ids(
            "posts",
            WitQuery.filtered("{\"Not\":{\"Json\":[\"metadata\",{\"HasKey\":\"tags\"}]}}")));
  }
}
