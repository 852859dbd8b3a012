package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmdbms.engine.ExampleSchema.comment;
import static org.wasmdbms.engine.ExampleSchema.id;
import static org.wasmdbms.engine.ExampleSchema.post;
import static org.wasmdbms.engine.ExampleSchema.user;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.BrokenForeignKeyReferenceException;
import org.wasmdbms.api.error.ForeignKeyConstraintViolationException;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.error.UniqueConstraintViolationException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Read-committed transactions: visibility, commit, rollback, conflicts at commit, autoincrement.
 */
class TransactionTest {
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    ExampleSchema.registerAll(db);
    db.insert("users", user("Alice", "alice@example.com", 30));
    db.insert("users", user("Bob", "bob@example.com", 40));
    db.insert("posts", post(10, "hello", 1));
    db.insert("comments", comment(100, "nice", 10));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<Row> posts() {
    return db.select("posts", Query.ALL);
  }

  private List<Row> posts(long tx) {
    return db.select(tx, "posts", Query.ALL);
  }

  private static Filter postId(long id) {
    return new Filter.Eq("id", new Uint32Value(id));
  }

  private static Row title(String title) {
    return Row.builder().set("title", new TextValue(title)).build();
  }

  @Test
  void ownWritesAreVisibleInsideAndInvisibleOutside() {
    List<Row> before = posts();
    long tx = db.begin();
    db.insert(tx, "posts", post(11, "draft", 2));
    db.update(tx, "posts", title("edited"), postId(10));
    assertEquals(before, posts());
    List<Row> inside = posts(tx);
    assertEquals(2, inside.size());
    assertEquals(new TextValue("edited"), inside.get(0).get("title"));
    assertEquals(id(11), inside.get(1).get("id"));
    assertEquals(
        1,
        db.select(tx, "posts", Query.builder().filter(postId(11)).build()).size(),
        "a key lookup inside the transaction finds its own insert");
    assertEquals(0, db.select("posts", Query.builder().filter(postId(11)).build()).size());
  }

  @Test
  void commitApplies() {
    long tx = db.begin();
    db.insert(tx, "posts", post(11, "draft", 2));
    db.delete(tx, "comments", DeleteBehavior.RESTRICT, null);
    Map<String, List<Row>> view = Snapshots.of(db, tx);
    db.commit(tx);
    assertEquals(view, Snapshots.of(db));
    assertThrows(TransactionNotFoundException.class, () -> db.commit(tx));
  }

  @Test
  void rollbackDiscards() {
    Map<String, List<Row>> before = Snapshots.of(db);
    long tx = db.begin();
    db.insert(tx, "posts", post(11, "draft", 2));
    db.delete(tx, "users", DeleteBehavior.CASCADE, null);
    assertEquals(0, posts(tx).size());
    db.rollback(tx);
    assertEquals(before, Snapshots.of(db));
    assertThrows(TransactionNotFoundException.class, () -> db.select(tx, "posts", Query.ALL));
  }

  @Test
  void severalTransactionsAreOpenAtOnce() {
    long a = db.begin();
    long b = db.begin();
    assertNotEquals(a, b);
    db.insert(a, "posts", post(11, "from a", 1));
    db.insert(b, "posts", post(12, "from b", 2));
    assertEquals(List.of(id(10), id(11)), ids(posts(a)));
    assertEquals(List.of(id(10), id(12)), ids(posts(b)));
    db.commit(b);
    // Read committed: a now sees b's committed row as well as its own.
    assertEquals(List.of(id(10), id(11), id(12)), ids(posts(a)));
    db.commit(a);
    assertEquals(List.of(id(10), id(11), id(12)), ids(posts()));
  }

  @Test
  void commitFailsAtomicallyWhenAnotherCommittedWriteConflicts() {
    long a = db.begin();
    long b = db.begin();
    db.insert(a, "posts", post(20, "a first", 1));
    db.insert(a, "posts", post(21, "a second", 1));
    db.insert(b, "posts", post(21, "b", 2));
    db.commit(b);
    assertCommitFailsAndChangesNothing(a, PrimaryKeyConflictException.class);
    assertThrows(TransactionNotFoundException.class, () -> db.commit(a));
    assertThrows(TransactionNotFoundException.class, () -> db.rollback(a));
  }

  @Test
  void uniqueValueTakenMeanwhileShowsBothRowsInsideTheTransaction() {
    long a = db.begin();
    db.insert(a, "users", user("Carol", "carol@example.com", 1));
    db.insert("users", user("Other Carol", "carol@example.com", 2));
    Filter carol = new Filter.Eq("email", new TextValue("carol@example.com"));
    assertEquals(
        2,
        db.select(a, "users", Query.builder().filter(carol).build()).size(),
        "the view holds its own row and the one committed meanwhile");
    assertEquals(2, db.delete(a, "users", DeleteBehavior.RESTRICT, carol));
    assertEquals(0, db.select(a, "users", Query.builder().filter(carol).build()).size());
  }

