package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Infinities and NaN are ordinary values on every path: indexed and unindexed filters agree, plans
 * print them, and a duplicate float key is a primary-key conflict. NaN may be stored and sorts
 * above +Infinity (IEEE total order); in a filter it stays refused.
 */
class NonFiniteFloatTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double[] PROBES = {-INF, -1.0, 1.0, 2.0, INF};

  private static Database withTable() {
    Database db = Database.open(new HeapMemoryProvider());
    db.register(
        TableSchema.of(
            TableDef.builder("t")
                .column(ColumnDef.builder("id", DataType.INT32).primaryKey())
                .column(ColumnDef.builder("f", DataType.FLOAT64).nullable())
                .column(ColumnDef.builder("g", DataType.FLOAT64).nullable())
                .index("idx_f", false, "f")
                .build()));
    return db;
  }

  private static void insert(Database db, int id, double value) {
    Value v = new Float64Value(value);
    db.insert("t", Row.builder().set("id", new Int32Value(id)).set("f", v).set("g", v).build());
  }

  private static List<Value> ids(List<Row> rows) {
    List<Value> ids = new ArrayList<>();
    for (Row row : rows) {
      ids.add(row.get("id"));
    }
    return ids;
  }

  private static List<Filter> comparisons(String column, double probe) {
    Value v = new Float64Value(probe);
    return List.of(
        new Filter.Eq(column, v),
        new Filter.Ne(column, v),
        new Filter.Gt(column, v),
        new Filter.Ge(column, v),
        new Filter.Lt(column, v),
        new Filter.Le(column, v),
        new Filter.In(column, List.of(v, new Float32Value((float) probe))));
  }

  @Test
  void indexedAndUnindexedFiltersAgreeOnInfinities() {
    Database db = withTable();
    insert(db, 1, 1.0);
    insert(db, 2, INF);
    insert(db, 3, -INF);
    insert(db, 4, Double.NaN);
    for (double probe : PROBES) {
      List<Filter> indexed = comparisons("f", probe);
      List<Filter> plain = comparisons("g", probe);
      for (int k = 0; k < indexed.size(); k++) {
        Query onIndex = Query.builder().filter(indexed.get(k)).build();
        Query onColumn = Query.builder().filter(plain.get(k)).build();
        assertEquals(
            ids(db.select("t", onColumn)), ids(db.select("t", onIndex)), indexed.get(k) + "");
        String plan = db.explain("t", onIndex).description();
        assertTrue(
            plan.startsWith("full scan") || plan.contains("idx_f"), indexed.get(k) + ": " + plan);
      }
    }
    Query range =
        Query.builder()
            .filter(
                new Filter.And(
                    List.of(
                        new Filter.Ge("f", new Float64Value(-INF)),
                        new Filter.Lt("f", new Float64Value(INF)))))
            .build();
    assertEquals(
        "index scan of idx_f where f >= -Infinity and f < Infinity, ascending",
        db.explain("t", range).description());
    assertEquals(List.of(new Int32Value(1), new Int32Value(3)), ids(db.select("t", range)));
    Query byF = Query.builder().orderBy("f", OrderDirection.ASCENDING).build();
    assertEquals(
        List.of(new Int32Value(3), new Int32Value(1), new Int32Value(2), new Int32Value(4)),
        ids(db.select("t", byF)),
        "total order: -Infinity, 1.0, Infinity, NaN");
    assertTrue(db.select("t", byF).toString().contains("f: NaN"));
    Query aboveInfinity = Query.builder().filter(new Filter.Gt("f", new Float64Value(INF))).build();
    assertEquals(List.of(new Int32Value(4)), ids(db.select("t", aboveInfinity)), "NaN");
  }

  @Test
  void aDuplicateNonFiniteFloatKeyIsAPrimaryKeyConflict() {
    for (DataType type : new DataType[] {DataType.FLOAT64, DataType.FLOAT32}) {
      Database db = Database.open(new HeapMemoryProvider());
      db.register(
          TableSchema.of(
              TableDef.builder("k").column(ColumnDef.builder("id", type).primaryKey()).build()));
      for (double key : new double[] {-INF, INF, Double.NaN, -0.0, 0.0}) {
        Value value =
            type == DataType.FLOAT64 ? new Float64Value(key) : new Float32Value((float) key);
        Row row = Row.builder().set("id", value).build();
        db.insert("k", row);
        PrimaryKeyConflictException e =
            assertThrows(PrimaryKeyConflictException.class, () -> db.insert("k", row));
        assertTrue(e.detail().contains("id = "), e.detail());
      }
      assertEquals(5, db.select("k", Query.ALL).size(), "-0.0 and 0.0 are distinct keys");
    }
  }
}
