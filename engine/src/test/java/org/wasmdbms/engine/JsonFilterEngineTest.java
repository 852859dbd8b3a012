package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmdbms.engine.Snapshots.assertFailsUnchanged;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * JSON filters through the engine: binding (only on Json columns, through the usual column
 * resolution), the null-column rules, combination with And/Or/Not, use in update and delete, and a
 * seeded fuzz of wire filters with malformed paths and operations, each of which either selects or
 * fails with a typed error that leaves the database unchanged.
 */
class JsonFilterEngineTest {
  private static final String[] DOCUMENTS = {
    "{\"user\":{\"name\":\"Ada\",\"age\":36,\"tags\":[\"wasm\",\"db\"]},\"draft\":false}",
    "{\"user\":{\"name\":\"Bob\",\"age\":17,\"tags\":[\"java\"]},\"draft\":true}",
    "{\"user\":{\"name\":\"Cy\",\"age\":null},\"tags\":[]}",
    "[1,2,{\"user\":1}]",
    null,
  };

  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    db.register(
        TableSchema.of(
            TableDef.builder("posts")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("title", DataType.TEXT))
                .column(ColumnDef.builder("metadata", DataType.JSON).nullable())
                .build()));
    for (int i = 0; i < DOCUMENTS.length; i++) {
      db.insert(
          "posts",
          Row.builder()
              .set("id", new Uint32Value(i + 1))
              .set("title", new TextValue("post " + (i + 1)))
              .set("metadata", DOCUMENTS[i] == null ? null : new JsonValue(DOCUMENTS[i]))
              .build());
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<Long> ids(Filter filter) {
    List<Long> ids = new ArrayList<>();
    for (Row row : db.select("posts", Query.builder().filter(filter).build())) {
      ids.add(((Uint32Value) row.get("id")).value());
    }
    return ids;
  }

  private List<Long> ids(String wire) {
    return ids(WireFormat.parseFilter(wire));
  }

  private static String json(String operation) {
    return "{\"Json\":[\"metadata\"," + operation + "]}";
  }

  @Test
  void eachOperationSelectsItsRows() {
    assertEquals(List.of(1L, 2L), ids(json("{\"HasKey\":\"user.tags[0]\"}")));
    assertEquals(List.of(1L, 2L, 3L), ids(json("{\"HasKey\":\"user.age\"}")));
    assertEquals(List.of(4L), ids(json("{\"HasKey\":\"[2].user\"}")));
    assertEquals(List.of(1L), ids(json("{\"Extract\":[\"user.age\",{\"Gt\":{\"Int64\":18}}]}")));
    assertEquals(
        List.of(2L), ids(json("{\"Extract\":[\"user.name\",{\"Eq\":{\"Text\":\"Bob\"}}]}")));
    assertEquals(List.of(3L, 4L, 5L), ids(json("{\"Extract\":[\"user.age\",\"IsNull\"]}")));
    assertEquals(List.of(1L, 2L), ids(json("{\"Extract\":[\"user.age\",\"NotNull\"]}")));
    assertEquals(List.of(1L), ids(json("{\"Contains\":{\"user\":{\"tags\":[\"wasm\"]}}}")));
    assertEquals(List.of(1L, 2L, 3L), ids(json("{\"Contains\":{}}")));
    assertEquals(List.of(4L), ids(json("{\"Contains\":2}")));
  }

  @Test
  void aNullColumnFailsEveryTestButIsNullAndNe() {
    assertEquals(
        List.of(1L, 3L, 4L, 5L),
        ids(json("{\"Extract\":[\"draft\",{\"Ne\":{\"Boolean\":true}}]}")));
    assertEquals(List.of(3L, 4L, 5L), ids(json("{\"Extract\":[\"draft\",\"IsNull\"]}")));
    assertEquals(
        List.of(3L, 4L, 5L),
        ids(new Filter.Not(WireFormat.parseFilter(json("{\"HasKey\":\"draft\"}")))));
    assertEquals(
        List.of(4L, 5L), ids(new Filter.Not(WireFormat.parseFilter(json("{\"Contains\":{}}")))));
  }

  @Test
  void jsonFiltersCombineWithOtherFilters() {
    Filter adult =
        WireFormat.parseFilter(json("{\"Extract\":[\"user.age\",{\"Ge\":{\"Int64\":18}}]}"));
    Filter cy = WireFormat.parseFilter(json("{\"Contains\":{\"user\":{\"name\":\"Cy\"}}}"));
    Filter post1 = new Filter.Eq("title", new TextValue("post 1"));
    assertEquals(List.of(1L), ids(new Filter.And(List.of(adult, post1))));
    assertEquals(List.of(1L, 3L), ids(new Filter.Or(List.of(adult, cy))));
    assertEquals(List.of(2L, 3L, 4L, 5L), ids(new Filter.Not(adult)));
    assertEquals(List.of(), ids(new Filter.And(List.of(new Filter.Not(post1), adult))));
    assertEquals(
        List.of(5L),
        ids(new Filter.And(List.of(new Filter.IsNull("metadata"), new Filter.Not(cy)))));
  }

  @Test
  void updatesAndDeletesTakeJsonFilters() {
    Filter draft =
        WireFormat.parseFilter(json("{\"Extract\":[\"draft\",{\"Eq\":{\"Boolean\":true}}]}"));
    assertEquals(
        1, db.update("posts", Row.builder().set("title", new TextValue("draft")).build(), draft));
    assertEquals(List.of(2L), ids(new Filter.Eq("title", new TextValue("draft"))));
    assertEquals(1, db.delete("posts", DeleteBehavior.RESTRICT, draft));
    assertEquals(List.of(1L, 3L, 4L, 5L), ids((Filter) null));
  }

  @Test
  void aJsonFilterOnAnotherColumnIsInvalidAndAnUnknownColumnIsUnknown() {
    InvalidQueryException e =
        assertFailsUnchanged(
            db,
            InvalidQueryException.class,
            () -> ids("{\"Json\":[\"title\",{\"HasKey\":\"a\"}]}"));
    assertEquals("JSON filters need a Json column; title is Text", e.detail());
    assertFailsUnchanged(
        db, InvalidQueryException.class, () -> ids("{\"Json\":[\"id\",{\"Contains\":1}]}"));
    assertFailsUnchanged(
        db,
        UnknownColumnException.class,
        () -> ids("{\"Json\":[\"nope\",{\"Extract\":[\"a\",\"IsNull\"]}]}"));
    assertFailsUnchanged(
        db,
        InvalidQueryException.class,
        () ->
            db.delete(
                "posts",
                DeleteBehavior.RESTRICT,
                WireFormat.parseFilter("{\"Json\":[\"title\",{\"HasKey\":\"a\"}]}")));
  }

  @Test
  void randomWireFiltersSelectOrFailTyped() {
    long seed = Long.getLong("jsonFuzz.seed", System.nanoTime());
    System.out.println("JsonFilterEngineTest seed " + seed);
    Random random = new Random(seed);
    String[] columns = {
      "metadata", "metadata", "metadata", "title", "id", "nope", "posts.metadata"
    };
    String pathAlphabet = "user.tags[0]\"\\a.1";
    Map<String, List<Row>> before = Snapshots.of(db);
    int selected = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder path = new StringBuilder();
      for (int n = random.nextInt(10); n > 0; n--) {
        path.append(pathAlphabet.charAt(random.nextInt(pathAlphabet.length())));
      }
      String quotedPath = "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      String operation =
          switch (random.nextInt(5)) {
            case 0 -> "{\"HasKey\":" + quotedPath + "}";
            case 1 -> "{\"Extract\":[" + quotedPath + ",{\"Gt\":{\"Int64\":18}}]}";
            case 2 -> "{\"Extract\":[" + quotedPath + ",\"IsNull\"]}";
            case 3 ->
                "{\"Extract\":["
                    + quotedPath
                    + ",{\"In\":[{\"Text\":\"Ada\"},{\"Date\":"
                    + "{\"year\":2024,\"month\":1,\"day\":1}}]}]}";
            default ->
                "{\"Contains\":"
                    + "[".repeat(random.nextInt(34))
                    + "]".repeat(random.nextInt(34))
                    + "}";
          };
      String wire =
          "{\"Json\":[\"" + columns[random.nextInt(columns.length)] + "\"," + operation + "]}";
      int nots = random.nextBoolean() ? random.nextInt(30) : 0;
      wire = "{\"Not\":".repeat(nots) + wire + "}".repeat(nots);
      try {
        ids(wire);
        selected++;
      } catch (DbmsException e) {
        assertTrue(e.detail() != null && !e.detail().isEmpty(), wire);
      }
    }
    assertEquals(before, Snapshots.of(db));
    assertTrue(selected > 100, "only " + selected + " selects ran; seed " + seed);
  }
}
