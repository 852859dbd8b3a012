package org.wasmdbms.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MissingNonNullableFieldException;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.typed.TypedSession;
import org.wasmdbms.memory.HeapMemoryProvider;

/** Raw rows routed by table name through the generated dispatcher. */
class DispatcherTest {
  private final ExampleSchemaDispatcher dispatcher = ExampleSchemaDispatcher.INSTANCE;
  private Database db;
  private TypedSession session;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    dispatcher.registerAll(db);
    session = TypedSession.autoCommit(db);
  }

  private static Row user(long id, String name, String email) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("name", new TextValue(name))
        .set("email", new TextValue(email))
        .build();
  }

  @Test
  void insertReturnsTheStoredRowInTableOrder() {
    Row given =
        Row.builder()
            .set("email", new TextValue("a@example.com"))
            .set("name", new TextValue(" Ann "))
            .set("id", new Int64Value(5))
            .build();
    Row stored = dispatcher.insert(session, "users", given);
    assertEquals(user(5, "Ann", "a@example.com"), stored);
    assertEquals(List.of(stored), dispatcher.select(session, "users", Query.ALL));
    assertEquals(List.of(stored), db.select("users", Query.ALL));
  }

  @Test
  void routesEveryOperationByTableName() {
    dispatcher.insert(session, "users", user(1, "Ann", "a@example.com"));
    Row post =
        Row.builder()
            .set("id", new Uint32Value(1))
            .set("title", new TextValue("T"))
            .set("content", new TextValue("C"))
            .set("user", new Uint32Value(1))
            .build();
    dispatcher.insert(session, "posts", post);
    Row comment =
        Row.builder()
            .set("id", new Uint32Value(1))
            .set("body", new TextValue("B"))
            .set("post_id", new Uint32Value(1))
            .build();
    assertEquals(comment, dispatcher.insert(session, "comments", comment));
    Row newTitle = Row.builder().set("title", new TextValue("T2")).build();
    assertEquals(1, dispatcher.update(session, "posts", newTitle, null));
    assertEquals(
        new TextValue("T2"), dispatcher.select(session, "posts", Query.ALL).get(0).get("title"));
    assertEquals(
        3,
        dispatcher.delete(
            session, "users", DeleteBehavior.CASCADE, new Filter.Eq("id", new Uint32Value(1))));
    assertEquals(List.of(), dispatcher.select(session, "comments", Query.ALL));
  }

  @Test
  void badRawInputGetsTypedErrorsAndChangesNothing() {
    assertThrows(
        TableNotFoundException.class,
        () -> dispatcher.insert(session, "people", user(1, "A", "a@example.com")));
    Row unknown = Row.builder().set("id", new Uint32Value(1)).set("age", new Int64Value(3)).build();
    assertThrows(UnknownColumnException.class, () -> dispatcher.insert(session, "users", unknown));
    Row wrongType =
        Row.builder()
            .set("id", new TextValue("one"))
            .set("name", new TextValue("A"))
            .set("email", new TextValue("a@example.com"))
            .build();
    assertThrows(InvalidQueryException.class, () -> dispatcher.insert(session, "users", wrongType));
    Row twice =
        Row.builder().set("name", new TextValue("A")).set("name", new TextValue("B")).build();
    assertThrows(
        InvalidQueryException.class, () -> dispatcher.update(session, "users", twice, null));
    assertThrows(
        MissingNonNullableFieldException.class,
        () ->
            dispatcher.insert(
                session, "users", Row.builder().set("id", new Uint32Value(1)).build()));
    assertThrows(
        ValidationException.class, () -> dispatcher.insert(session, "users", user(1, "A", "nope")));
    Row numberName =
        Row.builder()
            .set("id", new Uint32Value(1))
            .set("name", new Int64Value(1))
            .set("email", new TextValue("a@example.com"))
            .build();
    assertThrows(
        InvalidQueryException.class, () -> dispatcher.insert(session, "users", numberName));
    assertEquals(List.of(), dispatcher.select(session, "users", Query.ALL));
  }

  @Test
  void rowCodecRoundTrips() {
    User user = new User(new Uint32Value(4_000_000_000L), "Zed", "z@example.com");
    Row row = UserTable.INSTANCE.toRow(user);
    assertEquals(user(4_000_000_000L, "Zed", "z@example.com"), row);
    assertEquals(user, UserTable.INSTANCE.fromRow(row));
  }
}
