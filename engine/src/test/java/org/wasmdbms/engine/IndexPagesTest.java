package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * On 1,000,000 rows, counts the distinct pages each plan reads: an indexed range with LIMIT 10 (in
 * index order, either direction, on a secondary index and on the primary key) reads O(log n + 10)
 * pages, a full scan reads the table. Rows are loaded in transactions of 10,000 inserts; {@code v}
 * is a permutation of the ids, so index order differs from primary-key order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexPagesTest {
  private static final int ROWS = 1_000_000;
  private static final int BATCH = 10_000;
  private static final long MAX_PAGES = 50;

  private CountingProvider provider;
  private Database db;

  /** A permutation of {@code 0 .. ROWS - 1}: 7919 is prime and does not divide ROWS. */
  private static long v(long id) {
    return id * 7919 % ROWS;
  }

  @BeforeAll
  void load() {
    long start = System.currentTimeMillis();
    provider = new CountingProvider(new HeapMemoryProvider(), true);
    db = Database.open(provider);
    db.register(
        TableSchema.of(
            TableDef.builder("big")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("v", DataType.INT64))
                .column(ColumnDef.builder("w", DataType.INT64))
                .index("idx_v", false, "v")
                .build()));
    for (int first = 0; first < ROWS; first += BATCH) {
      long tx = db.begin();
      for (int id = first; id < first + BATCH; id++) {
        db.insert(
            tx,
            "big",
            Row.builder()
                .set("id", new Uint32Value(id))
                .set("v", new Int64Value(v(id)))
                .set("w", new Int64Value(id % 1000))
                .build());
      }
      db.commit(tx);
    }
    System.out.println(
        "IndexPagesTest: loaded "
            + ROWS
            + " rows in "
            + (System.currentTimeMillis() - start)
            + " ms, "
            + provider.pages()
            + " pages");
  }

  @AfterAll
  void close() {
    db.close();
  }

  /** Runs {@code query}, checks its rows' {@code column}, returns the distinct pages it read. */
  private long pagesOf(Query query, String column, List<Long> expected) {
    provider.takeDistinctPagesRead();
    List<Row> rows = db.select("big", query);
    long pages = provider.takeDistinctPagesRead();
    List<Long> actual = new ArrayList<>();
    for (Row row : rows) {
      Value value = row.get(column);
      actual.add(value instanceof Uint32Value u ? u.value() : ((Int64Value) value).value());
    }
    assertEquals(expected, actual, query.toString());
    System.out.println("IndexPagesTest: " + db.explain("big", query) + ": " + pages + " pages");
    return pages;
  }

  private static List<Long> range(long from, int count, int step) {
    List<Long> values = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      values.add(from + (long) k * step);
    }
    return values;
  }

  @Test
  void anIndexedRangeWithLimitReadsLogarithmicallyManyPages() {
    long full =
        pagesOf(
            Query.builder().filter(new Filter.Eq("w", new Int64Value(-1))).build(),
            "id",
            List.of());
    Query up =
        Query.builder()
            .filter(new Filter.Ge("v", new Int64Value(500_000)))
            .orderBy("v", OrderDirection.ASCENDING)
            .limit(10)
            .build();
    assertTrue(db.explain("big", up).ordered());
    long ascending = pagesOf(up, "v", range(500_000, 10, 1));
    Query down =
        Query.builder()
            .filter(
                new Filter.And(
                    List.of(
                        new Filter.Lt("v", new Int64Value(700_000)),
                        new Filter.Gt("v", new Int64Value(10)))))
            .orderBy("v", OrderDirection.DESCENDING)
            .limit(10)
            .build();
    assertTrue(db.explain("big", down).ordered());
    long descending = pagesOf(down, "v", range(699_999, 10, -1));
    long byKey =
        pagesOf(
            Query.builder().filter(new Filter.Gt("id", new Int64Value(123_455))).limit(10).build(),
            "id",
            range(123_456, 10, 1));
    long top =
        pagesOf(
            Query.builder().orderBy("v", OrderDirection.DESCENDING).limit(10).build(),
            "v",
            range(ROWS - 1, 10, -1));
    for (long pages : new long[] {ascending, descending, byKey, top}) {
      assertTrue(pages < MAX_PAGES, pages + " pages for a range with LIMIT 10, full scan " + full);
    }
    assertTrue(full > 10 * MAX_PAGES, "a full scan reads the table: " + full + " pages");
  }
}
