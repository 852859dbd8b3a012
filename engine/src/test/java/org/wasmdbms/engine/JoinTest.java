package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wasmdbms.engine.ExampleSchema.comment;
import static org.wasmdbms.engine.ExampleSchema.post;
import static org.wasmdbms.engine.ExampleSchema.user;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.ColumnValue;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueText;
import org.wasmdbms.memory.MemoryProvider;

/**
 * Joins, eager relations and distinct on the example schema: result names and order, padding, name
 * resolution, errors, windows, the memory limit, and transactions. Runs on every provider.
 */
abstract class JoinTest {
  private Database db;

  abstract MemoryProvider openProvider();

  @BeforeEach
  void open() {
    db = Database.open(openProvider());
    ExampleSchema.registerAll(db);
    db.register(
        TableSchema.of(
            TableDef.builder("tags")
                .column(ColumnDef.builder("id", DataType.INT64).primaryKey())
                .column(ColumnDef.builder("label", DataType.TEXT).nullable())
                .column(ColumnDef.builder("post", DataType.INT64).nullable())
                .build()));
    // Alice (1) wrote posts 3 and 1, Bob (2) post 2, Carol (3) nothing.
    db.insert("users", user("Alice", "alice@example.com", 30));
    db.insert("users", user("Bob", "bob@example.com", null));
    db.insert("users", user("Carol", "carol@example.com", 30));
    db.insert("posts", post(3, "Third", 1));
    db.insert("posts", post(1, "First", 1));
    db.insert("posts", post(2, "Second", 2));
    db.insert("comments", comment(10, "on first", 1));
    db.insert("comments", comment(11, "on second", 2));
    db.insert("comments", comment(12, "also on first", 1));
    tag(1, "x", 2L);
    tag(2, "y", null);
    tag(3, "x", 9L);
    tag(4, null, 2L);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void tag(long id, String label, Long post) {
    db.insert(
        "tags",
        Row.builder()
            .set("id", new Int64Value(id))
            .set("label", label == null ? null : new TextValue(label))
            .set("post", post == null ? null : new Int64Value(post))
            .build());
  }

  /** Each row as the values (text unquoted) of {@code columns}, joined by '/'. */
  private static List<String> cells(List<Row> rows, String... columns) {
    List<String> out = new ArrayList<>();
    for (Row row : rows) {
      StringBuilder line = new StringBuilder();
      for (String column : columns) {
        Value value = row.get(column);
        String text =
            value.isNull()
                ? "null"
                : value instanceof TextValue t ? t.value() : ValueText.display(value);
        line.append(line.length() == 0 ? "" : "/").append(text);
      }
      out.add(line.toString());
    }
    return out;
  }

  private List<Row> select(String table, Query.Builder query) {
    return db.select(table, query.build());
  }

  @Test
  void anInnerJoinNamesEveryColumnTableDotColumnInTableOrder() {
    List<Row> rows =
        select("users", Query.builder().join(JoinType.INNER, "posts", "id", "user").limit(1));
    List<String> names = new ArrayList<>();
    for (ColumnValue column : rows.get(0).columns()) {
      names.add(column.name());
    }
    assertEquals(
        List.of(
            "users.id",
            "users.name",
            "users.email",
            "users.age",
            "users.role",
            "posts.id",
            "posts.title",
            "posts.user"),
        names);
  }

  @Test
  void withoutOrderRowsFollowTheSelectTableThenTheJoinedTablesPrimaryKey() {
    assertEquals(
        List.of("1/1", "1/3", "2/2"),
        cells(
            select("users", Query.builder().join(JoinType.INNER, "posts", "users.id", "user")),
            "users.id",
            "posts.id"));
  }

  @Test
  void leftRightAndFullJoinsPadWithNulls() {
    Query.Builder left = Query.builder().join(JoinType.LEFT, "posts", "id", "user");
    assertEquals(
        List.of("1/1", "1/3", "2/2", "3/null"),
        cells(select("users", left), "users.id", "posts.id"));
    // Tag 2 has a null post and tag 3 a post that does not exist: neither matches.
    Query.Builder right = Query.builder().join(JoinType.RIGHT, "tags", "id", "post");
    assertEquals(
        List.of("2/1/Second", "2/4/Second", "null/2/null", "null/3/null"),
        cells(select("posts", right), "posts.id", "tags.id", "posts.title"));
    Query.Builder full = Query.builder().join(JoinType.FULL, "tags", "id", "post");
    assertEquals(
        List.of("1/null", "2/1", "2/4", "3/null", "null/2", "null/3"),
        cells(select("posts", full), "posts.id", "tags.id"));
  }

  @Test
  void joinsChainLeftToRightAndALeftColumnMayNameAnyTableSoFar() {
    Query.Builder chain =
        Query.builder()
            .join(JoinType.INNER, "posts", "id", "user")
            .join(JoinType.LEFT, "comments", "posts.id", "post_id");
    assertEquals(
        List.of("1/1/10", "1/1/12", "1/3/null", "2/2/11"),
        cells(select("users", chain), "users.id", "posts.id", "comments.id"));
  }

  @Test
  void integersJoinByValueAcrossWidths() {
    // tags.post is Int64, posts.id Uint32.
    assertEquals(
        List.of("1/2", "4/2"),
        cells(
            select("tags", Query.builder().join(JoinType.INNER, "posts", "post", "id")),
            "tags.id",
            "posts.id"));
  }

  @Test
  void aJoinThroughAUniqueColumnTreeFindsItsRowAndNothingForATooLongKey() {
    // 23 users against 2 distinct keys: the lookups in the email tree beat a scan.
    for (int i = 0; i < 20; i++) {
      db.insert("users", user("U" + i, "u" + i + "@example.com", i));
    }
    tag(5, "u7@example.com", null);
    tag(6, "x".repeat(3000), null); // longer than any tree key: matches nothing
    Query.Builder query =
        Query.builder()
            .filter(new Filter.Gt("tags.id", new Int64Value(4)))
            .join(JoinType.LEFT, "users", "label", "email");
    assertEquals(List.of("5/U7", "6/null"), cells(select("tags", query), "tags.id", "users.name"));
  }

  @Test
  void bareNamesMeanTheFirstTableThatHasTheColumn() {
    Query.Builder query =
        Query.builder()
            .join(JoinType.INNER, "posts", "id", "user")
            .filter(new Filter.Eq("id", new Uint32Value(1))) // users.id
            .orderBy("title", OrderDirection.DESCENDING); // posts.title
    assertEquals(List.of("1/3", "1/1"), cells(select("users", query), "users.id", "posts.id"));
    Query.Builder qualified =
        Query.builder()
            .join(JoinType.INNER, "posts", "id", "user")
            .filter(new Filter.Eq("posts.id", new Uint32Value(2)));
    assertEquals(List.of("2/2"), cells(select("users", qualified), "users.id", "posts.id"));
    // The select table's part of the filter picks its access path.
    Query byUser =
        Query.builder()
            .join(JoinType.INNER, "posts", "id", "user")
            .filter(
                new Filter.And(
                    List.of(
                        new Filter.Eq("users.id", new Uint32Value(1)),
                        new Filter.Ne("title", new TextValue("Third")))))
            .build();
    assertEquals("primary key lookup", db.explain("users", byUser).access());
    assertEquals(List.of("1/1"), cells(db.select("users", byUser), "users.id", "posts.id"));
  }

  @Test
  void aFilterOnTheSelectTableDoesNotDropPaddedRowsOfARightJoin() {
    Query.Builder query =
        Query.builder()
            .join(JoinType.RIGHT, "tags", "id", "post")
            .filter(new Filter.IsNull("posts.title"));
    assertEquals(List.of("2", "3"), cells(select("posts", query), "tags.id"));
  }

  @Test
  void orderByKeepsTheJoinOrderAmongTies() {
    Query.Builder query =
        Query.builder()
            .join(JoinType.INNER, "posts", "id", "user")
            .orderBy("users.age", OrderDirection.DESCENDING);
    assertEquals(List.of("1", "3", "2"), cells(select("users", query), "posts.id"));
  }

  @Test
  void limitAndOffsetCountJoinedRows() {
    Query.Builder query =
        Query.builder().join(JoinType.LEFT, "posts", "id", "user").offset(1).limit(2);
    assertEquals(List.of("1/3", "2/2"), cells(select("users", query), "users.id", "posts.id"));
  }

  @Test
  void badJoinsFailWithTypedErrors() {
    assertThrows(
        TableNotFoundException.class,
        () -> select("users", Query.builder().join(JoinType.INNER, "nope", "id", "user")));
    assertThrows(
        UnknownColumnException.class,
        () -> select("users", Query.builder().join(JoinType.INNER, "posts", "nope", "user")));
    assertThrows(
        UnknownColumnException.class,
        () -> select("users", Query.builder().join(JoinType.INNER, "posts", "id", "nope")));
    // A bare left column names the select table's column, even after other joins.
    assertThrows(
        UnknownColumnException.class,
        () ->
            select(
                "users",
                Query.builder()
                    .join(JoinType.INNER, "posts", "id", "user")
                    .join(JoinType.INNER, "comments", "title", "body")));
    assertThrows(
        UnknownColumnException.class,
        () ->
            select(
                "users",
                Query.builder()
                    .join(JoinType.INNER, "posts", "id", "user")
                    .filter(new Filter.IsNull("comments.id"))));
    assertThrows(
        InvalidQueryException.class,
        () -> select("users", Query.builder().join(JoinType.INNER, "users", "id", "id")));
    assertThrows(
        InvalidQueryException.class,
        () ->
            select(
                "users",
                Query.builder()
                    .join(JoinType.INNER, "posts", "id", "user")
                    .join(JoinType.LEFT, "posts", "id", "user")));
    assertThrows(
        InvalidQueryException.class,
        () -> select("users", Query.builder().join(JoinType.INNER, "posts", "name", "id")));
  }

  @Test
  void joinsLiveWithinTheSelectMemoryLimit() {
    Query query = Query.builder().join(JoinType.FULL, "posts", "id", "user").build();
    int rows = db.select("users", query).size();
    db.limitSelectMemory(200);
    assertThrows(MemoryException.class, () -> db.select("users", query));
    db.limitSelectMemory(100_000);
    assertEquals(rows, db.select("users", query).size());
  }

  @Test
  void aTransactionJoinsWithItsOwnWrites() {
    long tx = db.begin();
    db.insert(tx, "posts", post(4, "Fourth", 3));
    Query query = Query.builder().join(JoinType.INNER, "posts", "id", "user").build();
    assertEquals(4, db.select(tx, "users", query).size());
    assertEquals(3, db.select("users", query).size());
    db.rollback(tx);
  }

  @Test
  void eagerRelationsAppendTheReferencedRowNamedAsGiven() {
    List<Row> rows = select("posts", Query.builder().eager("user"));
    assertEquals(List.of("1/Alice", "2/Bob", "3/Alice"), cells(rows, "id", "user.name"));
    assertEquals(3 + 5, rows.get(0).size());
    assertEquals("user.role", rows.get(0).columns().get(7).name());
    List<Row> byTable = select("comments", Query.builder().eager("posts").limit(1));
    assertEquals(List.of("10/First"), cells(byTable, "id", "posts.title"));
  }

  @Test
  void aNullForeignKeyGivesNullRelationColumns() {
    db.register(
        TableSchema.of(
            TableDef.builder("notes")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(
                    ColumnDef.builder("author", DataType.UINT32)
                        .nullable()
                        .references("users", "id"))
                .column(
                    ColumnDef.builder("editor", DataType.UINT32)
                        .nullable()
                        .references("users", "id"))
                .build()));
    db.insert(
        "notes",
        Row.builder()
            .set("id", new Uint32Value(1))
            .set("author", null)
            .set("editor", new Uint32Value(2))
            .build());
    List<Row> rows = select("notes", Query.builder().eager("editor", "author"));
    assertEquals(List.of("Bob/null/null"), cells(rows, "editor.name", "author.id", "author.name"));
    // Two foreign keys reference users: the table name does not say which.
    assertThrows(
        InvalidQueryException.class, () -> select("notes", Query.builder().eager("users")));
  }

  @Test
  void badEagerRelationsFailWithTypedErrors() {
    assertThrows(UnknownColumnException.class, () -> select("posts", Query.builder().eager("x")));
    assertThrows(
        UnknownColumnException.class, () -> select("posts", Query.builder().eager("title")));
    assertThrows(
        UnknownColumnException.class, () -> select("users", Query.builder().eager("posts")));
    assertThrows(
        InvalidQueryException.class,
        () -> Query.builder().eager("user").join(JoinType.INNER, "users", "user", "id").build());
  }

  @Test
  void distinctKeepsTheFirstRowOfEachCombinationNullsAlike() {
    assertEquals(
        List.of("1", "2", "4"), cells(select("tags", Query.builder().distinctBy("label")), "id"));
    assertEquals(
        List.of("1", "2", "3", "4"),
        cells(select("tags", Query.builder().distinctBy("label", "post")), "id"));
    // Distinct runs before ordering and the window.
    Query.Builder ordered =
        Query.builder().distinctBy("label").orderBy("id", OrderDirection.DESCENDING).limit(2);
    assertEquals(List.of("4", "2"), cells(select("tags", ordered), "id"));
    Query.Builder filtered =
        Query.builder().distinctBy("label").filter(new Filter.NotNull("post")).offset(1);
    assertEquals(List.of("4"), cells(select("tags", filtered), "id"));
    assertThrows(
        UnknownColumnException.class, () -> select("tags", Query.builder().distinctBy("nope")));
  }

  @Test
  void distinctWorksOnJoinedRows() {
    Query.Builder query =
        Query.builder().join(JoinType.INNER, "posts", "id", "user").distinctBy("users.id");
    assertEquals(List.of("1/1", "2/2"), cells(select("users", query), "users.id", "posts.id"));
  }
}