  @Test
  void theTransactionsOwnUniqueValuesFollowItsUpdatesDeletesAndUndoneStatements() {
    long tx = db.begin();
    Filter carol = new Filter.Eq("name", new TextValue("Carol"));
    db.insert(tx, "users", user("Carol", "carol@example.com", 1));
    db.update(
        tx, "users", Row.builder().set("email", new TextValue("dave@example.com")).build(), carol);
    // The value Carol left is free again; the one she took is not.
    db.insert(tx, "users", user("Erin", "carol@example.com", 2));
    assertThrows(
        UniqueConstraintViolationException.class,
        () -> db.insert(tx, "users", user("Dave", "dave@example.com", 3)));
    db.delete(tx, "users", DeleteBehavior.RESTRICT, carol);
    db.insert(tx, "users", user("Dave", "dave@example.com", 3));
    // Giving every user of the transaction one e-mail fails on the second row and is undone whole.
    assertThrows(
        UniqueConstraintViolationException.class,
        () ->
            db.update(
                tx,
                "users",
                Row.builder().set("email", new TextValue("same@example.com")).build(),
                new Filter.Ge("age", new Int32Value(2))));
    assertThrows(
        UniqueConstraintViolationException.class,
        () -> db.insert(tx, "users", user("Frank", "carol@example.com", 4)));
    db.insert(tx, "users", user("Grace", "same@example.com", 5));
    db.commit(tx);
    assertEquals(
        List.of(
            "alice@example.com",
            "bob@example.com",
            "carol@example.com",
            "dave@example.com",
            "same@example.com"),
        db.select("users", Query.ALL).stream()
            .map(row -> ((TextValue) row.get("email")).value())
            .sorted()
            .toList());
  }

  @Test
  void commitFailsOnUniqueValueTakenMeanwhile() {
    long a = db.begin();
    db.update(a, "users", Row.builder().set("age", new Uint32Value(1)).build(), null);
    db.insert(a, "users", user("Carol", "carol@example.com", 1));
    db.insert("users", user("Other Carol", "carol@example.com", 2));
    assertCommitFailsAndChangesNothing(a, UniqueConstraintViolationException.class);
  }

  @Test
  void commitChecksInsertsAgainstAUniqueIndexCreatedMeanwhile() {
    long a = db.begin();
    db.insert(a, "posts", post(11, "hello", 2));
    db.createIndex("posts", new IndexDef("uq_title", List.of("title"), true));
    assertCommitFailsAndChangesNothing(a, UniqueConstraintViolationException.class);
  }

  @Test
  void commitChecksInsertsAgainstAChangeMeanwhileThatFailed() {
    long a = db.begin();
    db.insert(a, "posts", post(11, "for bob", 2));
    // Refused and undone: the committed state is the one the transaction began with, yet the
    // commit must not rely on that.
    assertThrows(PrimaryKeyConflictException.class, () -> db.insert("posts", post(10, "x", 1)));
    db.commit(a);
    assertEquals(2, posts().size());
  }

  @Test
  void commitFailsWhenTheParentWasDeletedMeanwhile() {
    long a = db.begin();
    db.insert(a, "posts", post(11, "for bob", 2));
    db.delete("users", DeleteBehavior.RESTRICT, new Filter.Eq("id", id(2)));
    assertCommitFailsAndChangesNothing(a, BrokenForeignKeyReferenceException.class);
  }

  @Test
  void commitFailsWhenARestrictDeleteMeetsANewReference() {
    long a = db.begin();
    db.delete(a, "users", DeleteBehavior.RESTRICT, new Filter.Eq("id", id(2)));
    db.insert("posts", post(11, "for bob", 2));
    assertCommitFailsAndChangesNothing(a, ForeignKeyConstraintViolationException.class);
  }

  @Test
  void writesOutsideATransactionWhileItIsOpen() {
    long tx = db.begin();
    db.insert(tx, "posts", post(11, "inside", 1));
    db.insert("posts", post(12, "outside", 2));
    db.update("posts", title("changed outside"), postId(10));
    assertEquals(List.of(id(10), id(12)), ids(posts()));
    List<Row> inside = posts(tx);
    assertEquals(List.of(id(10), id(11), id(12)), ids(inside));
    assertEquals(new TextValue("changed outside"), inside.get(0).get("title"));
    db.commit(tx);
    assertEquals(List.of(id(10), id(11), id(12)), ids(posts()));
  }

  @Test
  void commitReplaysUpdatesAgainstTheStateAtCommitTime() {
    long tx = db.begin();
    assertEquals(1, db.update(tx, "posts", title("by alice"), new Filter.Eq("user", id(1))));
    db.insert("posts", post(11, "later", 1));
    db.commit(tx);
    for (Row row : posts()) {
      assertEquals(new TextValue("by alice"), row.get("title"));
    }
  }

