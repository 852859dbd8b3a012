package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Plans through {@link Database#explain} for every case the planner handles (Eq and In on a
 * secondary index, each range operator and pairs of them, prefixes of a composite index, AND
 * combinations picking the most selective index, ORDER BY with LIMIT read in index order, planning
 * inside a transaction), and for each planned query, that its rows equal a brute-force evaluation
 * by {@link EngineModel}.
 *
 * <p>Table {@code t}: {@code a = id % 100} (null when {@code id % 37 == 0}) with declared index
 * {@code idx_a}; {@code b = "k" + id % 10} and {@code c = id / 10} with declared composite index
 * {@code idx_bc (b, c)}; {@code d = id} with index {@code idx_d} created after loading; {@code e =
 * id % 3} without an index.
 */
class IndexPlanTest {
  private static final int ROWS = 2000;

  private Database db;
  private EngineModel model;

  static TableDef table() {
    return TableDef.builder("t")
        .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
        .column(ColumnDef.builder("a", DataType.INT32).nullable())
        .column(ColumnDef.builder("b", DataType.TEXT).nullable())
        .column(ColumnDef.builder("c", DataType.INT64).nullable())
        .column(ColumnDef.builder("d", DataType.INT64))
        .column(ColumnDef.builder("e", DataType.INT32))
        .index("idx_a", false, "a")
        .index("idx_bc", false, "b", "c")
        .build();
  }

