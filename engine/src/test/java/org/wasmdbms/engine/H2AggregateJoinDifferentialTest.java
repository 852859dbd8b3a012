package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregateFunction.Kind;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Random aggregates over random inner, left and right joins of two tables, in the engine and in H2,
 * with qualified names in the filter, the group-by columns and the functions; having and order-by
 * name the group-by columns as given and {@code aggN}. The join is either on a key ({@code u.id =
 * p.uid}, with posts of missing users and users without posts) or many-to-many on a nullable column
 * ({@code u.g = p.g}). H2 gets {@code SELECT * FROM (SELECT keys AS kN, functions AS aggN FROM u
 * type JOIN p ON ... WHERE filter GROUP BY keys) WHERE having ORDER BY ..., kN ASC NULLS FIRST},
 * with the having filter and ordering drawn from the same random numbers over the {@code kN} names.
 * Functions follow {@link H2AggregateDifferentialTest}'s rules for averages and float sums. Full
 * joins are left to {@link AggregateJoinTest}, as H2 has none. Prints its seed; {@code -Dseed=}
 * replays one.
 */
class H2AggregateJoinDifferentialTest {
  private static final int USERS = 30;
  private static final int POSTS = 80;
  private static final int QUERIES = 300;
  private static final String[] COLUMNS = {
    "u.id", "u.g", "u.s", "u.i", "p.id", "p.uid", "p.g", "p.d", "p.f"
  };
  private static final String[] KEYS = {"u.g", "u.s", "p.g", "p.uid"};
  private static final String[] NUMERIC = {"u.g", "u.i", "p.g", "p.d", "p.f"};
  private static final String[] TEXTS = {"", "a", "b", "B", "\u00e9"};
  private static final JoinType[] JOINS = {JoinType.INNER, JoinType.LEFT, JoinType.RIGHT};

  private Random random;

