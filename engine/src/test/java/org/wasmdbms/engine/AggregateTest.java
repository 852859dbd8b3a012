package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wasmdbms.api.query.AggregateFunction.avg;
import static org.wasmdbms.api.query.AggregateFunction.count;
import static org.wasmdbms.api.query.AggregateFunction.countRows;
import static org.wasmdbms.api.query.AggregateFunction.max;
import static org.wasmdbms.api.query.AggregateFunction.min;
import static org.wasmdbms.api.query.AggregateFunction.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.AggregatedValue;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DateValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.Int8Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/** One test per aggregate function and per rule of grouping, having, ordering and errors. */
class AggregateTest {
  private Database db;
  private int nextId;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    db.register(
        TableSchema.of(
            TableDef.builder("m")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("g", DataType.TEXT).nullable())
                .column(ColumnDef.builder("i", DataType.INT64).nullable())
                .column(ColumnDef.builder("u", DataType.UINT64).nullable())
                .column(ColumnDef.builder("d", DataType.DECIMAL).nullable())
                .column(ColumnDef.builder("f", DataType.FLOAT64).nullable())
                .column(ColumnDef.builder("h", DataType.FLOAT32).nullable())
                .column(ColumnDef.builder("day", DataType.DATE).nullable())
                .build()));
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Inserts a row with the given columns; the others are null. */
  private void insert(Object... columnsAndValues) {
    Row.Builder row = Row.builder().set("id", new Uint32Value(nextId++));
    for (int k = 0; k < columnsAndValues.length; k += 2) {
      row.set((String) columnsAndValues[k], (Value) columnsAndValues[k + 1]);
    }
    db.insert("m", row.build());
  }

  private static Value text(String s) {
    return new TextValue(s);
  }

  private static Value i64(long v) {
    return new Int64Value(v);
  }

  private static Value dec(String s) {
    return DecimalValue.parse(s);
  }

  private static Value f64(double v) {
    return new Float64Value(v);
  }

  private List<AggregatedRow> aggregate(Query query, AggregateFunction... functions) {
    return db.aggregate("m", query, List.of(functions));
  }

  /** The groups as {@link #lines}. */
  private List<String> show(Query query, AggregateFunction... functions) {
    return lines(aggregate(query, functions));
  }

  /** One line per group: keys, then results, each as type:text. */
  static List<String> lines(List<AggregatedRow> rows) {
    List<String> lines = new ArrayList<>();
    for (AggregatedRow row : rows) {
      List<String> parts = new ArrayList<>();
      for (Value key : row.groupKeys()) {
        parts.add(show(key));
      }
      parts.add("|");
      for (AggregatedValue value : row.values()) {
        parts.add(show(value.value()));
      }
      lines.add(String.join(" ", parts));
    }
    return lines;
  }

  private static String show(Value v) {
    if (v.isNull()) {
      return "null";
    }
    String text;
    if (v instanceof IntegerValue integer) {
      text = integer.text();
    } else if (v instanceof DecimalValue decimal) {
      text = decimal.text();
    } else if (v instanceof Float64Value f) {
      text = String.valueOf(f.value());
    } else if (v instanceof TextValue t) {
      text = t.value();
    } else {
      text = v.toString();
    }
    return v.type().wireName() + ":" + text;
  }

  private static Query groupBy(String... columns) {
    return Query.builder().groupBy(columns).build();
  }

  @Test
  void countOfRowsAndOfNonNullValuesAreUint64() {
    insert("i", i64(1));
    insert("i", i64(1));
    insert();
    assertEquals(
        List.of("| Uint64:3 Uint64:2 Uint64:0"),
        show(Query.ALL, countRows(), count("i"), count("d")));
  }

  @Test
  void integerSumAndAverageAreExactDecimalsWithoutTrailingZeros() {
    insert("i", i64(1));
    insert("i", i64(2));
    insert("i", i64(3));
    insert();
    assertEquals(List.of("| Decimal:6 Decimal:2"), show(Query.ALL, sum("i"), avg("i")));
    insert("i", i64(-1));
    assertEquals(List.of("| Decimal:5 Decimal:1.25"), show(Query.ALL, sum("i"), avg("i")));
  }

  @Test
  void integerSumsDoNotOverflow() {
    insert("i", i64(Long.MAX_VALUE), "u", new Uint64Value(-1));
    insert("i", i64(Long.MAX_VALUE), "u", new Uint64Value(-1));
    insert("i", i64(Long.MIN_VALUE), "u", new Uint64Value(5));
    assertEquals(
        List.of(
            "| Decimal:9223372036854775806 Decimal:36893488147419103235"
                + " Decimal:12297829382473034411.66666666666666666667"),
        show(Query.ALL, sum("i"), sum("u"), avg("u")));
  }

  @Test
  void decimalAverageIsExactWhenItEndsWithinTwentyDigitsElseRoundedHalfEven() {
    insert("g", text("third"), "d", dec("1"));
    insert("g", text("third"), "d", dec("0"));
    insert("g", text("third"), "d", dec("0.00"));
    insert("g", text("two-thirds"), "d", dec("1"));
    insert("g", text("two-thirds"), "d", dec("1"));
    insert("g", text("two-thirds"), "d", dec("0"));
    insert("g", text("even-down"), "d", dec("1.000000000000000000025"));
    insert("g", text("even-up"), "d", dec("1.000000000000000000035"));
    insert("g", text("twenty"), "d", dec("0.00000000000000000001"));
    insert("g", text("twenty"), "d", dec("0.00000000000000000003"));
    insert("g", text("zero"), "d", dec("-0.50"));
    insert("g", text("zero"), "d", dec("0.50"));
    assertEquals(
        List.of(
            "Text:even-down | Decimal:1.00000000000000000002",
            "Text:even-up | Decimal:1.00000000000000000004",
            "Text:third | Decimal:0.33333333333333333333",
            "Text:twenty | Decimal:0.00000000000000000002",
            "Text:two-thirds | Decimal:0.66666666666666666667",
            "Text:zero | Decimal:0"),
        show(groupBy("g"), avg("d")));
    assertEquals(
        "Decimal:0.50",
        show(
            aggregate(Query.builder().filter(new Filter.Eq("g", text("zero"))).build(), max("d"))
                .get(0)
                .values()
                .get(0)
                .value()));
  }

  @Test
  void decimalSumIsExactWithoutTrailingZeros() {
    insert("d", dec("1.50"));
    insert("d", dec("4.50"));
    insert("d", dec("-0.000001"));
    insert("d", dec("100"));
    assertEquals(List.of("| Decimal:105.999999"), show(Query.ALL, sum("d")));
    db.delete(
        "m",
        org.wasmdbms.api.query.DeleteBehavior.RESTRICT,
        new Filter.Eq("id", new Uint32Value(2)));
    assertEquals(
        List.of("| Decimal:106 Decimal:35.33333333333333333333"),
        show(Query.ALL, sum("d"), avg("d")));
  }

  @Test
  void floatSumAndAverageAreFloat64OverBothWidths() {
    insert("f", f64(1.5), "h", new Float32Value(0.25f));
    insert("f", f64(2.0), "h", new Float32Value(0.5f));
    insert("f", f64(-0.5));
    assertEquals(
        List.of("| Float64:3.0 Float64:1.0 Float64:0.75 Float64:0.375"),
        show(Query.ALL, sum("f"), avg("f"), sum("h"), avg("h")));
  }

  @Test
  void minAndMaxKeepTheColumnType() {
    insert("g", text("b"), "u", new Uint64Value(-1), "day", DateValue.parse("2024-06-15"));
    insert("g", text("a"), "u", new Uint64Value(7), "day", DateValue.parse("1999-01-01"));
    insert("h", new Float32Value(1.5f), "d", dec("2.50"));
    List<AggregatedRow> rows =
        aggregate(
            Query.ALL,
            min("g"),
            max("g"),
            min("u"),
            max("u"),
            min("day"),
            max("day"),
            max("h"),
            min("d"));
    List<Value> values = new ArrayList<>();
    for (AggregatedValue value : rows.get(0).values()) {
      values.add(value.value());
    }
    assertEquals(
        List.of(
            text("a"),
            text("b"),
            new Uint64Value(7),
            new Uint64Value(-1),
            DateValue.parse("1999-01-01"),
            DateValue.parse("2024-06-15"),
            new Float32Value(1.5f),
            dec("2.50")),
        values);
    assertEquals(AggregateFunction.Kind.MAX, rows.get(0).values().get(1).kind());
  }

  @Test
  void withoutGroupByThereIsExactlyOneRowEvenOverNoRows() {
    assertEquals(List.of(), show(groupBy("g"), countRows()), "no rows, no groups");
    assertEquals(
        List.of("| Uint64:0 Uint64:0 null null null null"),
        show(Query.ALL, countRows(), count("i"), sum("i"), avg("f"), min("g"), max("day")));
    insert();
    assertEquals(
        List.of("| Uint64:1 Uint64:0 null null null null"),
        show(Query.ALL, countRows(), count("i"), sum("i"), avg("f"), min("g"), max("day")));
    assertEquals(
        List.of("| Uint64:1"),
        show(Query.builder().filter(new Filter.IsNull("g")).build(), countRows()));
  }

  @Test
  void nullsFormOneGroupAndComeFirst() {
    insert("g", text("b"), "i", i64(1));
    insert("i", i64(2));
    insert("g", text("a"), "i", i64(3));
    insert("i", i64(4));
    insert("g", text("b"));
    assertEquals(
        List.of(
            "null | Uint64:2 Decimal:6",
            "Text:a | Uint64:1 Decimal:3",
            "Text:b | Uint64:2 Decimal:1"),
        show(groupBy("g"), countRows(), sum("i")));
  }

  @Test
  void groupByManyColumnsOrdersByEachKeyInTurn() {
    insert("g", text("a"), "i", i64(2));
    insert("g", text("a"), "i", i64(1));
    insert("g", text("a"), "i", i64(1));
    insert("i", i64(1));
    insert("g", text("a"));
    assertEquals(
        List.of(
            "null Int64:1 | Uint64:1",
            "Text:a null | Uint64:1",
            "Text:a Int64:1 | Uint64:2",
            "Text:a Int64:2 | Uint64:1"),
        show(groupBy("g", "i"), countRows()));
  }

  private void salesData() {
    insert("g", text("a"), "i", i64(10), "d", dec("1.5"), "f", f64(0.1));
    insert("g", text("a"), "i", i64(20), "d", dec("2.5"), "f", f64(0.2));
    insert("g", text("b"), "i", i64(5), "d", dec("0.25"), "f", f64(0.5));
    insert("g", text("c"), "i", i64(1));
    insert("i", i64(7));
  }

  private List<String> having(Filter having, AggregateFunction... functions) {
    return show(Query.builder().groupBy("g").having(having).build(), functions);
  }

  @Test
  void havingOnACountComparesWithAnyIntegerValue() {
    salesData();
    assertEquals(
        List.of("Text:a | Uint64:2"),
        having(new Filter.Gt("agg0", new Int8Value((byte) 1)), countRows()));
    assertEquals(
        List.of("null | Uint64:1", "Text:b | Uint64:1", "Text:c | Uint64:1"),
        having(new Filter.In("agg0", List.of(new Int64Value(1), new Uint32Value(9))), countRows()));
    assertThrows(
        InvalidQueryException.class,
        () -> having(new Filter.Gt("agg0", dec("1")), countRows()),
        "a count compares with integers only");
  }

  @Test
  void havingOnAnExactSumComparesByValueWithIntegersAndDecimals() {
    salesData();
    assertEquals(
        List.of("Text:a | Decimal:30 Decimal:4"),
        having(new Filter.Eq("agg0", new Uint32Value(30)), sum("i"), sum("d")));
    assertEquals(
        List.of("Text:a | Decimal:30 Decimal:4"),
        having(new Filter.Eq("agg1", dec("4.000")), sum("i"), sum("d")));
    assertEquals(
        List.of("Text:b | Decimal:0.25"), having(new Filter.Lt("agg0", dec("0.5")), avg("d")));
    assertEquals(
        List.of("null | null", "Text:c | null"), having(new Filter.IsNull("agg0"), avg("d")));
    assertThrows(
        InvalidQueryException.class,
        () -> having(new Filter.Gt("agg0", f64(1)), sum("i")),
        "an exact sum does not compare with floats");
    assertThrows(
        InvalidQueryException.class, () -> having(new Filter.Gt("agg0", text("1")), sum("i")));
  }

  @Test
  void havingOnAFloatSumComparesExactlyWithFloatsIntegersAndDecimals() {
    salesData();
    // 0.1 + 0.2 is the double 0.3000000000000000444089209850062616169452667236328125.
    Filter above = new Filter.Gt("agg0", dec("0.3"));
    assertEquals(
        List.of("Text:a | Float64:0.30000000000000004", "Text:b | Float64:0.5"),
        having(above, sum("f")));
    assertEquals(List.of(), having(new Filter.Eq("agg0", dec("0.30000000000000004")), sum("f")));
    assertEquals(
        List.of("Text:a | Float64:0.30000000000000004"),
        having(
            new Filter.Eq("agg0", dec("0.3000000000000000444089209850062616169452667236328125")),
            sum("f")));
    assertEquals(
        List.of("Text:a | Float64:0.30000000000000004"),
        having(new Filter.Le("agg0", dec("0.30000000000000005")), sum("f")));
    assertEquals(
        List.of("Text:a | Float64:0.30000000000000004"),
        having(new Filter.Lt("agg0", new Float32Value(0.5f)), sum("f")));
    assertEquals(
        List.of("Text:b | Float64:0.5"),
        having(new Filter.Ge("agg0", new Int8Value((byte) 0)), avg("f")).subList(1, 2));
    assertEquals(
        List.of("Text:a | Float64:0.30000000000000004", "Text:b | Float64:0.5"),
        having(new Filter.Lt("agg0", dec("1e400".replace("e400", "0".repeat(400)))), sum("f")));
  }

  @Test
  void aFloatJustBelowADecimalIsBelowItInEveryComparison() {
    insert("g", text("x"), "f", f64(0.3)); // the double 0.299999999999999988897769753748...
    Value decimal = dec("0.3");
    List<String> kept = List.of("Text:x | Float64:0.3");
    assertEquals(List.of(), having(new Filter.Gt("agg0", decimal), sum("f")));
    assertEquals(List.of(), having(new Filter.Ge("agg0", decimal), sum("f")));
    assertEquals(kept, having(new Filter.Lt("agg0", decimal), sum("f")));
    assertEquals(kept, having(new Filter.Le("agg0", decimal), sum("f")));
    assertEquals(List.of(), having(new Filter.Eq("agg0", decimal), sum("f")));
    assertEquals(kept, having(new Filter.Ne("agg0", decimal), sum("f")));
    assertEquals(List.of(), having(new Filter.In("agg0", List.of(decimal)), avg("f")));
    assertEquals(kept, having(new Filter.Eq("agg0", f64(0.3)), sum("f")));
    Value exact = new DecimalValue(new BigDecimal(0.3));
    assertEquals(kept, having(new Filter.In("agg0", List.of(decimal, exact)), avg("f")));
    assertEquals(List.of(), having(new Filter.Gt("agg0", exact), sum("f")));
    assertEquals(kept, having(new Filter.Ge("agg0", exact), sum("f")));
  }

  @Test
  void havingOnGroupByColumnsAndExtremesFollowsTheColumnRules() {
    salesData();
    assertEquals(
        List.of("Text:b | Uint64:1", "Text:c | Uint64:1"),
        having(new Filter.Like("g", "_"), countRows()).subList(1, 3));
    assertEquals(
        List.of("null | Int64:7", "Text:a | Int64:20"),
        having(new Filter.Gt("agg0", new Uint32Value(5)), max("i")));
    assertEquals(
        List.of("Text:a | Uint64:2"),
        having(
            new Filter.And(
                List.of(
                    new Filter.NotNull("g"),
                    new Filter.Ne("g", text("b")),
                    new Filter.Not(new Filter.Eq("g", text("c"))))),
            countRows()));
    assertThrows(
        InvalidQueryException.class, () -> having(new Filter.Eq("g", i64(1)), countRows()));
    assertThrows(
        InvalidQueryException.class, () -> having(new Filter.Like("agg0", "1%"), sum("i")));
  }

  @Test
  void havingNamesOnlyGroupByColumnsAndExistingAggregates() {
    salesData();
    for (String name : List.of("i", "agg1", "agg01", "aggx", "agg", "id")) {
      InvalidQueryException e =
          assertThrows(
              InvalidQueryException.class,
              () -> having(new Filter.IsNull(name), countRows()),
              name);
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  @Test
  void havingWithoutGroupByFiltersTheOneRow() {
    salesData();
    Query query = Query.builder().having(new Filter.Gt("agg0", new Int8Value((byte) 5))).build();
    assertEquals(List.of(), show(query, countRows()));
    query = Query.builder().having(new Filter.Eq("agg0", new Int8Value((byte) 5))).build();
    assertEquals(List.of("| Uint64:5"), show(query, countRows()));
  }

  @Test
  void orderByNamesGroupByColumnsAndAggregatesAndLimitAndOffsetCountGroups() {
    salesData();
    Query query =
        Query.builder()
            .groupBy("g")
            .orderBy("agg0", OrderDirection.DESCENDING)
            .orderBy("g", OrderDirection.DESCENDING)
            .build();
    assertEquals(
        List.of("Text:a | Uint64:2", "Text:c | Uint64:1", "Text:b | Uint64:1", "null | Uint64:1"),
        show(query, countRows()));
    query = Query.builder().groupBy("g").orderBy("agg0", OrderDirection.ASCENDING).build();
    assertEquals(
        List.of("null | null", "Text:c | null", "Text:b | Decimal:0.25", "Text:a | Decimal:4"),
        show(query, sum("d")),
        "nulls first ascending, ties in ascending key order");
    query =
        Query.builder()
            .groupBy("g")
            .orderBy("agg0", OrderDirection.DESCENDING)
            .offset(1)
            .limit(2)
            .build();
    assertEquals(List.of("Text:b | Decimal:0.25", "null | null"), show(query, sum("d")));
    for (String name : List.of("i", "agg1", "id")) {
      Query bad = Query.builder().groupBy("g").orderBy(name, OrderDirection.ASCENDING).build();
      assertThrows(InvalidQueryException.class, () -> show(bad, sum("d")), name);
    }
  }

  @Test
  void theRowFilterAppliesBeforeGrouping() {
    salesData();
    Query query =
        Query.builder().filter(new Filter.Ge("i", new Int64Value(7))).groupBy("g").build();
    assertEquals(List.of("null | Uint64:1", "Text:a | Uint64:2"), show(query, countRows()));
  }

  @Test
  void errorsAreTyped() {
    salesData();
    InvalidQueryException notNumeric =
        assertThrows(InvalidQueryException.class, () -> show(Query.ALL, sum("g")));
    assertTrue(notNumeric.getMessage().contains("g"), notNumeric.getMessage());
    assertThrows(InvalidQueryException.class, () -> show(Query.ALL, avg("day")));
    UnknownColumnException unknown =
        assertThrows(UnknownColumnException.class, () -> show(Query.ALL, max("nope")));
    assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
    assertThrows(UnknownColumnException.class, () -> show(groupBy("nope"), countRows()));
    assertThrows(
        UnknownColumnException.class,
        () -> show(Query.builder().filter(new Filter.IsNull("nope")).build(), countRows()));
    assertThrows(
        InvalidQueryException.class, () -> new AggregateFunction(AggregateFunction.Kind.SUM, null));
    assertThrows(
        InvalidQueryException.class,
        () -> new AggregatedValue(AggregateFunction.Kind.COUNT, new Int64Value(1)));
  }

  @Test
  void selectRefusesGroupByAndHavingNamingAggregate() {
    for (Query query :
        List.of(groupBy("g"), Query.builder().having(new Filter.IsNull("agg0")).build())) {
      InvalidQueryException e =
          assertThrows(InvalidQueryException.class, () -> db.select("m", query));
      assertTrue(e.getMessage().contains("aggregate"), e.getMessage());
    }
  }

  @Test
  void aTransactionAggregatesItsOwnWrites() {
    salesData();
    long tx = db.begin();
    db.insert(tx, "m", Row.builder().set("id", new Uint32Value(99)).set("g", text("a")).build());
    List<AggregatedRow> inside = db.aggregate(tx, "m", groupBy("g"), List.of(countRows()));
    assertEquals(new Uint64Value(3), inside.get(1).values().get(0).value());
    assertEquals(
        List.of("null | Uint64:1", "Text:a | Uint64:2"),
        show(groupBy("g"), countRows()).subList(0, 2));
    db.rollback(tx);
  }

  @Test
  void groupsCountAgainstTheSelectMemoryLimitButRowsDoNot() {
    for (int k = 0; k < 200; k++) {
      insert("g", text("group " + k), "i", i64(k));
    }
    db.limitSelectMemory(2000);
    assertEquals(List.of("| Uint64:200 Decimal:19900"), show(Query.ALL, countRows(), sum("i")));
    assertThrows(MemoryException.class, () -> show(groupBy("g"), countRows()));
    assertThrows(MemoryException.class, () -> show(groupBy("i"), countRows()));
    assertEquals(
        20,
        show(Query.builder().filter(new Filter.Lt("i", i64(20))).groupBy("g").build(), countRows())
            .size());
  }

  @Test
  void decimalResultsHaveNoExponent() {
    insert("d", dec("1000"));
    insert("d", dec("2000.00"));
    assertEquals(List.of("| Decimal:3000 Decimal:1500"), show(Query.ALL, sum("d"), avg("d")));
    assertEquals(
        new BigDecimal("3000"),
        ((DecimalValue) aggregate(Query.ALL, sum("d")).get(0).values().get(0).value()).value());
    assertInstanceOf(
        NullValue.class, aggregate(Query.ALL, min("g")).get(0).values().get(0).value());
  }
}