  static Row row(int id, int d) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("a", id % 37 == 0 ? NullValue.INSTANCE : new Int32Value(id % 100))
        .set("b", id % 53 == 0 ? NullValue.INSTANCE : new TextValue("k" + id % 10))
        .set("c", new Int64Value(id / 10))
        .set("d", new Int64Value(d))
        .set("e", new Int32Value(id % 3))
        .build();
  }

  @BeforeEach
  void load() {
    db = Database.open(new HeapMemoryProvider());
    model = new EngineModel();
    db.register(TableSchema.of(table()));
    model.register(table());
    for (int id = 0; id < ROWS; id++) {
      Row row = row(id, id);
      db.insert("t", row);
      model.insert(null, "t", row);
    }
    db.createIndex("t", new IndexDef("idx_d", List.of("d"), false));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Value i(long v) {
    return new Int64Value(v);
  }

  private static Query where(Filter filter) {
    return Query.builder().filter(filter).build();
  }

  private static Filter and(Filter... operands) {
    return new Filter.And(List.of(operands));
  }

  /** Explains {@code query} (inside {@code tx} unless null), checks the plan, then the rows. */
  private QueryPlan check(
      Long tx, Query query, String access, String index, String bounds, boolean ordered) {
    QueryPlan plan = tx == null ? db.explain("t", query) : db.explain(tx, "t", query);
    String what = query + " planned as " + plan;
    assertEquals(access, plan.access(), what);
    assertEquals(index, plan.index(), what);
    if (bounds != null) {
      assertEquals(bounds, plan.bounds(), what);
    }
    assertEquals(ordered, plan.ordered(), what);
    List<Row> actual = tx == null ? db.select("t", query) : db.select(tx, "t", query);
    assertEquals(model.select(tx, "t", query), actual, what);
    return plan;
  }

  private QueryPlan check(
      Query query, String access, String index, String bounds, boolean ordered) {
    return check(null, query, access, index, bounds, ordered);
  }

  @Test
  void eqAndInUseASecondaryIndex() {
    check(where(new Filter.Eq("a", i(7))), "index scan", "idx_a", "a = 7", false);
    check(where(new Filter.Eq("a", new Uint8Value(7))), "index scan", "idx_a", "a = 7", false);
    check(where(new Filter.Eq("a", i(1L << 40))), "index scan", "idx_a", null, false);
    check(where(new Filter.Eq("d", i(1234))), "index scan", "idx_d", "d = 1234", false);
    check(
        where(new Filter.In("a", List.of(i(9), i(3), new Int32Value(3), i(-4)))),
        "index scan",
        "idx_a",
        "a in 4 value(s)",
        false);
    check(where(new Filter.In("a", List.of())), "index scan", "idx_a", null, false);
    // An In that matches null cannot be served by key ranges over non-null values.
    check(
        where(new Filter.In("a", List.of(i(9), NullValue.INSTANCE))), "full scan", null, "", false);
    // Eq with Null is IsNull, which the planner leaves to a scan.
    check(where(new Filter.Eq("a", NullValue.INSTANCE)), "full scan", null, "", false);
    check(where(new Filter.Eq("e", i(1))), "full scan", null, "", false);
  }

  @Test
  void everyRangeOperatorAndPairsOnOneColumn() {
    check(where(new Filter.Gt("a", i(95))), "index scan", "idx_a", "a > 95", false);
    check(where(new Filter.Ge("a", i(95))), "index scan", "idx_a", "a >= 95", false);
    check(where(new Filter.Lt("a", i(3))), "index scan", "idx_a", "a < 3", false);
    check(where(new Filter.Le("a", i(3))), "index scan", "idx_a", "a <= 3", false);
    check(where(new Filter.Gt("a", i(-1000))), "index scan", "idx_a", "a > -1000", false);
    check(
        where(and(new Filter.Gt("a", i(10)), new Filter.Le("a", i(12)))),
        "index scan",
        "idx_a",
        "a > 10 and a <= 12",
        false);
    check(
        where(and(new Filter.Lt("d", i(1500)), new Filter.Ge("d", i(1490)))),
        "index scan",
        "idx_d",
        "d >= 1490 and d < 1500",
        false);
    // The tightest bound of each side wins; at equal values the strict one.
    check(
        where(
            and(
                new Filter.Gt("a", i(10)),
                new Filter.Ge("a", i(12)),
                new Filter.Lt("a", i(20)),
                new Filter.Le("a", i(14)))),
        "index scan",
        "idx_a",
        "a >= 12 and a <= 14",
        false);
    check(
        where(and(new Filter.Ge("a", i(12)), new Filter.Gt("a", i(12)), new Filter.Le("a", i(13)))),
        "index scan",
        "idx_a",
        "a > 12 and a <= 13",
        false);
    // Bounds that cross select nothing.
    check(
        where(and(new Filter.Gt("a", i(50)), new Filter.Lt("a", i(40)))),
        "index scan",
        "idx_a",
        "a > 50 and a < 40",
        false);
    assertEquals(
        0, db.select("t", where(and(new Filter.Ge("d", i(5)), new Filter.Le("d", i(4))))).size());
  }

  @Test
  void prefixesOfACompositeIndex() {
    TextValue k3 = new TextValue("k3");
    check(where(new Filter.Eq("b", k3)), "index scan", "idx_bc", "b = \"k3\"", false);
    check(
        where(and(new Filter.Eq("b", k3), new Filter.Gt("c", i(150)))),
        "index scan",
        "idx_bc",
        "b = \"k3\" and c > 150",
        false);
    check(
        where(and(new Filter.Le("c", i(20)), new Filter.Ge("c", i(10)), new Filter.Eq("b", k3))),
        "index scan",
        "idx_bc",
        "b = \"k3\" and c >= 10 and c <= 20",
        false);
    check(
        where(and(new Filter.Eq("c", i(42)), new Filter.Eq("b", k3))),
        "index scan",
        "idx_bc",
        "b = \"k3\" and c = 42",
        false);
    check(
        where(new Filter.In("b", List.of(k3, new TextValue("k4")))),
        "index scan",
        "idx_bc",
        "b in 2 value(s)",
        false);
    check(
        where(new Filter.Lt("b", new TextValue("k1"))),
        "index scan",
        "idx_bc",
        "b < \"k1\"",
        false);
    // A column that is not a prefix of the index cannot use it.
    check(where(new Filter.Eq("c", i(42))), "full scan", null, "", false);
    check(where(new Filter.Gt("c", i(42))), "full scan", null, "", false);
  }

  @Test
  void andCombinationsPickTheMostSelectiveIndex() {
    // a = 7 holds 20 rows, d >= 0 every row.
    check(
        where(and(new Filter.Ge("d", i(0)), new Filter.Eq("a", i(7)))),
        "index scan",
        "idx_a",
        "a = 7",
        false);
    // a >= 0 holds almost every row, d < 5 five.
    check(
        where(and(new Filter.Ge("a", i(0)), new Filter.Lt("d", i(5)))),
        "index scan",
        "idx_d",
        "d < 5",
        false);
    // Both ranges under the estimate cap: a in [3, 4] about 40 rows, d in [100, 110] 11 rows ...
    check(
        where(
            and(
                new Filter.Ge("a", i(3)),
                new Filter.Le("a", i(4)),
                new Filter.Ge("d", i(100)),
                new Filter.Le("d", i(110)))),
        "index scan",
        "idx_d",
        "d >= 100 and d <= 110",
        false);
    // ... and the other way round: a = 3 about 20 rows, d in [100, 199] 100 rows.
    check(
        where(
            and(new Filter.Eq("a", i(3)), new Filter.Ge("d", i(100)), new Filter.Le("d", i(199)))),
        "index scan",
        "idx_a",
        "a = 3",
        false);
    // A composite prefix against a single column.
    check(
        where(
            and(
                new Filter.Eq("b", new TextValue("k5")),
                new Filter.Eq("c", i(15)),
                new Filter.Ge("a", i(0)))),
        "index scan",
        "idx_bc",
        "b = \"k5\" and c = 15",
        false);
    // The primary key and a unique lookup beat any secondary index.
    check(
        where(and(new Filter.Eq("a", i(3)), new Filter.Eq("id", new Uint32Value(103)))),
        "primary key lookup",
        "id",
        null,
        false);
    // An Or is not a conjunction: no index.
    check(
        where(new Filter.Or(List.of(new Filter.Eq("a", i(3)), new Filter.Eq("d", i(4))))),
        "full scan",
        null,
        "",
        false);
  }

  private static Query ordered(Filter filter, String column, OrderDirection direction, long limit) {
    Query.Builder query = Query.builder().orderBy(column, direction);
    if (filter != null) {
      query.filter(filter);
    }
    if (limit >= 0) {
      query.limit(limit);
    }
    return query.build();
  }

  @Test
  void orderByWithLimitReadsInIndexOrder() {
    QueryPlan up =
        check(ordered(null, "a", OrderDirection.ASCENDING, 10), "index scan", "idx_a", "", true);
    assertTrue(up.description().contains("ascending"), up.description());
    QueryPlan down =
        check(ordered(null, "a", OrderDirection.DESCENDING, 10), "index scan", "idx_a", "", true);
    assertTrue(down.description().contains("descending"), down.description());
    check(ordered(null, "d", OrderDirection.DESCENDING, 25), "index scan", "idx_d", "", true);
    check(
        Query.builder()
            .orderBy("a", OrderDirection.DESCENDING)
            .orderBy("id", OrderDirection.ASCENDING)
            .limit(30)
            .offset(5)
            .build(),
        "index scan",
        "idx_a",
        "",
        true);
    // A filter on the ordered index keeps the order.
    check(
        ordered(new Filter.Ge("a", i(40)), "a", OrderDirection.ASCENDING, 30),
        "index scan",
        "idx_a",
        "a >= 40",
        true);
    check(
        ordered(new Filter.Lt("d", i(1000)), "d", OrderDirection.DESCENDING, 7),
        "index scan",
        "idx_d",
        "d < 1000",
        true);
    // The composite index delivers an order on both of its columns.
    check(
        Query.builder()
            .orderBy("b", OrderDirection.DESCENDING)
            .orderBy("c", OrderDirection.DESCENDING)
            .limit(12)
            .build(),
        "index scan",
        "idx_bc",
        "",
        true);
    // The primary key is an index too.
    check(
        ordered(null, "id", OrderDirection.DESCENDING, 5),
        "index scan",
        "primary key (id)",
        "",
        true);
    // No index on e, or on c alone, or mixed directions: scan and sort.
    check(ordered(null, "e", OrderDirection.ASCENDING, 10), "full scan", null, "", false);
    check(ordered(null, "c", OrderDirection.ASCENDING, 10), "full scan", null, "", false);
    check(
        Query.builder()
            .orderBy("b", OrderDirection.ASCENDING)
            .orderBy("c", OrderDirection.DESCENDING)
            .limit(12)
            .build(),
        "full scan",
        null,
        "",
        false);
  }

  @Test
  void aWideFilterOnAnotherIndexYieldsToTheOrderedIndex() {
    // a >= 0 holds nearly every row: reading idx_d in order and stopping after 10 is cheaper.
    check(
        ordered(new Filter.Ge("a", i(0)), "d", OrderDirection.ASCENDING, 10),
        "index scan",
        "idx_d",
        "",
        true);
    // a = 7 holds 20 rows: reading them and sorting is cheaper than reading d in order.
    check(
        ordered(new Filter.Eq("a", i(7)), "d", OrderDirection.DESCENDING, 10),
        "index scan",
        "idx_a",
        "a = 7",
        false);
  }

  @Test
  void withoutLimitAnOrderIsSortedAfterAScan() {
    check(ordered(null, "a", OrderDirection.ASCENDING, -1), "full scan", null, "", false);
    check(
        ordered(new Filter.Ge("d", i(1995)), "d", OrderDirection.DESCENDING, -1),
        "index scan",
        "idx_d",
        "d >= 1995",
        true);
  }

  @Test
  void aPrimaryKeyRangeWithLimitStopsEarly() {
    QueryPlan plan =
        check(
            Query.builder().filter(new Filter.Ge("id", i(500))).limit(10).build(),
            "index scan",
            "primary key (id)",
            "id >= 500",
            true);
    assertFalse(plan.description().contains("descending"), plan.description());
    // An ORDER BY no index delivers is sorted, whatever index bounds the read.
    check(
        Query.builder()
            .filter(new Filter.Ge("id", i(500)))
            .orderBy("b", OrderDirection.ASCENDING)
            .orderBy("c", OrderDirection.DESCENDING)
            .limit(12)
            .build(),
        "index scan",
        "primary key (id)",
        "id >= 500",
        false);
    check(
        Query.builder()
            .filter(new Filter.Lt("id", i(500)))
            .orderBy("id", OrderDirection.DESCENDING)
            .limit(12)
            .build(),
        "index scan",
        "primary key (id)",
        "id < 500",
        true);
  }

  @Test
  void plansInsideATransactionSeeItsOwnRows() {
    long tx = db.begin();
    model.begin(tx);
    // 300 rows with d = 105 exist only in the transaction: there, d in [100, 110] is no longer
    // the most selective range.
    for (int id = ROWS; id < ROWS + 300; id++) {
      Row row = row(id, 105);
      db.insert(tx, "t", row);
      model.insert(tx, "t", row);
    }
    Filter deleted = new Filter.Eq("a", i(4));
    assertEquals(
        model.delete(tx, "t", DeleteBehavior.RESTRICT, deleted),
        db.delete(tx, "t", DeleteBehavior.RESTRICT, deleted));
    Filter moved = new Filter.Eq("id", new Uint32Value(103));
    Row patch = Row.builder().set("a", new Int32Value(104)).set("d", new Int64Value(7)).build();
    assertEquals(model.update(tx, "t", patch, moved), db.update(tx, "t", patch, moved));
    Query both =
        where(
            and(
                new Filter.Ge("a", i(3)),
                new Filter.Le("a", i(4)),
                new Filter.Ge("d", i(100)),
                new Filter.Le("d", i(110))));
    check(null, both, "index scan", "idx_d", "d >= 100 and d <= 110", false);
    check(tx, both, "index scan", "idx_a", "a >= 3 and a <= 4", false);
    check(tx, where(new Filter.Eq("a", i(104))), "index scan", "idx_a", "a = 104", false);
    check(tx, where(new Filter.Eq("d", i(105))), "index scan", "idx_d", "d = 105", false);
    check(tx, where(new Filter.Eq("a", i(4))), "index scan", "idx_a", "a = 4", false);
    check(tx, ordered(null, "d", OrderDirection.DESCENDING, 40), "index scan", "idx_d", "", true);
    check(
        tx,
        Query.builder()
            .filter(new Filter.Le("d", i(105)))
            .orderBy("d", OrderDirection.DESCENDING)
            .limit(20)
            .offset(290)
            .build(),
        "index scan",
        "idx_d",
        "d <= 105",
        true);
    check(
        tx,
        ordered(new Filter.Eq("b", new TextValue("k3")), "a", OrderDirection.ASCENDING, 15),
        "index scan",
        "idx_bc",
        "b = \"k3\"",
        false);
    db.rollback(tx);
    model.rollback(tx);
    check(null, both, "index scan", "idx_d", "d >= 100 and d <= 110", false);
    check(where(new Filter.Eq("a", i(104))), "index scan", "idx_a", "a = 104", false);
  }
}
