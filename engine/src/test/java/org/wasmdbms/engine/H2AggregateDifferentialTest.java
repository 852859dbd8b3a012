package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregateFunction.Kind;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.AggregatedValue;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * The same random rows (with nulls and many duplicates) in the engine and in H2, then random
 * aggregates: filter, group-by columns, every function, a having filter over group-by columns and
 * {@code aggN}, an ordering over both, limit and offset. The engine's groups, in order, must equal
 * H2's for the equivalent SQL, {@code SELECT * FROM (SELECT keys, functions AS aggN ... GROUP BY
 * keys) WHERE having ORDER BY ... , keys ASC NULLS FIRST}, with the filters translated as in {@link
 * H2DifferentialTest}. The table has secondary indexes, so filters on {@code g} and {@code s} are
 * read through them.
 *
 * <p>Where H2's types differ from the engine's rules, the SQL spells the rule out: an exact average
 * is H2's {@code AVG} over the column cast to {@code NUMERIC(40, 10)}, which has the 20 digits
 * after the point that the engine rounds to (ties at the 21st digit cannot occur with these row
 * counts), and is compared by numeric value; a float average is {@code SUM / COUNT} in {@code
 * DOUBLE}, as the engine computes it, since H2's own {@code SUM} and {@code AVG} of a {@code
 * DOUBLE} are {@code DECFLOAT}s. Floats are multiples of 1/4, so float sums are exact in any order.
 * Prints its seed; {@code -Dseed=} replays one.
 */
class H2AggregateDifferentialTest {
  private static final int ROWS = 300;
  private static final int QUERIES = 500;
  private static final String[] COLUMNS = {"id", "g", "s", "b", "i", "u", "d", "f"};
  private static final String[] KEYS = {"g", "s", "b", "i"};
  private static final String[] NUMERIC = {"g", "i", "u", "d", "f"};
  private static final String[] TEXTS = {"", "a", "b", "B", "\u00e9", "a\u4e2d"};
  private static final long[] WIDE = {Long.MAX_VALUE, Long.MIN_VALUE, -1, 1L << 62};

  private Random random;

  @Test
  void enginesAgree() throws SQLException {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("H2AggregateDifferentialTest seed=" + seed);
    random = new Random(seed);
    try (Database db = Database.open(new HeapMemoryProvider());
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:aggregates" + seed)) {
      db.register(
          TableSchema.of(
              TableDef.builder("t")
                  .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                  .column(ColumnDef.builder("g", DataType.INT32).nullable())
                  .column(ColumnDef.builder("s", DataType.TEXT).nullable())
                  .column(ColumnDef.builder("b", DataType.BOOLEAN).nullable())
                  .column(ColumnDef.builder("i", DataType.INT64).nullable())
                  .column(ColumnDef.builder("u", DataType.UINT64).nullable())
                  .column(ColumnDef.builder("d", DataType.DECIMAL).nullable())
                  .column(ColumnDef.builder("f", DataType.FLOAT64).nullable())
                  .index("idx_g", false, "g")
                  .index("idx_s_i", false, "s", "i")
                  .build()));
      try (Statement st = h2.createStatement()) {
        st.execute(
            "CREATE TABLE t (id BIGINT PRIMARY KEY, g INT, s VARCHAR, b BOOLEAN, i BIGINT,"
                + " u NUMERIC(20), d NUMERIC(30, 6), f DOUBLE)");
      }
      insertRows(db, h2);
      int nonEmpty = 0;
      int filteredByHaving = 0;
      for (int q = 0; q < QUERIES; q++) {
        List<AggregateFunction> functions = randomFunctions(random, COLUMNS, NUMERIC);
        Query query = randomQuery(functions);
        List<List<String>> expected = runH2(h2, "t", query, query, query.groupBy(), functions, "f");
        List<List<String>> actual = new ArrayList<>();
        for (AggregatedRow row : db.aggregate("t", query, functions)) {
          actual.add(normalise(row));
        }
        assertEquals(expected, actual, "seed=" + seed + " query " + q + ": " + query + functions);
        nonEmpty += expected.isEmpty() ? 0 : 1;
        filteredByHaving += query.having() != null && !expected.isEmpty() ? 1 : 0;
      }
      System.out.println(
          "H2AggregateDifferentialTest: non-empty results "
              + nonEmpty
              + ", of them with a having filter "
              + filteredByHaving
              + " of "
              + QUERIES);
      assertTrue(nonEmpty > QUERIES / 2, "the random aggregates find groups often enough");
      assertTrue(filteredByHaving > QUERIES / 10, "having filters keep groups often enough");
    }
  }