  @Test
  void autoincrementNeverReusesAValueAfterARollback() {
    long tx = db.begin();
    Row carol = db.insert(tx, "users", user("Carol", "carol@example.com", 1));
    assertEquals(id(3), carol.get("id"));
    db.rollback(tx);
    assertEquals(id(4), db.insert("users", user("Dave", "dave@example.com", 1)).get("id"));
    long failing = db.begin();
    assertEquals(id(5), db.insert(failing, "users", user("Eve", "eve@example.com", 1)).get("id"));
    db.insert("users", user("Other Eve", "eve@example.com", 1)); // id 6
    assertThrows(UniqueConstraintViolationException.class, () -> db.commit(failing));
    assertEquals(id(7), db.insert("users", user("Fred", "fred@example.com", 1)).get("id"));
  }

  @Test
  void updatesAndDeletesInsideATransactionSeeItsInserts() {
    long tx = db.begin();
    db.insert(tx, "posts", post(11, "draft", 2));
    db.insert(tx, "comments", comment(101, "on draft", 11));
    assertEquals(2, db.update(tx, "posts", title("all"), null));
    assertEquals(
        1,
        db.update(
            tx,
            "comments",
            Row.builder().set("post_id", id(10)).build(),
            new Filter.Eq("id", id(101))));
    assertEquals(1, db.delete(tx, "posts", DeleteBehavior.RESTRICT, postId(11)));
    assertThrows(
        ForeignKeyConstraintViolationException.class,
        () -> db.delete(tx, "posts", DeleteBehavior.RESTRICT, postId(10)));
    Map<String, List<Row>> view = Snapshots.of(db, tx);
    db.commit(tx);
    assertEquals(view, Snapshots.of(db));
    assertEquals(List.of(id(10)), ids(posts()));
  }

  @Test
  void cascadeDeleteInsideATransaction() {
    db.insert("posts", post(11, "bob's", 2));
    long tx = db.begin();
    db.insert(tx, "comments", comment(101, "tx comment", 10));
    assertEquals(4, db.delete(tx, "users", DeleteBehavior.CASCADE, new Filter.Eq("id", id(1))));
    assertEquals(List.of(id(11)), ids(posts(tx)));
    assertEquals(List.of(), db.select(tx, "comments", Query.ALL));
    assertEquals(2, posts().size(), "outside still sees the committed rows");
    assertEquals(1, db.select("comments", Query.ALL).size());
    db.commit(tx);
    assertEquals(List.of(id(11)), ids(posts()));
    assertEquals(List.of(), db.select("comments", Query.ALL));
    assertEquals(1, db.select("users", Query.ALL).size());
  }

  @Test
  void aTransactionDoesNotSeeRowsItDeletedEvenIfReinsertedOutside() {
    long tx = db.begin();
    db.delete(tx, "comments", DeleteBehavior.RESTRICT, null);
    db.insert("comments", comment(101, "outside", 10));
    List<Row> inside = db.select(tx, "comments", Query.ALL);
    assertEquals(List.of(id(101)), ids(inside));
    db.commit(tx); // the replayed delete removes every comment present at commit time
    assertTrue(db.select("comments", Query.ALL).isEmpty());
  }

  @Test
  void aFailedStatementInsideATransactionLeavesNoTraceInItsView() {
    db.insert("posts", post(11, "eleven", 1));
    db.insert("posts", post(12, "twelve", 1));
    long tx = db.begin();
    // Row 11 moves to 20, then row 12 collides with it: the whole statement is undone.
    assertThrows(
        PrimaryKeyConflictException.class,
        () ->
            db.update(
                tx,
                "posts",
                Row.builder().set("id", id(20)).build(),
                new Filter.In("id", List.of(id(11), id(12)))));
    db.update("posts", title("changed outside"), postId(11));
    db.insert("posts", post(20, "twenty", 2));
    assertEquals(posts(), posts(tx), "the transaction sees every later commit");
    db.commit(tx);
    assertEquals(new TextValue("changed outside"), posts().get(1).get("title"));
    assertEquals(4, posts().size());
  }

  private static List<Object> ids(List<Row> rows) {
    return rows.stream().map(r -> (Object) r.get("id")).toList();
  }

  /** Commit of {@code tx} fails with {@code failure} and leaves every table as it was. */
  private void assertCommitFailsAndChangesNothing(long tx, Class<? extends Throwable> failure) {
    Map<String, List<Row>> before = Snapshots.of(db);
    assertThrows(failure, () -> db.commit(tx));
    assertEquals(before, Snapshots.of(db), "nothing of the failed commit is applied");
  }
}
