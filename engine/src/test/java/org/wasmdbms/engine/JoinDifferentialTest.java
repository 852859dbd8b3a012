package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Join;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.ColumnValue;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Joins and DISTINCT against H2 and SQLite: the same random rows (duplicate and null join keys,
 * rows inserted out of key order) in three tables, then random selects with no join (then distinct
 * runs alone) or one or two inner, left, right or full joins on integer columns of mixed widths
 * (primary keys, foreign keys, indexed and unindexed columns, so both the hash join and the index
 * nested-loop join run), random filters on qualified columns, distinct, orders, limits and offsets.
 * The engine's rows must equal SQLite's and, when no join is full (H2 2.3 has none), H2's.
 *
 * <p>The SQL spells out the engine's rules: the order without ORDER BY is every table's primary key
 * in select-then-join order, nulls last (which is what "each row followed by its matches in primary
 * key order, unmatched right rows last" comes to), and it breaks ties of an ORDER BY; distinct
 * keeps the first row of each combination in that order, which is {@code ROW_NUMBER() OVER
 * (PARTITION BY … ORDER BY …) = 1}, before ordering and the window. Filters translate as in {@link
 * H2DifferentialTest}. Prints its seed; {@code -Dseed=} replays one.
 */
class JoinDifferentialTest {
  private static final int QUERIES = 400;
  private static final String[] TABLES = {"a", "b", "c"};
  private static final int[] ROWS = {30, 100, 150};
  private static final String[][] COLUMNS = {
    {"id", "k", "v", "s"}, {"id", "k", "a_id", "s"}, {"id", "k", "b_id", "s"}
  };
  private static final String[] TEXTS = {"x", "y", "xy", ""};

  /** Whether the joined columns have secondary indexes besides the primary and foreign keys. */
  enum Indexes {
    KEYS_ONLY,
    SECONDARY
  }

  private Random random;

  @ParameterizedTest
  @EnumSource(Indexes.class)
  void enginesAgree(Indexes indexes) throws SQLException {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("JoinDifferentialTest " + indexes + " seed=" + seed);
    random = new Random(seed);
    Database db = Database.open(new HeapMemoryProvider());
    try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:joins" + indexes + seed);
        Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      createTables(db, h2, sqlite);
      if (indexes == Indexes.SECONDARY) {
        db.createIndex("b", new IndexDef("b_k", List.of("k"), false));
        db.createIndex("c", new IndexDef("c_k_s", List.of("k", "s"), false));
      }
      int nonEmpty = 0;
      int full = 0;
      for (int q = 0; q < QUERIES; q++) {
        int base = random.nextInt(TABLES.length);
        Query query = randomQuery(base);
        List<List<String>> actual = new ArrayList<>();
        for (Row row : db.select(TABLES[base], query)) {
          actual.add(normalise(row));
        }
        String context = "seed=" + seed + " query " + q + " on " + TABLES[base] + ": " + query;
        assertEquals(runSql(sqlite, base, query, true), actual, "SQLite, " + context);
        boolean hasFull = false;
        for (Join join : query.joins()) {
          hasFull |= join.type() == JoinType.FULL;
        }
        if (hasFull) {
          full++;
        } else {
          assertEquals(runSql(h2, base, query, false), actual, "H2, " + context);
        }
        nonEmpty += actual.isEmpty() ? 0 : 1;
      }
      System.out.println(
          "JoinDifferentialTest "
              + indexes
              + ": non-empty results "
              + nonEmpty
              + ", with a full join "
              + full
              + " of "
              + QUERIES);
      assertTrue(nonEmpty > QUERIES / 2, "the random joins select rows often enough to matter");
    } finally {
      db.close();
    }
  }

  private void createTables(Database db, Connection h2, Connection sqlite) throws SQLException {
    db.register(
        TableSchema.of(
            TableDef.builder("a")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("k", DataType.INT32).nullable())
                .column(ColumnDef.builder("v", DataType.INT64).nullable())
                .column(ColumnDef.builder("s", DataType.TEXT).nullable())
                .build()));
    db.register(
        TableSchema.of(
            TableDef.builder("b")
                .column(ColumnDef.builder("id", DataType.INT64).primaryKey())
                .column(ColumnDef.builder("k", DataType.INT64).nullable())
                .column(ColumnDef.builder("a_id", DataType.UINT32).nullable().references("a", "id"))
                .column(ColumnDef.builder("s", DataType.TEXT).nullable())
                .build()));
    db.register(
        TableSchema.of(
            TableDef.builder("c")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("k", DataType.INT32).nullable())
                .column(ColumnDef.builder("b_id", DataType.INT64).nullable().references("b", "id"))
                .column(ColumnDef.builder("s", DataType.TEXT).nullable())
                .build()));
    String[] ddl = {
      "CREATE TABLE a (id BIGINT PRIMARY KEY, k INT, v BIGINT, s VARCHAR)",
      "CREATE TABLE b (id BIGINT PRIMARY KEY, k BIGINT, a_id BIGINT, s VARCHAR)",
      "CREATE TABLE c (id BIGINT PRIMARY KEY, k INT, b_id BIGINT, s VARCHAR)"
    };
    for (Connection sql : List.of(h2, sqlite)) {
      try (Statement st = sql.createStatement()) {
        for (String create : ddl) {
          st.execute(create);
        }
      }
    }
    for (int t = 0; t < TABLES.length; t++) {
      List<Integer> ids = new ArrayList<>();
      for (int id = 0; id < ROWS[t]; id++) {
        ids.add(id);
      }
      Collections.shuffle(ids, random); // records and foreign-key trees out of key order
      String insert = "INSERT INTO " + TABLES[t] + " VALUES (?, ?, ?, ?)";
      try (PreparedStatement toH2 = h2.prepareStatement(insert);
          PreparedStatement toSqlite = sqlite.prepareStatement(insert)) {
        for (int id : ids) {
          Value[] row = randomRow(t, id);
          Row.Builder builder = Row.builder();
          for (int c = 0; c < row.length; c++) {
            builder.set(COLUMNS[t][c], row[c]);
            H2DifferentialTest.bind(toH2, c + 1, row[c]);
            H2DifferentialTest.bind(toSqlite, c + 1, row[c]);
          }
          db.insert(TABLES[t], builder.build());
          toH2.executeUpdate();
          toSqlite.executeUpdate();
        }
      }
    }
  }

  private Value[] randomRow(int table, int id) {
    Value idValue = table == 1 ? new Int64Value(id) : new Uint32Value(id);
    Value k = maybeNull(table == 1 ? new Int64Value(random.nextInt(30)) : key());
    Value third =
        switch (table) {
          case 0 -> maybeNull(new Int64Value(random.nextInt(30)));
          case 1 -> maybeNull(new Uint32Value(random.nextInt(ROWS[0])));
          default -> maybeNull(new Int64Value(random.nextInt(ROWS[1])));
        };
    Value s = maybeNull(new TextValue(TEXTS[random.nextInt(TEXTS.length)]));
    return new Value[] {idValue, k, third, s};
  }

  private Value key() {
    return new Int32Value(random.nextInt(30));
  }

  private Value maybeNull(Value value) {
    return random.nextInt(7) == 0 ? NullValue.INSTANCE : value;
  }

  private Query randomQuery(int base) {
    Query.Builder query = Query.builder();
    List<Integer> tables = new ArrayList<>(List.of(base));
    int joins = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(2); // some selects of one table
    for (int j = 0; j < joins; j++) {
      int right;
      do {
        right = random.nextInt(TABLES.length);
      } while (tables.contains(right));
      int left = tables.get(random.nextInt(tables.size()));
      String leftColumn = TABLES[left] + "." + integerColumn(left);
      if (left == base && random.nextBoolean()) {
        leftColumn = integerColumn(left); // a bare left column names the select's table
      }
      JoinType type = JoinType.values()[random.nextInt(JoinType.values().length)];
      query.join(type, TABLES[right], leftColumn, integerColumn(right));
      tables.add(right);
    }
    if (random.nextInt(4) != 0) {
      query.filter(randomFilter(tables, 2));
    }
    if (random.nextInt(3) == 0) {
      int keys = 1 + random.nextInt(2);
      String[] distinct = new String[keys];
      for (int k = 0; k < keys; k++) {
        distinct[k] = anyColumn(tables);
      }
      query.distinctBy(distinct);
    }
    for (int k = random.nextInt(3); k > 0; k--) {
      query.orderBy(
          anyColumn(tables),
          random.nextBoolean() ? OrderDirection.ASCENDING : OrderDirection.DESCENDING);
    }
    if (random.nextInt(3) == 0) {
      query.limit(random.nextInt(30));
    }
    if (random.nextInt(3) == 0) {
      query.offset(random.nextInt(30));
    }
    return query.build();
  }

  private String integerColumn(int table) {
    return COLUMNS[table][random.nextInt(3)];
  }

  /** A column of the select, qualified when it joins (names on one table are bare). */
  private String anyColumn(List<Integer> tables) {
    int t = tables.get(random.nextInt(tables.size()));
    String column = COLUMNS[t][random.nextInt(4)];
    return tables.size() == 1 ? column : TABLES[t] + "." + column;
  }

  private Filter randomFilter(List<Integer> tables, int depth) {
    String column = anyColumn(tables);
    boolean text = column.equals("s") || column.endsWith(".s");
    int kind = random.nextInt(depth > 0 ? 11 : 8);
    return switch (kind) {
      case 0 -> new Filter.Eq(column, filterValue(text));
      case 1 -> new Filter.Ne(column, filterValue(text));
      case 2 -> new Filter.Gt(column, filterValue(text));
      case 3 -> new Filter.Le(column, filterValue(text));
      case 4 -> new Filter.In(column, List.of(filterValue(text), filterValue(text)));
      case 5 -> new Filter.IsNull(column);
      case 6 -> new Filter.NotNull(column);
      // A narrow range on the select table's key, so that few left rows meet big right tables.
      case 7 ->
          new Filter.Lt(
              tables.size() == 1 ? "id" : TABLES[tables.get(0)] + ".id",
              new Int64Value(random.nextInt(12)));
      case 8 -> new Filter.Not(randomFilter(tables, depth - 1));
      case 9 ->
          new Filter.And(List.of(randomFilter(tables, depth - 1), randomFilter(tables, depth - 1)));
      default ->
          new Filter.Or(List.of(randomFilter(tables, depth - 1), randomFilter(tables, depth - 1)));
    };
  }

  private Value filterValue(boolean text) {
    if (random.nextInt(10) == 0) {
      return NullValue.INSTANCE;
    }
    if (text) {
      return new TextValue(TEXTS[random.nextInt(TEXTS.length)]);
    }
    int n = random.nextInt(34) - 2;
    return random.nextBoolean() ? new Int64Value(n) : new Int32Value(n);
  }

  /** The rows SQL gives for {@code query} on table {@code base}, normalised. */
  private static List<List<String>> runSql(Connection sql, int base, Query query, boolean sqlite)
      throws SQLException {
    List<String> tables = new ArrayList<>(List.of(TABLES[base]));
    StringBuilder from = new StringBuilder(" FROM ").append(TABLES[base]);
    for (Join join : query.joins()) {
      String left =
          join.leftColumn().contains(".")
              ? join.leftColumn()
              : TABLES[base] + "." + join.leftColumn();
      from.append(' ')
          .append(join.type().name())
          .append(" JOIN ")
          .append(join.table())
          .append(" ON ")
          .append(join.table())
          .append('.')
          .append(join.rightColumn())
          .append(" = ")
          .append(left);
      tables.add(join.table());
    }
    List<String> aliases = new ArrayList<>();
    StringBuilder select = new StringBuilder("SELECT ");
    StringBuilder natural = new StringBuilder();
    StringBuilder naturalAliases = new StringBuilder();
    for (String table : tables) {
      for (String column : COLUMNS[List.of(TABLES).indexOf(table)]) {
        String alias = table + "_" + column;
        select.append(aliases.isEmpty() ? "" : ", ").append(table + "." + column + " AS " + alias);
        aliases.add(alias);
      }
      natural.append(natural.length() == 0 ? "" : ", ").append(table + ".id ASC NULLS LAST");
      naturalAliases.append(", ").append(table + "_id ASC NULLS LAST");
    }
    if (!query.distinctBy().isEmpty()) {
      select
          .append(", ROW_NUMBER() OVER (PARTITION BY ")
          .append(String.join(", ", query.distinctBy()))
          .append(" ORDER BY ")
          .append(natural)
          .append(") AS rn");
    }
    List<Value> parameters = new ArrayList<>();
    StringBuilder inner = select.append(from);
    if (query.filter() != null) {
      inner.append(" WHERE ").append(H2DifferentialTest.sql(query.filter(), parameters));
    }
    StringBuilder outer =
        new StringBuilder("SELECT ")
            .append(String.join(", ", aliases))
            .append(" FROM (")
            .append(inner)
            .append(") q");
    if (!query.distinctBy().isEmpty()) {
      outer.append(" WHERE rn = 1");
    }
    outer.append(" ORDER BY ");
    for (OrderKey key : query.orderBy()) {
      String column = key.column().contains(".") ? key.column() : TABLES[base] + "." + key.column();
      outer
          .append(column.replace('.', '_'))
          .append(
              key.direction() == OrderDirection.ASCENDING
                  ? " ASC NULLS FIRST, "
                  : " DESC NULLS LAST, ");
    }
    outer.append(naturalAliases.substring(2));
    if (sqlite) {
      outer.append(" LIMIT ").append(query.hasLimit() ? query.limit() : -1);
      outer.append(" OFFSET ").append(query.offset());
    } else {
      outer.append(" OFFSET ").append(query.offset()).append(" ROWS");
      if (query.hasLimit()) {
        outer.append(" FETCH NEXT ").append(query.limit()).append(" ROWS ONLY");
      }
    }
    List<List<String>> rows = new ArrayList<>();
    try (PreparedStatement st = sql.prepareStatement(outer.toString())) {
      for (int p = 0; p < parameters.size(); p++) {
        H2DifferentialTest.bind(st, p + 1, parameters.get(p));
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int c = 1; c <= aliases.size(); c++) {
            row.add(String.valueOf(rs.getString(c)));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static List<String> normalise(Row row) {
    List<String> out = new ArrayList<>();
    for (ColumnValue column : row.columns()) {
      Value v = column.value();
      if (v.isNull()) {
        out.add("null");
      } else if (v instanceof IntegerValue integer) {
        out.add(H2DifferentialTest.integerText(integer));
      } else {
        out.add(((TextValue) v).value());
      }
    }
    return out;
  }
}
