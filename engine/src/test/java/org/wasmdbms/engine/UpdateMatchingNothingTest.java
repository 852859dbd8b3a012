package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wasmdbms.engine.ExampleSchema.id;
import static org.wasmdbms.engine.ExampleSchema.post;
import static org.wasmdbms.engine.ExampleSchema.user;
import static org.wasmdbms.engine.Snapshots.assertFailsUnchanged;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MissingNonNullableFieldException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * An update that matches no row changes nothing and returns 0, whatever it would set: NOT NULL,
 * sanitizers, validators, unique and foreign-key checks concern the rows it changes. Values of the
 * wrong type and unknown columns are still refused up front.
 */
class UpdateMatchingNothingTest {
  private static final Filter NO_POST = new Filter.In("id", List.of());
  private static final Filter POST_12 = new Filter.Eq("id", new Uint32Value(12));

  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    ExampleSchema.registerAll(db);
    db.insert("users", user("Alice", "alice@example.com", 30));
    db.insert("posts", post(10, "hello", 1));
  }

  private static Row set(String column, Value value) {
    return Row.builder().set(column, value).build();
  }

  @Test
  void anythingGoesWhenNothingMatches() {
    Map<String, List<Row>> before = Snapshots.of(db);
    assertEquals(0, db.update("posts", set("title", NullValue.INSTANCE), NO_POST));
    assertEquals(0, db.update("posts", set("title", NullValue.INSTANCE), POST_12));
    assertEquals(0, db.update("posts", set("user", id(99)), NO_POST), "no parent 99");
    assertEquals(0, db.update("posts", set("id", id(10)), POST_12), "key 10 is taken");
    Filter noUser = new Filter.Eq("id", id(42));
    assertEquals(0, db.update("users", set("email", new TextValue("not an email")), noUser));
    assertEquals(0, db.update("users", set("email", new TextValue("alice@example.com")), noUser));
    assertEquals(0, db.update("users", set("name", NullValue.INSTANCE), noUser));
    long tx = db.begin();
    assertEquals(0, db.update(tx, "posts", set("title", NullValue.INSTANCE), NO_POST));
    db.commit(tx);
    assertEquals(before, Snapshots.of(db));
  }

  @Test
  void typeErrorsAreStillRefusedUpFront() {
    assertFailsUnchanged(
        db,
        InvalidQueryException.class,
        () -> db.update("posts", set("title", new Int64Value(3)), NO_POST));
    assertFailsUnchanged(
        db,
        UnknownColumnException.class,
        () -> db.update("posts", set("colour", new TextValue("red")), NO_POST));
  }

  @Test
  void theChecksApplyOnceARowMatches() {
    assertFailsUnchanged(
        db,
        MissingNonNullableFieldException.class,
        () -> db.update("posts", set("title", NullValue.INSTANCE), null));
    long tx = db.begin();
    assertEquals(0, db.update(tx, "posts", set("title", NullValue.INSTANCE), POST_12));
    db.insert("posts", post(12, "later", 1));
    // At commit the update is applied again and now matches post 12: the check fails there.
    assertFailsUnchanged(db, MissingNonNullableFieldException.class, () -> db.commit(tx));
  }
}
