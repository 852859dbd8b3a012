package org.wasmdbms.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.BrokenForeignKeyReferenceException;
import org.wasmdbms.api.error.ForeignKeyConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MissingNonNullableFieldException;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.AggregatedValue;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.typed.TypedSession;
import org.wasmdbms.memory.HeapMemoryProvider;

/** Every typed operation on the example schema, through the generated code only. */
class ExampleSchemaTest {
  private Database db;
  private TypedSession session;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    ExampleSchemaDispatcher.INSTANCE.registerAll(db);
    session = TypedSession.autoCommit(db);
  }

  private static Uint32Value id(long id) {
    return new Uint32Value(id);
  }

  private User insertUser(long id, String name, String email) {
    return session.insert(UserInsert.builder().id(id(id)).name(name).email(email).build());
  }

  private Post insertPost(TypedSession s, long id, String title, long user) {
    return s.insert(
        PostInsert.builder().id(id(id)).title(title).content("text " + id).user(id(user)).build());
  }

  private Comment insertComment(long id, String body, long post) {
    return session.insert(CommentInsert.builder().id(id(id)).body(body).postId(id(post)).build());
  }

  private List<User> users() {
    return session.select(UserTable.INSTANCE, Query.ALL);
  }

  @Test
  void registersTablesInDependencyOrder() {
    assertEquals(List.of("users", "posts", "comments"), db.tables());
    assertEquals(
        List.of(UserTable.INSTANCE, PostTable.INSTANCE, CommentTable.INSTANCE),
        ExampleSchemaDispatcher.INSTANCE.tables());
  }

  @Test
  void insertReturnsTheSanitizedRecordAndSelectReadsItBack() {
    User stored = insertUser(1, "  Alice  ", "alice@example.com");
    assertEquals(new User(id(1), "Alice", "alice@example.com"), stored);
    assertEquals(List.of(stored), users());
  }

  @Test
  void validatorsAndSanitizersRejectBadValuesAndStoreNothing() {
    assertThrows(
        ValidationException.class,
        () -> insertUser(1, "A name of more than twenty", "a@example.com"));
    assertThrows(ValidationException.class, () -> insertUser(1, "Bob", "not an e-mail"));
    // Trimming happens before the length check: 20 characters plus blanks pass.
    insertUser(1, "   " + "x".repeat(20) + "   ", "x@example.com");
    assertEquals(List.of("x".repeat(20)), users().stream().map(User::name).toList());
  }

  @Test
  void userDefinedValidatorRefusesABlankTitle() {
    insertUser(1, "Alice", "alice@example.com");
    ValidationException error =
        assertThrows(ValidationException.class, () -> insertPost(session, 1, " \t ", 1));
    assertEquals("column title: NotBlank: must not be blank", error.detail());
    assertEquals(List.of(), session.select(PostTable.INSTANCE, Query.ALL));
    insertPost(session, 1, " x ", 1);
  }

  @Test
  void constraintErrorsAreTyped() {
    insertUser(1, "Alice", "alice@example.com");
    assertThrows(PrimaryKeyConflictException.class, () -> insertUser(1, "Al", "al@example.com"));
    assertThrows(
        MissingNonNullableFieldException.class,
        () -> session.insert(UserInsert.builder().id(id(2)).name("No mail").build()));
    assertThrows(
        BrokenForeignKeyReferenceException.class, () -> insertPost(session, 1, "Orphan", 99));
    assertEquals(1, users().size());
    assertEquals(List.of(), session.select(PostTable.INSTANCE, Query.ALL));
  }

  @Test
  void selectFiltersAndOrders() {
    insertUser(1, "Carol", "carol@example.com");
    insertUser(2, "Alice", "alice@example.com");
    insertUser(3, "Bob", "bob@example.com");
    List<User> selected =
        session.select(
            UserTable.INSTANCE,
            Query.builder()
                .filter(
                    new Filter.Ne(
                        UserTable.Columns.name, new org.wasmdbms.api.value.TextValue("Bob")))
                .orderBy(UserTable.Columns.name, OrderDirection.ASCENDING)
                .build());
    assertEquals(List.of("Alice", "Carol"), selected.stream().map(User::name).toList());
  }

  @Test
  void updateSetsOnlyTheChosenColumnsOfTheMatchingRows() {
    insertUser(1, "Alice", "alice@example.com");
    insertPost(session, 1, "First", 1);
    insertPost(session, 2, "Second", 1);
    long updated =
        session.update(
            PostUpdate.builder()
                .title("Renamed")
                .where(new Filter.Eq(PostTable.Columns.id, id(2)))
                .build());
    assertEquals(1, updated);
    List<Post> posts = session.select(PostTable.INSTANCE, Query.ALL);
    assertEquals(new Post(id(1), "First", "text 1", id(1), null), posts.get(0));
    assertEquals(new Post(id(2), "Renamed", "text 2", id(1), null), posts.get(1));
  }

  @Test
  void updateRunsTheRulesAndChangesNothingOnError() {
    insertUser(1, "Alice", "alice@example.com");
    assertEquals(1, session.update(UserUpdate.builder().name("  Alicia ").build()));
    assertThrows(
        ValidationException.class,
        () -> session.update(UserUpdate.builder().email("broken").build()));
    assertEquals(List.of(new User(id(1), "Alicia", "alice@example.com")), users());
  }

  @Test
  void deleteRestrictsOrCascadesThroughForeignKeys() {
    insertUser(1, "Alice", "alice@example.com");
    insertUser(2, "Bob", "bob@example.com");
    insertPost(session, 1, "Post", 1);
    insertComment(1, "Nice", 1);
    Filter alice = new Filter.Eq(UserTable.Columns.id, id(1));
    assertThrows(
        ForeignKeyConstraintViolationException.class,
        () -> session.delete(UserTable.INSTANCE, DeleteBehavior.RESTRICT, alice));
    assertEquals(2, users().size());
    assertEquals(3, session.delete(UserTable.INSTANCE, DeleteBehavior.CASCADE, alice));
    assertEquals(List.of(new User(id(2), "Bob", "bob@example.com")), users());
    assertEquals(List.of(), session.select(CommentTable.INSTANCE, Query.ALL));
  }

  @Test
  void transactionsSeeTheirOwnWritesAndCommitOrRollBack() {
    insertUser(1, "Alice", "alice@example.com");
    TypedSession tx = session.begin();
    insertPost(tx, 1, "Draft", 1);
    assertEquals(1, tx.select(PostTable.INSTANCE, Query.ALL).size());
    assertEquals(0, session.select(PostTable.INSTANCE, Query.ALL).size());
    tx.rollback();
    assertEquals(0, session.select(PostTable.INSTANCE, Query.ALL).size());
    assertThrows(TransactionNotFoundException.class, tx::commit);

    TypedSession committed = session.begin();
    insertPost(committed, 2, "Published", 1);
    committed.commit();
    assertEquals(
        List.of(new Post(id(2), "Published", "text 2", id(1), null)),
        session.select(PostTable.INSTANCE, Query.ALL));
    assertThrows(TransactionNotFoundException.class, session::commit);
  }

  @Test
  void aggregatesGroupTheTableInAndOutsideATransaction() {
    insertUser(1, "Alice", "alice@example.com");
    insertUser(2, "Bob", "bob@example.com");
    insertPost(session, 1, "a", 1);
    insertPost(session, 2, "b", 1);
    TypedSession tx = session.begin();
    insertPost(tx, 3, "c", 2);
    Query byUser =
        Query.builder().groupBy("user").orderBy("agg0", OrderDirection.DESCENDING).build();
    List<AggregateFunction> functions =
        List.of(AggregateFunction.countRows(), AggregateFunction.max("title"));
    assertEquals(
        List.of(
            new AggregatedRow(
                List.of(id(1)),
                List.of(
                    new AggregatedValue(AggregateFunction.Kind.COUNT, new Uint64Value(2)),
                    new AggregatedValue(AggregateFunction.Kind.MAX, new TextValue("b"))))),
        session.aggregate(PostTable.INSTANCE, byUser, functions));
    assertEquals(2, tx.aggregate(PostTable.INSTANCE, byUser, functions).size());
    tx.rollback();
  }

  @Test
  void aFailedCommitAppliesNothing() {
    insertUser(1, "Alice", "alice@example.com");
    TypedSession tx = session.begin();
    insertPost(tx, 1, "Mine", 1);
    insertPost(tx, 2, "Also mine", 1);
    insertPost(session, 2, "Taken first", 1);
    assertThrows(PrimaryKeyConflictException.class, tx::commit);
    assertEquals(
        List.of("Taken first"),
        session.select(PostTable.INSTANCE, Query.ALL).stream().map(Post::title).toList());
  }

  @Test
  void loadsReferencedRowsEagerly() {
    User alice = insertUser(1, "Alice", "alice@example.com");
    User bob = insertUser(2, "Bob", "bob@example.com");
    insertPost(session, 1, "By Alice", 1);
    insertPost(session, 2, "By Bob", 2);
    insertPost(session, 3, "Alice again", 1);
    insertComment(1, "First", 3);
    List<PostWithRelations> posts =
        PostTable.INSTANCE.loadRelations(session, session.select(PostTable.INSTANCE, Query.ALL));
    assertEquals(List.of(alice, bob, alice), posts.stream().map(PostWithRelations::user).toList());
    assertEquals("By Bob", posts.get(1).record().title());

    List<CommentWithRelations> comments =
        CommentTable.INSTANCE.loadRelations(
            session, session.select(CommentTable.INSTANCE, Query.ALL));
    assertEquals(new Post(id(3), "Alice again", "text 3", id(1), null), comments.get(0).post());
    assertEquals(
        1,
        PostTable.INSTANCE
            .fetchUser(
                session,
                posts.stream()
                    .map(PostWithRelations::record)
                    .filter(p -> p.user().value() == 1)
                    .toList())
            .size());
  }

  @Test
  void aTypedSelectWithRelationsFillsTheRecordsWithRelations() {
    User alice = insertUser(1, "Alice", "alice@example.com");
    insertUser(2, "Bob", "bob@example.com");
    insertPost(session, 1, "By Alice", 1);
    insertPost(session, 2, "By Bob", 2);
    insertComment(1, "First", 1);
    Query byAlice = Query.builder().filter(new Filter.Eq("user", id(1))).build();
    List<PostWithRelations> posts = session.selectWithRelations(PostTable.INSTANCE, byAlice);
    assertEquals(
        PostTable.INSTANCE.loadRelations(session, session.select(PostTable.INSTANCE, byAlice)),
        posts);
    assertEquals(alice, posts.get(0).user());
    // The relation of column post_id is called post in Java.
    List<CommentWithRelations> comments =
        session.selectWithRelations(CommentTable.INSTANCE, Query.ALL);
    assertEquals("By Alice", comments.get(0).post().title());
    assertThrows(
        InvalidQueryException.class,
        () -> session.select(PostTable.INSTANCE, Query.builder().eager("user").build()));
    assertThrows(
        InvalidQueryException.class,
        () ->
            session.selectWithRelations(
                PostTable.INSTANCE,
                Query.builder().join(JoinType.INNER, "users", "user", "id").build()));
  }

  @Test
  void eagerLoadingInsideATransactionSeesItsOwnWrites() {
    TypedSession tx = session.begin();
    User carol =
        tx.insert(UserInsert.builder().id(id(7)).name("Carol").email("carol@example.com").build());
    insertPost(tx, 1, "Fresh", 7);
    List<PostWithRelations> loaded =
        PostTable.INSTANCE.loadRelations(tx, tx.select(PostTable.INSTANCE, Query.ALL));
    assertEquals(carol, loaded.get(0).user());
    tx.rollback();
    assertTrue(users().isEmpty());
  }

  @Test
  void aNullForeignKeyLoadsNoParent() {
    assertNull(
        PostTable.INSTANCE
            .loadRelations(session, List.of(new Post(id(1), "t", "c", null, null)))
            .get(0)
            .user());
  }
}
