package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLongArray;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;

/**
 * The workload of the concurrency tests that need exact answers while writers run: writer {@code w}
 * inserts books {@code 0, 1, 2, ...} of its own, one row per call, and publishes how many were
 * acknowledged; a book's author names its writer and its group of {@value #GROUP}, so a reader
 * knows exactly which rows an acknowledged key or a completed group must return.
 */
final class Books {
  static final String TABLE = "books";
  static final int GROUP = 10;

  private final AtomicLongArray acknowledged;

  /** Tracks {@code writers} writers, none of which has inserted anything. */
  Books(int writers) {
    acknowledged = new AtomicLongArray(writers);
  }

  static TableSchema schema() {
    return TableSchema.of(
        TableDef.builder(TABLE)
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("title", DataType.TEXT).unique())
            .column(ColumnDef.builder("author", DataType.TEXT))
            .index("by_author", false, "author")
            .build());
  }

  static long id(int writer, long n) {
    return writer * 10_000_000L + n + 1;
  }

  static String author(int writer, long group) {
    return "author " + writer + "-" + group;
  }

  static Row book(int writer, long n) {
    return Row.builder()
        .set("id", new Uint32Value(id(writer, n)))
        .set("title", new TextValue("title " + id(writer, n)))
        .set("author", new TextValue(author(writer, n / GROUP)))
        .build();
  }

  int writers() {
    return acknowledged.length();
  }

  /** How many books writer {@code w} has had acknowledged. */
  long acknowledged(int writer) {
    return acknowledged.get(writer);
  }

  /** Inserts writer {@code w}'s next book and records the acknowledgement. */
  void insertNext(Database db, int writer) {
    db.insert(TABLE, book(writer, acknowledged.get(writer)));
    acknowledge(writer);
  }

  /** Worker {@code w}'s turn: the first {@link #writers()} workers insert, the others read. */
  void turn(Database db, int worker, Random random) {
    if (worker < writers()) {
      insertNext(db, worker);
    } else {
      readOne(db, random);
    }
  }

  /** Records that writer {@code w}'s next book was stored, by a call made elsewhere. */
  void acknowledge(int writer) {
    acknowledged.incrementAndGet(writer);
  }

  /**
   * One read with an exact expected answer: an acknowledged book by its key, by its title or, once
   * a writer completed a group, the whole group by its author through the secondary index; the
   * table names while the writer has nothing acknowledged yet. Always one call of the database.
   */
  void readOne(Database db, Random random) {
    int writer = random.nextInt(writers());
    long known = acknowledged(writer);
    if (known == 0) {
      assertEquals(List.of(TABLE), db.tables());
      return;
    }
    long n = (long) (random.nextDouble() * known);
    long groups = known / GROUP;
    int kind = random.nextInt(3);
    if (kind == 0 || groups == 0) {
      assertEquals(List.of(book(writer, n)), select(db, new Filter.Eq("id", idValue(writer, n))));
    } else if (kind == 1) {
      assertEquals(
          List.of(book(writer, n)),
          select(db, new Filter.Eq("title", new TextValue("title " + id(writer, n)))));
    } else {
      long group = (long) (random.nextDouble() * groups);
      List<Row> expected = new ArrayList<>();
      for (long i = group * GROUP; i < (group + 1) * GROUP; i++) {
        expected.add(book(writer, i));
      }
      assertEquals(
          expected,
          select(db, new Filter.Eq("author", new TextValue(author(writer, group)))),
          "group " + author(writer, group));
    }
  }

  private static Uint32Value idValue(int writer, long n) {
    return new Uint32Value(id(writer, n));
  }

  private static List<Row> select(Database db, Filter filter) {
    return db.select(
        TABLE, Query.builder().filter(filter).orderBy("id", OrderDirection.ASCENDING).build());
  }

  /**
   * Checks that the table holds exactly the acknowledged books, and that every index (primary key,
   * unique title, author) finds each row a full scan finds.
   */
  void verify(Database db) {
    List<Row> expected = new ArrayList<>();
    for (int writer = 0; writer < writers(); writer++) {
      for (long n = 0; n < acknowledged(writer); n++) {
        expected.add(book(writer, n));
      }
    }
    List<Row> scan =
        db.select(TABLE, Query.builder().orderBy("id", OrderDirection.ASCENDING).build());
    assertEquals(expected.size(), scan.size(), "rows after the run");
    assertEquals(expected, scan, "every acknowledged insert, nothing else");
    Map<Value, List<Row>> byAuthor = new LinkedHashMap<>();
    for (Row row : scan) {
      assertEquals(List.of(row), select(db, new Filter.Eq("id", row.get("id"))), "by key");
      assertEquals(List.of(row), select(db, new Filter.Eq("title", row.get("title"))), "by title");
      byAuthor.computeIfAbsent(row.get("author"), a -> new ArrayList<>()).add(row);
    }
    TextValue anAuthor = new TextValue(author(0, 0));
    assertEquals(
        "index scan",
        db.explain(TABLE, Query.builder().filter(new Filter.Eq("author", anAuthor)).build())
            .access());
    byAuthor.forEach(
        (author, rows) ->
            assertEquals(
                rows,
                select(db, new Filter.Eq("author", author)),
                "index by_author for " + author));
  }
}
