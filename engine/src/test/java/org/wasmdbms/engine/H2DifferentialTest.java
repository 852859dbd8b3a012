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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.IndexDef;
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
import org.wasmdbms.api.value.Unsigned;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * The same random rows in the engine and in H2 (embedded, in memory), then random filters, orders
 * and windows: the engine's rows, in order, must equal H2's for the equivalent SQL. The design's
 * null rules become SQL as follows: every atom is wrapped in {@code COALESCE(atom, FALSE)} so that
 * {@code NOT} negates a two-valued result; {@code Ne(c, v)} is {@code c <> v OR c IS NULL}; {@code
 * Eq/Ne} with Null are {@code IS [NOT] NULL}; an ordering comparison with Null is {@code FALSE};
 * nulls sort {@code NULLS FIRST} ascending and {@code NULLS LAST} descending; H2 compares strings
 * by UTF-16 code unit (no collation set), which is code-point order within the Basic Multilingual
 * Plane. Every ORDER BY ends with the primary key, so the order is total. Prints its seed; {@code
 * -Dseed=} replays one.
 *
 * <p>It runs on three tables: without secondary indexes, with single-column and composite indexes
 * declared in the definition, and with the same indexes created on the loaded table. A third of the
 * filters are conjunctions shaped for those indexes (equalities, ranges and pairs of ranges on
 * indexed columns, composite prefixes) and a third of the orders are one indexed column with a
 * LIMIT, and the indexed runs check that secondary indexes served a good share of the queries.
 */
class H2DifferentialTest {
  private static final int ROWS = 300;
  private static final int QUERIES = 600;
  private static final String[] COLUMNS = {"id", "u", "i", "s", "f", "b"};
  private static final String[] CHARS = {
    "a", "b", "A", "z", "_", "%", "\\", " ", "\u00e9", "\u00df", "\u03a9", "\u4e2d", "\ufb00",
    "\ufffd"
  };
  private static final long[] U64 = {0, 1, 2, 1L << 62, Long.MIN_VALUE, -2, -1};

  /** The secondary indexes of the table: one per column of a composite, in key order. */
  private static final List<IndexDef> INDEXES =
      List.of(
          new IndexDef("idx_u", List.of("u"), false),
          new IndexDef("idx_f", List.of("f"), false),
          new IndexDef("idx_s_i", List.of("s", "i"), false),
          new IndexDef("idx_i_b_u", List.of("i", "b", "u"), false));

  /** Where the table's secondary indexes come from. */
  enum Indexes {
    NONE,
    DECLARED,
    CREATED
  }

  private Random random;

  /** Seeds {@link #random} from {@code -Dseed=} or the clock, and prints the seed. */
  private long seed(String run) {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("H2DifferentialTest " + run + " seed=" + seed);
    random = new Random(seed);
    return seed;
  }

