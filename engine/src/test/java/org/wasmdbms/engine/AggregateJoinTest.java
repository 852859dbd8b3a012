package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmdbms.api.query.AggregateFunction.count;
import static org.wasmdbms.api.query.AggregateFunction.countRows;
import static org.wasmdbms.api.query.AggregateFunction.max;
import static org.wasmdbms.api.query.AggregateFunction.min;
import static org.wasmdbms.api.query.AggregateFunction.sum;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Aggregates over joins and distinct rows: qualified names in group-by, functions, having and
 * order-by; padding nulls in counts; distinct before grouping; the errors and the memory limit.
 *
 * <p>users: 1 ann paris, 2 bob rome, 3 cy paris (no posts), 4 (no name) rome. posts: 10 and 11 by
 * ann (scores 5, 7), 12 by bob (no score), 13 by user 9, who does not exist (score 1). comments:
 * 100 and 101 on post 10 (likes 1, 2), 102 on post 12 (likes 3), 103 on post 99 (likes 4).
 */
class AggregateJoinTest {
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    db.register(
        TableSchema.of(
            TableDef.builder("users")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("name", DataType.TEXT).nullable())
                .column(ColumnDef.builder("city", DataType.TEXT).nullable())
                .build()));
    db.register(
        TableSchema.of(
            TableDef.builder("posts")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("user", DataType.UINT32).nullable())
                .column(ColumnDef.builder("score", DataType.INT64).nullable())
                .build()));
    db.register(
        TableSchema.of(
            TableDef.builder("comments")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("post", DataType.UINT32).nullable())
                .column(ColumnDef.builder("likes", DataType.INT64).nullable())
                .build()));
    insert("users", 1, "name", text("ann"), "city", text("paris"));
    insert("users", 2, "name", text("bob"), "city", text("rome"));
    insert("users", 3, "name", text("cy"), "city", text("paris"));
    insert("users", 4, "city", text("rome"));
    insert("posts", 10, "user", u32(1), "score", i64(5));
    insert("posts", 11, "user", u32(1), "score", i64(7));
    insert("posts", 12, "user", u32(2));
    insert("posts", 13, "user", u32(9), "score", i64(1));
    insert("comments", 100, "post", u32(10), "likes", i64(1));
    insert("comments", 101, "post", u32(10), "likes", i64(2));
    insert("comments", 102, "post", u32(12), "likes", i64(3));
    insert("comments", 103, "post", u32(99), "likes", i64(4));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void insert(String table, int id, Object... columnsAndValues) {
    Row.Builder row = Row.builder().set("id", u32(id));
    for (int k = 0; k < columnsAndValues.length; k += 2) {
      row.set((String) columnsAndValues[k], (Value) columnsAndValues[k + 1]);
    }
    db.insert(table, row.build());
  }

  private static Value text(String s) {
    return new TextValue(s);
  }

  private static Value i64(long v) {
    return new Int64Value(v);
  }

  private static Value u32(long v) {
    return new Uint32Value(v);
  }

  private static Query.Builder usersPosts(JoinType type) {
    return Query.builder().join(type, "posts", "users.id", "posts.user");
  }

  /** The groups as {@link AggregateTest#lines}: type:text per key and result. */
  private List<String> show(Query query, AggregateFunction... functions) {
    return AggregateTest.lines(db.aggregate("users", query, List.of(functions)));
  }

  @Test
  void innerJoinGroupsByAQualifiedColumnWithQualifiedFunctions() {
    // SELECT users.name, COUNT(posts.id), SUM(posts.score) ... GROUP BY users.name
    assertEquals(
        List.of("Text:ann | Uint64:2 Decimal:12", "Text:bob | Uint64:1 null"),
        show(
            usersPosts(JoinType.INNER).groupBy("users.name").build(),
            count("posts.id"),
            sum("posts.score")));
  }

  @Test
  void leftJoinPaddingCountsAsARowButNotAsAValue() {
    assertEquals(
        List.of(
            "null | Uint64:1 Uint64:0 Uint64:0",
            "Text:ann | Uint64:2 Uint64:2 Uint64:2",
            "Text:bob | Uint64:1 Uint64:1 Uint64:0",
            "Text:cy | Uint64:1 Uint64:0 Uint64:0"),
        show(
            usersPosts(JoinType.LEFT).groupBy("users.name").build(),
            countRows(),
            count("posts.id"),
            count("posts.score")));
  }

  @Test
  void rightJoinGroupsThePaddedRowsUnderANullKey() {
    assertEquals(
        List.of(
            "null | Uint64:1 Uint64:1 Uint64:1",
            "Text:paris | Uint64:2 Uint64:2 Uint64:2",
            "Text:rome | Uint64:1 Uint64:1 Uint64:0"),
        show(
            usersPosts(JoinType.RIGHT).groupBy("users.city").build(),
            countRows(),
            count("posts.id"),
            count("posts.score")));
  }

  @Test
  void fullJoinKeepsUnmatchedRowsOfBothSides() {
    // Unmatched users 3 and 4 pad posts; post 13 pads users.
    assertEquals(
        List.of(
            "null | Uint64:1 Uint64:0 Uint64:1",
            "Text:paris | Uint64:3 Uint64:3 Uint64:2",
            "Text:rome | Uint64:2 Uint64:2 Uint64:1"),
        show(
            usersPosts(JoinType.FULL).groupBy("users.city").build(),
            countRows(),
            count("users.id"),
            count("posts.id")));
    assertEquals(
        List.of("| Uint64:6 Uint64:5 Uint64:4"),
        show(usersPosts(JoinType.FULL).build(), countRows(), count("users.id"), count("posts.id")));
  }

  @Test
  void chainedJoinsAggregateOverTheLastTable() {
    Query.Builder query =
        usersPosts(JoinType.INNER).join(JoinType.LEFT, "comments", "posts.id", "comments.post");
    assertEquals(
        List.of(
            "Text:ann | Uint64:3 Uint64:2 Decimal:3 Int64:2",
            "Text:bob | Uint64:1 Uint64:1 Decimal:3 Int64:3"),
        show(
            query.groupBy("users.name").build(),
            countRows(),
            count("comments.id"),
            sum("comments.likes"),
            max("comments.likes")));
    assertEquals(
        List.of("Uint32:10 | Decimal:3", "Uint32:12 | Decimal:3"),
        show(
            Query.builder()
                .join(JoinType.INNER, "posts", "users.id", "posts.user")
                .join(JoinType.INNER, "comments", "posts.id", "comments.post")
                .groupBy("posts.id")
                .build(),
            sum("comments.likes")));
  }

  @Test
  void havingAndOrderByNameQualifiedGroupByColumnsAsGiven() {
    Query query =
        usersPosts(JoinType.LEFT)
            .groupBy("users.city", "users.name")
            .having(
                new Filter.And(
                    List.of(
                        new Filter.Ne("users.name", text("bob")), new Filter.Ge("agg0", i64(1)))))
            .orderBy("users.city", OrderDirection.DESCENDING)
            .orderBy("agg1", OrderDirection.DESCENDING)
            .build();
    assertEquals(
        // A null name is not bob (row-filter null rules); rome comes first, descending.
        List.of(
            "Text:rome null | Uint64:1 null",
            "Text:paris Text:ann | Uint64:2 Int64:7",
            "Text:paris Text:cy | Uint64:1 null"),
        show(query, countRows(), max("posts.score")));
    // A name other than the one in the group-by list is not a group-by column.
    for (Query wrong :
        List.of(
            usersPosts(JoinType.LEFT)
                .groupBy("users.name")
                .having(new Filter.IsNull("name"))
                .build(),
            usersPosts(JoinType.LEFT)
                .groupBy("users.name")
                .orderBy("posts.score", OrderDirection.ASCENDING)
                .build())) {
      assertThrows(InvalidQueryException.class, () -> show(wrong, countRows()));
    }
  }

  @Test
  void bareNamesMeanTheFirstTableThatHasTheColumn() {
    // "id" is users.id, "score" only exists in posts.
    assertEquals(
        List.of("Uint32:1 | Uint64:2 Decimal:12", "Uint32:2 | Uint64:1 null"),
        show(usersPosts(JoinType.INNER).groupBy("id").build(), countRows(), sum("score")));
  }

  @Test
  void theRowFilterAppliesToJoinedRowsBeforeGrouping() {
    Query query =
        usersPosts(JoinType.LEFT)
            .filter(new Filter.IsNull("posts.id"))
            .groupBy("users.city")
            .build();
    assertEquals(
        List.of("Text:paris | Uint64:1", "Text:rome | Uint64:1"), show(query, countRows()));
  }

  @Test
  void distinctByAppliesBeforeGrouping() {
    assertEquals(
        List.of("Text:paris | Uint64:1", "Text:rome | Uint64:1"),
        show(Query.builder().distinctBy("city").groupBy("city").build(), countRows()));
    // The first user of each city is kept: ann (1) in paris, bob (2) in rome.
    assertEquals(
        List.of("| Uint64:2 Text:ann Text:bob"),
        show(Query.builder().distinctBy("city").build(), countRows(), min("name"), max("name")));
    // Over joins: one row per user with posts, then grouped by city.
    assertEquals(
        List.of("Text:paris | Uint64:1", "Text:rome | Uint64:1"),
        show(
            usersPosts(JoinType.INNER).distinctBy("users.id").groupBy("users.city").build(),
            countRows()));
  }

  @Test
  void errorsAreTyped() {
    InvalidQueryException eager =
        assertThrows(
            InvalidQueryException.class,
            () -> show(Query.builder().eager("posts").build(), countRows()));
    assertTrue(eager.getMessage().contains("eager"), eager.getMessage());
    assertThrows(
        InvalidQueryException.class,
        () -> show(usersPosts(JoinType.INNER).eager("posts").build(), countRows()));
    assertThrows(
        UnknownColumnException.class,
        () -> show(usersPosts(JoinType.INNER).groupBy("posts.nope").build(), countRows()));
    assertThrows(
        UnknownColumnException.class, () -> show(usersPosts(JoinType.INNER).build(), max("x.id")));
    assertThrows(
        UnknownColumnException.class,
        () -> show(Query.builder().distinctBy("nope").build(), countRows()));
    assertThrows(
        TableNotFoundException.class,
        () -> show(Query.builder().join(JoinType.INNER, "nope", "id", "id").build(), countRows()));
    assertThrows(
        InvalidQueryException.class,
        () -> show(usersPosts(JoinType.INNER).build(), sum("users.name")));
  }

  @Test
  void joinedRowsAndGroupsShareTheSelectMemoryLimit() {
    for (int id = 20; id < 220; id++) {
      insert("posts", id, "user", u32(1 + id % 2), "score", i64(id));
    }
    Query byPost = usersPosts(JoinType.INNER).groupBy("posts.id").build();
    assertEquals(203, show(byPost, countRows()).size());
    long rowsOnly = probeLimit(usersPosts(JoinType.INNER).build());
    long withGroups = probeLimit(byPost);
    // The 203 groups need room beyond the joined rows.
    assertTrue(withGroups > rowsOnly, rowsOnly + " < " + withGroups);
    db.limitSelectMemory(withGroups - 1);
    assertThrows(MemoryException.class, () -> show(byPost, countRows()));
    db.limitSelectMemory(rowsOnly - 1);
    MemoryException gathering =
        assertThrows(MemoryException.class, () -> show(byPost, countRows()));
    assertTrue(
        gathering.getMessage().contains("the aggregate would hold more than"),
        gathering.getMessage());
    db.limitSelectMemory(withGroups - 1);
    assertEquals(List.of("| Uint64:203"), show(usersPosts(JoinType.INNER).build(), countRows()));
  }

  /** The smallest select memory limit under which {@code query} counts its rows. */
  private long probeLimit(Query query) {
    long low = 0;
    long high = 1 << 24;
    while (low < high) {
      long mid = (low + high) / 2;
      db.limitSelectMemory(mid);
      try {
        show(query, countRows());
        high = mid;
      } catch (MemoryException e) {
        low = mid + 1;
      }
    }
    return high;
  }
}