  @Test
  void enginesAgree() throws SQLException {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("H2AggregateJoinDifferentialTest seed=" + seed);
    random = new Random(seed);
    try (Database db = Database.open(new HeapMemoryProvider());
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:joinaggregates" + seed)) {
      db.register(
          TableSchema.of(
              TableDef.builder("u")
                  .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                  .column(ColumnDef.builder("g", DataType.INT32).nullable())
                  .column(ColumnDef.builder("s", DataType.TEXT).nullable())
                  .column(ColumnDef.builder("i", DataType.INT64).nullable())
                  .index("idx_u_g", false, "g")
                  .build()));
      db.register(
          TableSchema.of(
              TableDef.builder("p")
                  .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                  .column(ColumnDef.builder("uid", DataType.UINT32).nullable())
                  .column(ColumnDef.builder("g", DataType.INT32).nullable())
                  .column(ColumnDef.builder("d", DataType.DECIMAL).nullable())
                  .column(ColumnDef.builder("f", DataType.FLOAT64).nullable())
                  .index("idx_p_uid", false, "uid")
                  .build()));
      try (Statement st = h2.createStatement()) {
        st.execute("CREATE TABLE u (id BIGINT PRIMARY KEY, g INT, s VARCHAR, i BIGINT)");
        st.execute(
            "CREATE TABLE p (id BIGINT PRIMARY KEY, uid BIGINT, g INT, d NUMERIC(30, 6),"
                + " f DOUBLE)");
      }
      insertRows(db, h2);
      int nonEmpty = 0;
      int[] perJoin = new int[JOINS.length];
      for (int q = 0; q < QUERIES; q++) {
        int join = random.nextInt(JOINS.length);
        boolean onKey = random.nextBoolean();
        List<AggregateFunction> functions =
            H2AggregateDifferentialTest.randomFunctions(random, COLUMNS, NUMERIC);
        Query.Builder builder =
            Query.builder().join(JOINS[join], "p", onKey ? "u.id" : "u.g", onKey ? "p.uid" : "p.g");
        if (random.nextInt(3) != 0) {
          builder.filter(randomRowFilter());
        }
        List<String> keys = new ArrayList<>();
        for (String key : KEYS) {
          if (random.nextInt(3) == 0) {
            keys.add(random.nextBoolean() ? keys.size() : 0, key);
          }
        }
        builder.groupBy(keys.toArray(new String[0]));
        long slotsSeed = random.nextLong();
        Query query = slots(builder, keys, functions, slotsSeed, true);
        Query h2Query = slots(Query.builder(), keys, functions, slotsSeed, false);
        String from =
            "u " + JOINS[join].name() + " JOIN p ON " + (onKey ? "u.id = p.uid" : "u.g = p.g");
        List<String> aliases = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
          aliases.add("k" + k);
        }
        List<List<String>> expected =
            H2AggregateDifferentialTest.runH2(h2, from, query, h2Query, aliases, functions, "p.f");
        List<List<String>> actual = new ArrayList<>();
        for (AggregatedRow row : db.aggregate("u", query, functions)) {
          actual.add(H2AggregateDifferentialTest.normalise(row));
        }
        assertEquals(expected, actual, "seed=" + seed + " query " + q + ": " + query + functions);
        if (!expected.isEmpty()) {
          nonEmpty++;
          perJoin[join]++;
        }
      }
      System.out.println(
          "H2AggregateJoinDifferentialTest: non-empty results "
              + nonEmpty
              + " of "
              + QUERIES
              + " (inner, left, right: "
              + perJoin[0]
              + ", "
              + perJoin[1]
              + ", "
              + perJoin[2]
              + ")");
      assertTrue(nonEmpty > QUERIES / 2, "the random aggregates find groups often enough");
    }
  }

  private void insertRows(Database db, Connection h2) throws SQLException {
    try (PreparedStatement users = h2.prepareStatement("INSERT INTO u VALUES (?, ?, ?, ?)");
        PreparedStatement posts = h2.prepareStatement("INSERT INTO p VALUES (?, ?, ?, ?, ?)")) {
      for (int id = 0; id < USERS; id++) {
        insert(
            db,
            users,
            "u",
            new String[] {"id", "g", "s", "i"},
            new Value[] {
              new Uint32Value(id),
              maybeNull(new Int32Value(random.nextInt(5) - 2)),
              maybeNull(new TextValue(TEXTS[random.nextInt(TEXTS.length)])),
              maybeNull(new Int64Value(random.nextInt(9) - 4))
            });
      }
      for (int id = 0; id < POSTS; id++) {
        insert(
            db,
            posts,
            "p",
            new String[] {"id", "uid", "g", "d", "f"},
            new Value[] {
              new Uint32Value(id),
              // Some posts name users that do not exist, so right joins pad.
              maybeNull(new Uint32Value(random.nextInt(USERS + 5))),
              maybeNull(new Int32Value(random.nextInt(5) - 2)),
              maybeNull(decimal()),
              maybeNull(new Float64Value((random.nextInt(16001) - 8000) / 4.0))
            });
      }
    }
  }

  private static void insert(
      Database db, PreparedStatement h2, String table, String[] columns, Value[] row)
      throws SQLException {
    Row.Builder builder = Row.builder();
    for (int c = 0; c < columns.length; c++) {
      builder.set(columns[c], row[c]);
      H2DifferentialTest.bind(h2, c + 1, row[c]);
    }
    db.insert(table, builder.build());
    h2.executeUpdate();
  }

  private Value maybeNull(Value value) {
    return random.nextInt(5) == 0 ? NullValue.INSTANCE : value;
  }

  private DecimalValue decimal() {
    return new DecimalValue(
        BigDecimal.valueOf(random.nextInt(2_000_001) - 1_000_000, random.nextInt(5)));
  }

  private String pick(String[] names) {
    return names[random.nextInt(names.length)];
  }

  private Filter randomRowFilter() {
    return switch (random.nextInt(6)) {
      case 0 -> new Filter.Gt("u.g", new Int32Value(random.nextInt(5) - 3));
      case 1 -> new Filter.Ne("u.s", new TextValue(pick(TEXTS)));
      case 2 -> new Filter.Le("p.d", decimal());
      case 3 -> new Filter.IsNull(random.nextBoolean() ? "p.id" : "u.id");
      case 4 -> new Filter.NotNull("u.i");
      default ->
          new Filter.Or(
              List.of(new Filter.IsNull("p.f"), new Filter.Lt("p.f", new Float64Value(100.25))));
    };
  }

  /**
   * Adds a having filter and an ordering drawn from {@code seed} to {@code builder}: over the
   * group-by names as given ({@code engine}) or over {@code kN} (for H2), the same either way.
   */
  private static Query slots(
      Query.Builder builder,
      List<String> keys,
      List<AggregateFunction> functions,
      long seed,
      boolean engine) {
    Random random = new Random(seed);
    List<String> slots = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      slots.add(engine ? keys.get(k) : "k" + k);
    }
    for (int f = 0; f < functions.size(); f++) {
      slots.add("agg" + f);
    }
    if (slots.isEmpty()) {
      return builder.build();
    }
    if (random.nextInt(3) != 0) {
      builder.having(having(random, slots, keys, functions, 2));
    }
    for (int k = random.nextInt(3); k > 0; k--) {
      builder.orderBy(
          slots.get(random.nextInt(slots.size())),
          random.nextBoolean() ? OrderDirection.ASCENDING : OrderDirection.DESCENDING);
    }
    if (random.nextInt(3) == 0) {
      builder.limit(random.nextInt(6));
    }
    if (random.nextInt(3) == 0) {
      builder.offset(random.nextInt(6));
    }
    return builder.build();
  }

  private static Filter having(
      Random random,
      List<String> slots,
      List<String> keys,
      List<AggregateFunction> functions,
      int depth) {
    int kind = random.nextInt(depth > 0 ? 9 : 6);
    if (kind >= 6) {
      Filter first = having(random, slots, keys, functions, depth - 1);
      if (kind == 6) {
        return new Filter.Not(first);
      }
      List<Filter> operands = List.of(first, having(random, slots, keys, functions, depth - 1));
      return kind == 7 ? new Filter.And(operands) : new Filter.Or(operands);
    }
    int slot = random.nextInt(slots.size());
    String name = slots.get(slot);
    if (kind == 5) {
      return random.nextBoolean() ? new Filter.IsNull(name) : new Filter.NotNull(name);
    }
    Value value =
        slot < keys.size()
            ? columnValue(random, keys.get(slot))
            : resultValue(random, functions.get(slot - keys.size()));
    return switch (kind) {
      case 0 -> new Filter.Eq(name, value);
      case 1 -> new Filter.Ne(name, value);
      case 2 -> new Filter.Gt(name, value);
      case 3 -> new Filter.Ge(name, value);
      default -> new Filter.Lt(name, value);
    };
  }

  /** A value like those of {@code column}. */
  private static Value columnValue(Random random, String column) {
    return switch (column) {
      case "u.id", "p.id", "p.uid" -> new Uint32Value(random.nextInt(USERS));
      case "u.g", "p.g" -> new Int32Value(random.nextInt(5) - 2);
      case "u.s" -> new TextValue(TEXTS[random.nextInt(TEXTS.length)]);
      case "u.i" -> new Int64Value(random.nextInt(9) - 4);
      case "p.d" -> new DecimalValue(BigDecimal.valueOf(random.nextInt(2001) - 1000, 1));
      default -> new Float64Value((random.nextInt(16001) - 8000) / 4.0);
    };
  }

  /** A value the result of {@code function} compares with, near the results it gives. */
  private static Value resultValue(Random random, AggregateFunction function) {
    if (function.kind() == Kind.COUNT) {
      return new Int32Value(random.nextInt(40));
    }
    if (function.kind() == Kind.MIN || function.kind() == Kind.MAX) {
      return columnValue(random, function.column());
    }
    boolean isFloat = function.column().equals("p.f");
    return switch (random.nextInt(isFloat ? 3 : 2)) {
      case 0 -> new Int64Value(random.nextInt(200) - 100);
      case 1 -> new DecimalValue(BigDecimal.valueOf(random.nextInt(4001) - 2000, 1));
      default -> new Float64Value((random.nextInt(801) - 400) / 4.0);
    };
  }
}
