package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmdbms.engine.ExampleSchema.post;
import static org.wasmdbms.engine.ExampleSchema.user;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.query.RowSize;
import org.wasmdbms.engine.write.Writer;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * {@link Database#limitWriteMemory}: a statement that would hold more rows than the limit, or
 * transactions that together would, fail with a {@link MemoryException} and change nothing.
 */
class WriteMemoryLimitTest {
  private static final String TITLE = "t".repeat(1_000);

  /** What one post counts for: its title's characters, its id and its user, and its overhead. */
  private static final long POST_BYTES =
      TITLE.length() + 2L * RowSize.FIXED_VALUE_BYTES + Writer.ROW_OVERHEAD_BYTES;

  private static final long LIMIT = 10_000;

  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    ExampleSchema.registerAll(db);
    db.insert("users", user("Alice", "alice@example.com", 30));
  }

  private static Row bigPost(long id) {
    return post(id, TITLE, 1);
  }

  private void insertPosts(int from, int to) {
    for (int id = from; id <= to; id++) {
      db.insert("posts", bigPost(id));
    }
  }

  private List<Row> posts() {
    return db.select("posts", Query.ALL);
  }

  @Test
  void anInsertPastTheLimitFailsAndChangesNothing() {
    db.limitWriteMemory(500);
    MemoryException e = assertThrows(MemoryException.class, () -> db.insert("posts", bigPost(1)));
    assertTrue(e.detail().contains("write would hold more than 500 bytes of rows"), e.detail());
    assertEquals(List.of(), posts());
    db.insert("posts", post(1, "short", 1));
    assertEquals(1, posts().size());
  }

  @Test
  void anUpdateOrADeletePastTheLimitFailsAndChangesNothing() {
    insertPosts(1, 20);
    List<Row> before = posts();
    db.limitWriteMemory(LIMIT);
    Row retitle = Row.builder().set("title", new TextValue("new")).build();
    assertThrows(MemoryException.class, () -> db.update("posts", retitle, null));
    assertThrows(MemoryException.class, () -> db.delete("posts", DeleteBehavior.RESTRICT, null));
    assertEquals(before, posts());
    Filter firstFour = new Filter.Lt("id", new Uint32Value(5));
    assertEquals(4, db.update("posts", retitle, firstFour), "four posts fit within the limit");
    assertEquals(4, db.delete("posts", DeleteBehavior.RESTRICT, firstFour));
    assertEquals(16, posts().size());
  }

  @Test
  void cascadedRowsCountAgainstTheLimit() {
    insertPosts(1, 20);
    List<Row> before = posts();
    db.limitWriteMemory(LIMIT);
    assertThrows(MemoryException.class, () -> db.delete("users", DeleteBehavior.CASCADE, null));
    assertEquals(before, posts());
    assertEquals(1, db.select("users", Query.ALL).size());
  }

  @Test
  void openTransactionsShareTheLimitUntilTheyEnd() {
    db.limitWriteMemory(LIMIT);
    long first = db.begin();
    long second = db.begin();
    for (int id = 1; id <= 5; id++) {
      db.insert(first, "posts", bigPost(id));
    }
    for (int id = 6; id <= 9; id++) {
      db.insert(second, "posts", bigPost(id));
    }
    assertTrue(9 * POST_BYTES <= LIMIT && 10 * POST_BYTES > LIMIT, "nine posts fit, ten do not");
    MemoryException e =
        assertThrows(MemoryException.class, () -> db.insert(second, "posts", bigPost(10)));
    assertTrue(e.detail().contains(9 * POST_BYTES + " held by open transactions"), e.detail());
    db.commit(second);
    assertEquals(4, posts().size(), "the failed statement left the transaction open and whole");
    for (int id = 10; id <= 13; id++) {
      db.insert(first, "posts", bigPost(id));
    }
    db.rollback(first);
    long third = db.begin();
    for (int id = 20; id <= 28; id++) {
      db.insert(third, "posts", bigPost(id));
    }
    db.commit(third);
    assertEquals(13, posts().size(), "ended transactions gave their share back");
  }

  @Test
  void theLimitMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> db.limitWriteMemory(0));
  }
}