  @ParameterizedTest
  @EnumSource(Indexes.class)
  void enginesAgree(Indexes indexes) throws SQLException {
    long seed = seed("enginesAgree " + indexes);
    Database db = Database.open(new HeapMemoryProvider());
    try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:differential" + indexes + seed)) {
      TableDef.Builder table =
          TableDef.builder("t")
              .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
              .column(ColumnDef.builder("u", DataType.UINT64).nullable())
              .column(ColumnDef.builder("i", DataType.INT32).nullable())
              .column(ColumnDef.builder("s", DataType.TEXT).nullable())
              .column(ColumnDef.builder("f", DataType.FLOAT64).nullable())
              .column(ColumnDef.builder("b", DataType.BOOLEAN).nullable());
      if (indexes == Indexes.DECLARED) {
        for (IndexDef index : INDEXES) {
          table.index(index.name(), index.unique(), index.columns().toArray(new String[0]));
        }
      }
      db.register(TableSchema.of(table.build()));
      try (Statement st = h2.createStatement()) {
        st.execute(
            "CREATE TABLE t (id BIGINT PRIMARY KEY, u NUMERIC(20), i INT, s VARCHAR, f DOUBLE,"
                + " b BOOLEAN)");
      }
      insertRows(db, h2);
      if (indexes == Indexes.CREATED) {
        for (IndexDef index : INDEXES) {
          db.createIndex("t", index);
        }
      }
      checkStringOrder(h2);
      int nonEmpty = 0;
      int bySecondaryIndex = 0;
      for (int q = 0; q < QUERIES; q++) {
        Query query = randomQuery();
        List<List<String>> expected = runH2(h2, query);
        List<List<String>> actual = new ArrayList<>();
        for (Row row : db.select("t", query)) {
          actual.add(normalise(row));
        }
        QueryPlan plan = db.explain("t", query);
        assertEquals(
            expected, actual, "seed=" + seed + " query " + q + ": " + query + " plan " + plan);
        nonEmpty += expected.isEmpty() ? 0 : 1;
        bySecondaryIndex += plan.index() != null && plan.index().startsWith("idx_") ? 1 : 0;
      }
      System.out.println(
          "H2DifferentialTest "
              + indexes
              + ": non-empty results "
              + nonEmpty
              + ", read through a secondary index "
              + bySecondaryIndex
              + " of "
              + QUERIES);
      assertTrue(nonEmpty > QUERIES / 4, "the random queries select rows often enough to matter");
      if (indexes == Indexes.NONE) {
        assertEquals(0, bySecondaryIndex);
      } else {
        assertTrue(bySecondaryIndex > QUERIES / 5, "the secondary indexes serve enough queries");
      }
    } finally {
      db.close();
    }
  }

  /**
   * A table keyed by a float: random keys with both infinities, duplicates refused by both engines,
   * then random comparisons and ordered windows on the key.
   */
  @ParameterizedTest
  @EnumSource(Indexes.class)
  void floatKeysAgree(Indexes indexes) throws SQLException {
    long seed = seed("floatKeysAgree " + indexes);
    Database db = Database.open(new HeapMemoryProvider());
    try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:floatkeys" + indexes + seed)) {
      TableDef.Builder table =
          TableDef.builder("t")
              .column(ColumnDef.builder("id", DataType.FLOAT64).primaryKey())
              .column(ColumnDef.builder("f", DataType.FLOAT64).nullable());
      IndexDef onF = new IndexDef("idx_f", List.of("f"), false);
      if (indexes == Indexes.DECLARED) {
        table.index(onF.name(), false, "f");
      }
      db.register(TableSchema.of(table.build()));
      try (Statement st = h2.createStatement()) {
        st.execute("CREATE TABLE t (id DOUBLE PRIMARY KEY, f DOUBLE)");
      }
      int conflicts = 0;
      try (PreparedStatement insert = h2.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int k = 0; k < ROWS / 3; k++) {
          Value id = f64();
          Value f = maybeNull(this::f64);
          bind(insert, 1, id);
          bind(insert, 2, f);
          boolean refusedByH2;
          try {
            insert.executeUpdate();
            refusedByH2 = false;
          } catch (SQLException e) {
            refusedByH2 = true;
          }
          boolean refused;
          try {
            db.insert("t", Row.builder().set("id", id).set("f", f).build());
            refused = false;
          } catch (PrimaryKeyConflictException e) {
            refused = true;
          }
          assertEquals(refusedByH2, refused, "seed=" + seed + " insert of key " + id);
          conflicts += refused ? 1 : 0;
        }
      }
      if (indexes == Indexes.CREATED) {
        db.createIndex("t", onF);
      }
      assertTrue(conflicts > 0, "the small pool of keys repeats");
      for (int q = 0; q < QUERIES / 2; q++) {
        String column = random.nextBoolean() ? "id" : "f";
        Value value = f64();
        Filter filter =
            switch (random.nextInt(7)) {
              case 0 -> new Filter.Eq(column, value);
              case 1 -> new Filter.Ne(column, value);
              case 2 -> new Filter.Gt(column, value);
              case 3 -> new Filter.Ge(column, value);
              case 4 -> new Filter.Lt(column, value);
              case 5 -> new Filter.Le(column, value);
              default -> new Filter.In(column, List.of(value, f64()));
            };
        OrderDirection direction =
            random.nextBoolean() ? OrderDirection.ASCENDING : OrderDirection.DESCENDING;
        Query.Builder query = Query.builder().filter(filter).orderBy(column, direction);
        if (column.equals("f")) {
          query.orderBy("id", OrderDirection.ASCENDING);
        }
        if (random.nextBoolean()) {
          query.limit(random.nextInt(20));
        }
        Query built = query.build();
        List<Value> parameters = new ArrayList<>();
        StringBuilder sql =
            new StringBuilder("SELECT id, f FROM t WHERE ").append(sql(filter, parameters));
        sql.append(" ORDER BY ")
            .append(column)
            .append(
                direction == OrderDirection.ASCENDING ? " ASC NULLS FIRST" : " DESC NULLS LAST");
        if (column.equals("f")) {
          sql.append(", id ASC");
        }
        if (built.hasLimit()) {
          sql.append(" FETCH NEXT ").append(built.limit()).append(" ROWS ONLY");
        }
        List<String> expected = new ArrayList<>();
        try (PreparedStatement st = h2.prepareStatement(sql.toString())) {
          for (int p = 0; p < parameters.size(); p++) {
            bind(st, p + 1, parameters.get(p));
          }
          try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              double f = rs.getDouble(2);
              String fText = rs.wasNull() ? "null" : String.valueOf(f);
              expected.add(rs.getDouble(1) + " " + fText);
            }
          }
        }
        List<String> actual = new ArrayList<>();
        for (Row row : db.select("t", built)) {
          Value f = row.get("f");
          actual.add(
              ((Float64Value) row.get("id")).value()
                  + " "
                  + (f.isNull() ? "null" : String.valueOf(((Float64Value) f).value())));
        }
        assertEquals(expected, actual, "seed=" + seed + " query " + q + ": " + built);
        db.explain("t", built);
      }
    } finally {
      db.close();
    }
  }

  /** Binary string comparison in H2 is an assumption of the translation: check it. */
  private static void checkStringOrder(Connection h2) throws SQLException {
    try (Statement st = h2.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT 'Z' < 'a', 'a' < '\u00e9', '\u00e9' < '\u4e2d', '\u4e2d' < '\ufb00'")) {
      rs.next();
      for (int c = 1; c <= 4; c++) {
        assertTrue(rs.getBoolean(c), "H2 compares strings by code unit");
      }
    }
  }

  private void insertRows(Database db, Connection h2) throws SQLException {
    try (PreparedStatement insert =
        h2.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int id = 0; id < ROWS; id++) {
        Value[] row = {
          new Uint32Value(id),
          maybeNull(this::u64),
          maybeNull(this::i32),
          maybeNull(this::text),
          maybeNull(this::f64),
          maybeNull(() -> new BooleanValue(random.nextBoolean()))
        };
        Row.Builder builder = Row.builder();
        for (int c = 0; c < COLUMNS.length; c++) {
          builder.set(COLUMNS[c], row[c]);
          bind(insert, c + 1, row[c]);
        }
        db.insert("t", builder.build());
        insert.executeUpdate();
      }
    }
  }

  private interface ValueSupplier {
    Value get();
  }

  private Value maybeNull(ValueSupplier value) {
    return random.nextInt(5) == 0 ? NullValue.INSTANCE : value.get();
  }

  private Value u64() {
    return new Uint64Value(
        random.nextBoolean() ? U64[random.nextInt(U64.length)] : random.nextLong());
  }

  private Value i32() {
    return new Int32Value(random.nextBoolean() ? random.nextInt(7) - 3 : random.nextInt());
  }

  private Value text() {
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(4);
    for (int k = 0; k < n; k++) {
      s.append(CHARS[random.nextInt(CHARS.length)]);
    }
    return new TextValue(s.toString());
  }

  private Value f64() {
    double[] pool = {
      0.0,
      1.0,
      -1.5,
      2.25,
      1e300,
      -1e-300,
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    double d = random.nextBoolean() ? pool[random.nextInt(pool.length)] : random.nextGaussian();
    return new Float64Value(d == 0.0 ? 0.0 : d); // no negative zero: H2 treats it as equal to 0
  }

  /** A filter value for {@code column}: integer columns get integers of every width. */
  private Value filterValue(String column) {
    return switch (column) {
      case "id", "u", "i" ->
          switch (random.nextInt(5)) {
            case 0 -> new Uint32Value(random.nextInt(ROWS));
            case 1 -> new Int64Value(random.nextInt(ROWS * 2) - ROWS);
            case 2 -> u64();
            case 3 -> i32();
            default -> new Int64Value(random.nextLong());
          };
      case "s" -> text();
      case "f" -> f64();
      default -> new BooleanValue(random.nextBoolean());
    };
  }

  private Value filterValueOrNull(String column) {
    return random.nextInt(10) == 0 ? NullValue.INSTANCE : filterValue(column);
  }

  private String likePattern() {
    String[] pieces = {"%", "%", "_", "\\%", "\\_", "\\\\", "a", "b", "\u00e9", "\u4e2d", "A"};
    StringBuilder p = new StringBuilder();
    int n = 1 + random.nextInt(4);
    for (int k = 0; k < n; k++) {
      p.append(pieces[random.nextInt(pieces.length)]);
    }
    return p.toString();
  }

  private Filter randomFilter(int depth) {
    String column = COLUMNS[random.nextInt(COLUMNS.length)];
    int kind = random.nextInt(depth > 0 ? 15 : 11);
    return switch (kind) {
      case 0 -> new Filter.Eq(column, filterValueOrNull(column));
      case 1 -> new Filter.Ne(column, filterValueOrNull(column));
      case 2 -> new Filter.Gt(column, filterValueOrNull(column));
      case 3 -> new Filter.Ge(column, filterValueOrNull(column));
      case 4 -> new Filter.Lt(column, filterValueOrNull(column));
      case 5 -> new Filter.Le(column, filterValueOrNull(column));
      case 6 -> {
        List<Value> values = new ArrayList<>();
        int n = random.nextInt(5);
        for (int k = 0; k < n; k++) {
          values.add(filterValueOrNull(column));
        }
        yield new Filter.In(column, values);
      }
      case 7 -> new Filter.Like("s", likePattern());
      case 8 -> new Filter.IsNull(column);
      case 9 -> new Filter.NotNull(column);
      case 10 -> new Filter.Eq("id", new Uint32Value(random.nextInt(ROWS + 5)));
      case 11 -> new Filter.Not(randomFilter(depth - 1));
      case 12, 13 -> new Filter.And(operands(depth));
      default -> new Filter.Or(operands(depth));
    };
  }

  private List<Filter> operands(int depth) {
    List<Filter> operands = new ArrayList<>();
    int n = 2 + random.nextInt(2);
    for (int k = 0; k < n; k++) {
      operands.add(randomFilter(depth - 1));
    }
    return operands;
  }

  /**
   * A conjunction an index can serve: an equality prefix of a random index, then maybe a range or a
   * pair of ranges on its next column, then maybe another random filter.
   */
  private Filter indexedFilter() {
    IndexDef index = INDEXES.get(random.nextInt(INDEXES.size()));
    List<Filter> operands = new ArrayList<>();
    int equalities = random.nextInt(index.columns().size() + 1);
    for (int k = 0; k < equalities; k++) {
      String column = index.columns().get(k);
      operands.add(new Filter.Eq(column, filterValue(column)));
    }
    if (equalities < index.columns().size()) {
      String column = index.columns().get(equalities);
      int bounds = random.nextInt(4);
      for (int k = 0; k < bounds; k++) {
        Value value = filterValue(column);
        operands.add(
            switch (random.nextInt(4)) {
              case 0 -> new Filter.Gt(column, value);
              case 1 -> new Filter.Ge(column, value);
              case 2 -> new Filter.Lt(column, value);
              default -> new Filter.Le(column, value);
            });
      }
      if (bounds == 0 && equalities == 0) {
        List<Value> values = new ArrayList<>();
        for (int k = random.nextInt(4); k > 0; k--) {
          values.add(filterValue(column));
        }
        operands.add(new Filter.In(column, values));
      }
    }
    if (operands.isEmpty() || random.nextInt(3) == 0) {
      operands.add(randomFilter(1));
    }
    return operands.size() == 1 ? operands.get(0) : new Filter.And(operands);
  }

  private Query randomQuery() {
    Query.Builder query = Query.builder();
    int filterKind = random.nextInt(8);
    if (filterKind > 4) {
      query.filter(indexedFilter());
    } else if (filterKind != 0) {
      query.filter(randomFilter(3));
    }
    if (random.nextInt(3) == 0) {
      IndexDef index = INDEXES.get(random.nextInt(INDEXES.size()));
      OrderDirection direction =
          random.nextBoolean() ? OrderDirection.ASCENDING : OrderDirection.DESCENDING;
      int keys = 1 + random.nextInt(index.columns().size());
      for (int k = 0; k < keys; k++) {
        query.orderBy(index.columns().get(k), direction);
      }
    } else {
      int keys = random.nextInt(4);
      for (int k = 0; k < keys; k++) {
        query.orderBy(
            COLUMNS[1 + random.nextInt(COLUMNS.length - 1)],
            random.nextBoolean() ? OrderDirection.ASCENDING : OrderDirection.DESCENDING);
      }
    }
    query.orderBy("id", OrderDirection.ASCENDING);
    if (random.nextBoolean()) {
      query.limit(random.nextInt(40));
    }
    if (random.nextBoolean()) {
      query.offset(random.nextInt(40));
    }
    return query.build();
  }

  private List<List<String>> runH2(Connection h2, Query query) throws SQLException {
    List<Value> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT id, u, i, s, f, b FROM t");
    if (query.filter() != null) {
      sql.append(" WHERE ").append(sql(query.filter(), parameters));
    }
    sql.append(" ORDER BY ");
    for (int k = 0; k < query.orderBy().size(); k++) {
      OrderKey key = query.orderBy().get(k);
      sql.append(k == 0 ? "" : ", ")
          .append(key.column())
          .append(
              key.direction() == OrderDirection.ASCENDING
                  ? " ASC NULLS FIRST"
                  : " DESC NULLS LAST");
    }
    sql.append(" OFFSET ").append(query.offset()).append(" ROWS");
    if (query.hasLimit()) {
      sql.append(" FETCH NEXT ").append(query.limit()).append(" ROWS ONLY");
    }
    List<List<String>> rows = new ArrayList<>();
    try (PreparedStatement st = h2.prepareStatement(sql.toString())) {
      for (int p = 0; p < parameters.size(); p++) {
        bind(st, p + 1, parameters.get(p));
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          row.add(String.valueOf(rs.getLong(1)));
          BigDecimal u = rs.getBigDecimal(2);
          row.add(u == null ? "null" : u.toBigIntegerExact().toString());
          int i = rs.getInt(3);
          row.add(rs.wasNull() ? "null" : String.valueOf(i));
          row.add(String.valueOf(rs.getString(4)));
          double f = rs.getDouble(5);
          row.add(rs.wasNull() ? "null" : String.valueOf(f));
          boolean b = rs.getBoolean(6);
          row.add(rs.wasNull() ? "null" : String.valueOf(b));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /**
   * The SQL of {@code filter}, two-valued; values go to {@code parameters}. Column names are used
   * as they are (the aggregate test names its derived columns after the having filter's names).
   */
  static String sql(Filter filter, List<Value> parameters) {
    if (filter instanceof Filter.And and) {
      return joined(and.operands(), " AND ", parameters);
    }
    if (filter instanceof Filter.Or or) {
      return joined(or.operands(), " OR ", parameters);
    }
    if (filter instanceof Filter.Not not) {
      return "(NOT " + sql(not.operand(), parameters) + ")";
    }
    if (filter instanceof Filter.IsNull isNull) {
      return "(" + isNull.column() + " IS NULL)";
    }
    if (filter instanceof Filter.NotNull notNull) {
      return "(" + notNull.column() + " IS NOT NULL)";
    }
    if (filter instanceof Filter.Like like) {
      parameters.add(new TextValue(like.pattern()));
      return "COALESCE(" + like.column() + " LIKE ? ESCAPE '\\', FALSE)";
    }
    if (filter instanceof Filter.In in) {
      List<String> alternatives = new ArrayList<>();
      List<String> placeholders = new ArrayList<>();
      for (Value v : in.values()) {
        if (v.isNull()) {
          alternatives.add(in.column() + " IS NULL");
        } else {
          parameters.add(v);
          placeholders.add(placeholder(v));
        }
      }
      if (!placeholders.isEmpty()) {
        alternatives.add(
            "COALESCE(" + in.column() + " IN (" + String.join(", ", placeholders) + "), FALSE)");
      }
      return alternatives.isEmpty() ? "FALSE" : "(" + String.join(" OR ", alternatives) + ")";
    }
    Filter.Comparison comparison = (Filter.Comparison) filter;
    String column = comparison.column();
    Value value = comparison.value();
    if (value.isNull()) {
      if (filter instanceof Filter.Eq) {
        return "(" + column + " IS NULL)";
      }
      return filter instanceof Filter.Ne ? "(" + column + " IS NOT NULL)" : "FALSE";
    }
    parameters.add(value);
    String operand = placeholder(value);
    if (filter instanceof Filter.Ne) {
      return "(" + column + " <> " + operand + " OR " + column + " IS NULL)";
    }
    String op =
        filter instanceof Filter.Eq
            ? "="
            : filter instanceof Filter.Gt
                ? ">"
                : filter instanceof Filter.Ge ? ">=" : filter instanceof Filter.Lt ? "<" : "<=";
    return "COALESCE(" + column + " " + op + " " + operand + ", FALSE)";
  }

  private static String joined(List<Filter> operands, String op, List<Value> parameters) {
    List<String> parts = new ArrayList<>();
    for (Filter operand : operands) {
      parts.add(sql(operand, parameters));
    }
    return "(" + String.join(op, parts) + ")";
  }

  /** Integers of any width compare by value: give H2 a NUMERIC(20) wide enough for all. */
  private static String placeholder(Value value) {
    return value instanceof IntegerValue ? "CAST(? AS NUMERIC(20))" : "?";
  }

  static void bind(PreparedStatement st, int index, Value value) throws SQLException {
    if (value.isNull()) {
      st.setObject(index, null);
    } else if (value instanceof IntegerValue integer) {
      st.setBigDecimal(index, new BigDecimal(integerText(integer)));
    } else if (value instanceof TextValue text) {
      st.setString(index, text.value());
    } else if (value instanceof Float64Value f) {
      st.setDouble(index, f.value());
    } else if (value instanceof DecimalValue d) {
      st.setBigDecimal(index, d.value());
    } else {
      st.setBoolean(index, ((BooleanValue) value).value());
    }
  }

  static String integerText(IntegerValue integer) {
    return integer.isNegative()
        ? String.valueOf(integer.bits())
        : new BigInteger(Unsigned.toString(integer.bits())).toString();
  }

  private static List<String> normalise(Row row) {
    List<String> out = new ArrayList<>();
    for (String column : COLUMNS) {
      Value v = row.get(column);
      if (v.isNull()) {
        out.add("null");
      } else if (v instanceof IntegerValue integer) {
        out.add(integerText(integer));
      } else if (v instanceof TextValue text) {
        out.add(text.value());
      } else if (v instanceof Float64Value f) {
        out.add(String.valueOf(f.value()));
      } else {
        out.add(String.valueOf(((BooleanValue) v).value()));
      }
    }
    return out;
  }
}