  private void insertRows(Database db, Connection h2) throws SQLException {
    try (PreparedStatement insert =
        h2.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int id = 0; id < ROWS; id++) {
        Value[] row = {
          new Uint32Value(id),
          maybeNull(new Int32Value(random.nextInt(5) - 2)),
          maybeNull(new TextValue(TEXTS[random.nextInt(TEXTS.length)])),
          maybeNull(new BooleanValue(random.nextBoolean())),
          maybeNull(
              new Int64Value(
                  random.nextInt(8) == 0
                      ? WIDE[random.nextInt(WIDE.length)]
                      : random.nextInt(9) - 4)),
          maybeNull(
              new Uint64Value(random.nextInt(6) == 0 ? -1 - random.nextInt(3) : random.nextInt(7))),
          maybeNull(decimal()),
          maybeNull(new Float64Value((random.nextInt(16001) - 8000) / 4.0))
        };
        Row.Builder builder = Row.builder();
        for (int c = 0; c < COLUMNS.length; c++) {
          builder.set(COLUMNS[c], row[c]);
          H2DifferentialTest.bind(insert, c + 1, row[c]);
        }
        db.insert("t", builder.build());
        insert.executeUpdate();
      }
    }
  }

  private Value maybeNull(Value value) {
    return random.nextInt(5) == 0 ? NullValue.INSTANCE : value;
  }

  /** A decimal of up to six digits with 0 to 4 of them after the point, scale kept. */
  private DecimalValue decimal() {
    return new DecimalValue(
        BigDecimal.valueOf(random.nextInt(2_000_001) - 1_000_000, random.nextInt(5)));
  }

  /**
   * Zero to four random functions: counts of rows or of any column, sums and averages of numbers.
   */
  static List<AggregateFunction> randomFunctions(
      Random random, String[] columns, String[] numeric) {
    List<AggregateFunction> functions = new ArrayList<>();
    for (int k = random.nextInt(5); k > 0; k--) {
      Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
      functions.add(
          switch (kind) {
            case COUNT ->
                random.nextBoolean()
                    ? AggregateFunction.countRows()
                    : AggregateFunction.count(columns[random.nextInt(columns.length)]);
            case SUM, AVG -> AggregateFunction.of(kind, numeric[random.nextInt(numeric.length)]);
            default -> AggregateFunction.of(kind, columns[random.nextInt(columns.length)]);
          });
    }
    return functions;
  }

  private String pick(String[] names) {
    return names[random.nextInt(names.length)];
  }

  private Query randomQuery(List<AggregateFunction> functions) {
    Query.Builder query = Query.builder();
    if (random.nextInt(3) != 0) {
      query.filter(randomRowFilter());
    }
    List<String> keys = new ArrayList<>();
    for (String key : KEYS) {
      if (random.nextInt(3) == 0) {
        keys.add(random.nextBoolean() ? keys.size() : 0, key);
      }
    }
    query.groupBy(keys.toArray(new String[0]));
    List<String> slots = new ArrayList<>(keys);
    for (int f = 0; f < functions.size(); f++) {
      slots.add("agg" + f);
    }
    if (!slots.isEmpty() && random.nextInt(3) != 0) {
      query.having(randomHaving(slots, keys, functions, 2));
    }
    if (!slots.isEmpty()) {
      for (int k = random.nextInt(3); k > 0; k--) {
        query.orderBy(
            slots.get(random.nextInt(slots.size())),
            random.nextBoolean() ? OrderDirection.ASCENDING : OrderDirection.DESCENDING);
      }
    }
    if (random.nextInt(3) == 0) {
      query.limit(random.nextInt(6));
    }
    if (random.nextInt(3) == 0) {
      query.offset(random.nextInt(6));
    }
    return query.build();
  }

  private Filter randomRowFilter() {
    return switch (random.nextInt(6)) {
      case 0 -> new Filter.Gt("g", new Int32Value(random.nextInt(5) - 3));
      case 1 -> new Filter.Ne("s", new TextValue(pick(TEXTS)));
      case 2 -> new Filter.Le("d", decimal());
      case 3 -> new Filter.NotNull("i");
      case 4 -> new Filter.Eq("b", new BooleanValue(random.nextBoolean()));
      default ->
          new Filter.Or(
              List.of(new Filter.IsNull("f"), new Filter.Lt("f", new Float64Value(100.25))));
    };
  }

  private Filter randomHaving(
      List<String> slots, List<String> keys, List<AggregateFunction> functions, int depth) {
    int kind = random.nextInt(depth > 0 ? 10 : 7);
    if (kind >= 7) {
      List<Filter> operands = new ArrayList<>();
      operands.add(randomHaving(slots, keys, functions, depth - 1));
      if (kind == 7) {
        return new Filter.Not(operands.get(0));
      }
      operands.add(randomHaving(slots, keys, functions, depth - 1));
      return kind == 8 ? new Filter.And(operands) : new Filter.Or(operands);
    }
    int slot = random.nextInt(slots.size());
    String name = slots.get(slot);
    if (kind == 6) {
      return random.nextBoolean() ? new Filter.IsNull(name) : new Filter.NotNull(name);
    }
    Value value =
        random.nextInt(12) == 0
            ? NullValue.INSTANCE
            : slot < keys.size()
                ? columnValue(keys.get(slot))
                : resultValue(functions.get(slot - keys.size()));
    return switch (kind) {
      case 0 -> new Filter.Eq(name, value);
      case 1 -> new Filter.Ne(name, value);
      case 2 -> new Filter.Gt(name, value);
      case 3 -> new Filter.Ge(name, value);
      case 4 -> new Filter.Lt(name, value);
      default ->
          new Filter.In(
              name,
              List.of(
                  value,
                  slot < keys.size()
                      ? columnValue(keys.get(slot))
                      : resultValue(functions.get(slot - keys.size()))));
    };
  }

  /** A value like those of {@code column}. */
  private Value columnValue(String column) {
    return switch (column) {
      case "id" -> new Uint32Value(random.nextInt(ROWS));
      case "g" -> new Int32Value(random.nextInt(5) - 2);
      case "s" -> new TextValue(pick(TEXTS));
      case "b" -> new BooleanValue(random.nextBoolean());
      case "i" -> new Int64Value(random.nextInt(9) - 4);
      case "u" -> new Uint64Value(random.nextInt(7));
      case "d" -> decimal();
      default -> new Float64Value((random.nextInt(16001) - 8000) / 4.0);
    };
  }

  /** A value the result of {@code function} compares with, near the results it gives. */
  private Value resultValue(AggregateFunction function) {
    if (function.kind() == Kind.COUNT) {
      return new Int32Value(random.nextInt(80));
    }
    if (function.kind() == Kind.MIN || function.kind() == Kind.MAX) {
      return columnValue(function.column());
    }
    boolean isFloat = function.column().equals("f");
    return switch (random.nextInt(isFloat ? 3 : 2)) {
      case 0 -> new Int64Value(random.nextInt(200) - 100);
      case 1 -> new DecimalValue(BigDecimal.valueOf(random.nextInt(4001) - 2000, 1));
      default -> new Float64Value((random.nextInt(801) - 400) / 4.0);
    };
  }

  /**
   * H2's groups for the aggregate: {@code SELECT * FROM (SELECT key AS alias, ..., function AS aggN
   * FROM from WHERE filter GROUP BY keys) WHERE having ORDER BY ..., aliases ASC NULLS FIRST} with
   * the window, each row normalised.
   *
   * @param query the filter, group-by columns, limit and offset
   * @param outer the having filter and ordering, over {@code aliases} and {@code aggN}
   * @param aliases the names of the group-by columns in the outer query
   * @param floatColumn the name of the float column (see {@link #sqlFunction})
   */
  static List<List<String>> runH2(
      Connection h2,
      String from,
      Query query,
      Query outer,
      List<String> aliases,
      List<AggregateFunction> functions,
      String floatColumn)
      throws SQLException {
    List<String> keys = query.groupBy();
    List<String> select = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      select.add(keys.get(k) + " AS " + aliases.get(k));
    }
    for (int f = 0; f < functions.size(); f++) {
      select.add(sqlFunction(functions.get(f), floatColumn) + " AS agg" + f);
    }
    List<Value> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT ");
    sql.append(select.isEmpty() ? "COUNT(*) AS unused" : String.join(", ", select));
    sql.append(" FROM ").append(from);
    if (query.filter() != null) {
      sql.append(" WHERE ").append(H2DifferentialTest.sql(query.filter(), parameters));
    }
    if (!keys.isEmpty()) {
      sql.append(" GROUP BY ").append(String.join(", ", keys));
    }
    sql.append(")");
    if (outer.having() != null) {
      sql.append(" WHERE ").append(H2DifferentialTest.sql(outer.having(), parameters));
    }
    List<String> order = new ArrayList<>();
    for (OrderKey key : outer.orderBy()) {
      order.add(
          key.column()
              + (key.direction() == OrderDirection.ASCENDING
                  ? " ASC NULLS FIRST"
                  : " DESC NULLS LAST"));
    }
    for (String alias : aliases) {
      order.add(alias + " ASC NULLS FIRST");
    }
    if (!order.isEmpty()) {
      sql.append(" ORDER BY ").append(String.join(", ", order));
    }
    sql.append(" OFFSET ").append(query.offset()).append(" ROWS");
    if (query.hasLimit()) {
      sql.append(" FETCH NEXT ").append(query.limit()).append(" ROWS ONLY");
    }
    List<List<String>> rows = new ArrayList<>();
    try (PreparedStatement st = h2.prepareStatement(sql.toString())) {
      for (int p = 0; p < parameters.size(); p++) {
        H2DifferentialTest.bind(st, p + 1, parameters.get(p));
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int c = 0; c < select.size(); c++) {
            row.add(normalise(rs.getObject(c + 1)));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /**
   * The SQL of one function under the engine's rules (see the class comment); {@code floatColumn}
   * is the name of the float column.
   */
  static String sqlFunction(AggregateFunction function, String floatColumn) {
    String column = function.column();
    boolean isFloat = floatColumn.equals(column);
    return switch (function.kind()) {
      case COUNT -> "COUNT(" + (column == null ? "*" : column) + ")";
      case SUM -> isFloat ? "CAST(SUM(" + column + ") AS DOUBLE)" : "SUM(" + column + ")";
      case AVG ->
          isFloat
              ? "CAST(SUM("
                  + column
                  + ") AS DOUBLE) / CAST(NULLIF(COUNT("
                  + column
                  + "), 0) AS DOUBLE)"
              : "AVG(CAST(" + column + " AS NUMERIC(40, 10)))";
      case MIN -> "MIN(" + column + ")";
      case MAX -> "MAX(" + column + ")";
    };
  }

  /**
   * One value as text both sides share: integers and decimals as their plain number without
   * trailing zeros, floats as Java prints doubles, text and booleans as they are.
   */
  static String normalise(Object h2) {
    if (h2 == null) {
      return "null";
    }
    if (h2 instanceof Double d) {
      return "float " + d;
    }
    if (h2 instanceof BigDecimal d) {
      return number(d);
    }
    if (h2 instanceof Integer || h2 instanceof Long) {
      return number(new BigDecimal(h2.toString()));
    }
    return h2.toString();
  }

  static List<String> normalise(AggregatedRow row) {
    List<String> out = new ArrayList<>();
    for (Value key : row.groupKeys()) {
      out.add(normalise(key));
    }
    for (AggregatedValue value : row.values()) {
      Value v = value.value();
      if (v instanceof DecimalValue d && (value.kind() == Kind.SUM || value.kind() == Kind.AVG)) {
        // Sums and averages are written without trailing zeros or exponent.
        assertEquals(number(d.value()), d.text(), "the text form of " + value);
      }
      out.add(normalise(v));
    }
    return out;
  }

  private static String normalise(Value v) {
    if (v.isNull()) {
      return "null";
    }
    if (v instanceof IntegerValue integer) {
      return number(new BigDecimal(new BigInteger(H2DifferentialTest.integerText(integer))));
    }
    if (v instanceof DecimalValue d) {
      return number(d.value());
    }
    if (v instanceof Float64Value f) {
      return "float " + f.value();
    }
    if (v instanceof TextValue t) {
      return t.value();
    }
    return String.valueOf(((BooleanValue) v).value());
  }

  private static String number(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
