package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmdbms.engine.ExampleSchema.id;
import static org.wasmdbms.engine.ExampleSchema.post;
import static org.wasmdbms.engine.ExampleSchema.user;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.UniqueConstraintViolationException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

class CrudTest {
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    ExampleSchema.registerAll(db);
  }

  @Test
  void insertReturnsTheStoredRow() {
    Row stored = db.insert("users", user("  Alice ", "ALICE@Example.com", null));
    assertEquals(id(1), stored.get("id"));
    assertEquals(new TextValue("Alice"), stored.get("name"));
    assertEquals(new TextValue("alice@example.com"), stored.get("email"));
    assertEquals(NullValue.INSTANCE, stored.get("age"));
    assertEquals(new TextValue("member"), stored.get("role"));
    assertEquals(List.of(stored), db.select("users", Query.ALL));
    assertEquals(id(2), db.insert("users", user("Bob", "bob@example.com", 30)).get("id"));
  }

  @Test
  void selectFiltersOrdersAndPages() {
    for (int i = 0; i < 10; i++) {
      db.insert("users", user("u" + i, "u" + i + "@example.com", i % 3 == 0 ? null : i));
    }
    List<Row> rows =
        db.select(
            "users",
            Query.builder()
                .filter(new Filter.Gt("age", new Int64Value(2)))
                .orderBy("age", OrderDirection.DESCENDING)
                .limit(3)
                .offset(1)
                .build());
    assertEquals(List.of(7, 5, 4), ages(rows));
    List<Row> nullsFirst =
        db.select("users", Query.builder().orderBy("age", OrderDirection.ASCENDING).build());
    assertTrue(nullsFirst.get(0).get("age").isNull());
    assertEquals(
        4, db.select("users", Query.builder().filter(new Filter.IsNull("age")).build()).size());
    assertEquals(
        9,
        db.select("users", Query.builder().filter(new Filter.Ne("age", new Int32Value(1))).build())
            .size(),
        "Ne is true on null");
  }

  @Test
  void updateReturnsTheCountAndSanitizes() {
    db.insert("users", user("Alice", "alice@example.com", 30));
    db.insert("users", user("Bob", "bob@example.com", 40));
    long changed =
        db.update(
            "users",
            Row.builder().set("name", new TextValue("  Robert ")).build(),
            new Filter.Eq("email", new TextValue("bob@example.com")));
    assertEquals(1, changed);
    Row bob = db.select("users", Query.builder().filter(new Filter.Eq("id", id(2))).build()).get(0);
    assertEquals(new TextValue("Robert"), bob.get("name"));
    assertEquals(2, db.update("users", Row.builder().set("age", new Int32Value(1)).build(), null));
  }

  @Test
  void cascadeDeleteRemovesDependentsTransitively() {
    db.insert("users", user("Alice", "alice@example.com", 30));
    db.insert("posts", post(10, "hello", 1));
    db.insert("posts", post(11, "again", 1));
    db.insert("comments", ExampleSchema.comment(100, "nice", 10));
    long deleted = db.delete("users", DeleteBehavior.CASCADE, new Filter.Eq("id", id(1)));
    assertEquals(4, deleted);
    assertEquals(List.of(), db.select("posts", Query.ALL));
    assertEquals(List.of(), db.select("comments", Query.ALL));
  }

  @Test
  void explicitAutoIncrementValuesMoveTheCounterOnlyWhenStored() {
    db.insert("users", user("Alice", "alice@example.com", 1));
    Row refused =
        Row.builder()
            .set("id", id(100))
            .set("name", new TextValue("Copy"))
            .set("email", new TextValue("alice@example.com"))
            .build();
    assertThrows(UniqueConstraintViolationException.class, () -> db.insert("users", refused));
    assertEquals(id(2), db.insert("users", user("Bob", "bob@example.com", 2)).get("id"));
    Row explicit =
        Row.builder()
            .set("id", id(50))
            .set("name", new TextValue("Carol"))
            .set("email", new TextValue("carol@example.com"))
            .build();
    db.insert("users", explicit);
    assertEquals(id(51), db.insert("users", user("Dan", "dan@example.com", 3)).get("id"));
  }

  @Test
  void aSelectPastTheMemoryLimitFailsAndChangesNothing() {
    for (int i = 0; i < 20; i++) {
      db.insert("users", user("u" + i, "u" + i + "@example.com", i));
    }
    db.limitSelectMemory(1_000);
    MemoryException e = assertThrows(MemoryException.class, () -> db.select("users", Query.ALL));
    assertTrue(e.detail().contains("1000 bytes of rows"), e.detail());
    assertEquals(
        2,
        db.select("users", Query.builder().filter(new Filter.Lt("age", new Int32Value(2))).build())
            .size(),
        "a select within the limit still works");
  }

  private static List<Integer> ages(List<Row> rows) {
    return rows.stream()
        .map(r -> r.get("age"))
        .map(Value.class::cast)
        .map(v -> ((Int32Value) v).value())
        .toList();
  }
}
