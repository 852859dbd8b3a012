package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.MemoryProvider;

/**
 * Randomised CRUD and transactions (several open at once, commits, rollbacks, failing commits,
 * restrict and cascade deletes, selects with random filters, orders and windows, close and reopen)
 * against {@link EngineModel}. Results, counts, error kinds and every table in every open view are
 * compared after each step. Prints its seed; {@code -Dseed=} replays one.
 */
abstract class EngineModelTest {
  private static final int STEPS = 4000;
  private static final String[] NAMES = {"a", "b", "Ab", "\u00e9t\u00e9", "z\u00df", "a_b", "x%y"};
  private static final String[] CODES = {"c1", "c2", "c3", "c4", "c5"};
  private static final String[] TAGS = {"t1", "t2", "t3", "t4", "t5", "t6", "T1"};

  /** A provider on the same storage each time it is called; closing it keeps the data. */
  abstract MemoryProvider openProvider();

  static TableDef parents() {
    return TableDef.builder("parents")
        .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
        .column(ColumnDef.builder("name", DataType.TEXT))
        .column(ColumnDef.builder("code", DataType.TEXT).unique().nullable())
        .column(ColumnDef.builder("score", DataType.INT32).defaultValue(new Int32Value(0)))
        .build();
  }

  static TableDef children() {
    return TableDef.builder("children")
        .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
        .column(ColumnDef.builder("parent", DataType.UINT32).nullable().references("parents", "id"))
        .column(ColumnDef.builder("pcode", DataType.TEXT).nullable().references("parents", "code"))
        .column(ColumnDef.builder("up", DataType.UINT32).nullable().references("children", "id"))
        .column(ColumnDef.builder("tag", DataType.TEXT).unique().nullable())
        .column(ColumnDef.builder("v", DataType.INT64).nullable())
        .build();
  }

  private Random random;
  private Database db;
  private EngineModel model;
  private String step;
  private final Deque<String> history = new ArrayDeque<>();

  @Test
  void randomOperationsMatchTheModel() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println(getClass().getSimpleName() + " seed=" + seed);
    random = new Random(seed);
    model = new EngineModel();
    model.register(parents());
    model.register(children());
    db = open();
    try {
      for (int i = 0; i < STEPS; i++) {
        step = "seed=" + seed + " step " + i;
        runStep();
        compareViews();
      }
    } finally {
      db.close();
    }
  }

  private Database open() {
    Database opened = Database.open(openProvider());
    opened.register(TableSchema.of(parents()));
    opened.register(TableSchema.of(children()));
    return opened;
  }

  private void runStep() {
    int dice = random.nextInt(100);
    Long tx = pickTransaction();
    String table = random.nextInt(3) == 0 ? "parents" : "children";
    if (dice < 30) {
      Row row = table.equals("parents") ? randomParent() : randomChild();
      same(
          "insert " + table + " " + row + " tx " + tx,
          () -> tx == null ? db.insert(table, row) : db.insert(tx, table, row),
          () -> model.insert(tx, table, row));
    } else if (dice < 45) {
      Row values = randomPatch(table);
      Filter filter = randomFilter(table, 2);
      same(
          "update " + table + " " + values + " where " + filter + " tx " + tx,
          () ->
              tx == null ? db.update(table, values, filter) : db.update(tx, table, values, filter),
          () -> model.update(tx, table, values, filter));
    } else if (dice < 53) {
      DeleteBehavior behavior =
          random.nextBoolean() ? DeleteBehavior.RESTRICT : DeleteBehavior.CASCADE;
      Filter filter = randomFilter(table, 2);
      same(
          "delete " + behavior + " " + table + " where " + filter + " tx " + tx,
          () ->
              tx == null
                  ? db.delete(table, behavior, filter)
                  : db.delete(tx, table, behavior, filter),
          () -> model.delete(tx, table, behavior, filter));
    } else if (dice < 73) {
      Query query = randomQuery(table);
      same(
          "select " + table + " " + query + " tx " + tx,
          () -> tx == null ? db.select(table, query) : db.select(tx, table, query),
          () -> model.select(tx, table, query));
    } else if (dice < 81) {
      if (model.openTransactions().size() < 4) {
        long id = db.begin();
        model.begin(id);
      }
    } else if (dice < 89) {
      long id = tx != null ? tx : randomFinishedId();
      same(
          "commit " + id,
          () -> {
            db.commit(id);
            return null;
          },
          () -> {
            model.commit(id);
            return null;
          });
    } else if (dice < 94) {
      long id = tx != null ? tx : randomFinishedId();
      same(
          "rollback " + id,
          () -> {
            db.rollback(id);
            return null;
          },
          () -> {
            model.rollback(id);
            return null;
          });
    } else if (dice < 95) {
      db.close();
      model.reopen();
      db = open();
    }
  }

  private Long pickTransaction() {
    List<Long> open = model.openTransactions();
    open.sort(null);
    if (open.isEmpty() || random.nextInt(3) == 0) {
      return null;
    }
    return open.get(random.nextInt(open.size()));
  }

  private long randomFinishedId() {
    return random.nextInt(5) - 1;
  }

  /** Runs both sides; they must both succeed with equal results or fail with the same kind. */
  private void same(String what, Supplier<Object> engine, Supplier<Object> expected) {
    history.addLast(step + ": " + what);
    if (history.size() > 8) {
      history.removeFirst();
    }
    Object expectedResult = null;
    ErrorKind expectedError = null;
    try {
      expectedResult = expected.get();
    } catch (EngineModel.Failure f) {
      expectedError = f.kind;
    }
    Object actual = null;
    ErrorKind actualError = null;
    try {
      actual = engine.get();
    } catch (DbmsException e) {
      actualError = e.kind();
      if (expectedError == null || actualError != expectedError) {
        fail(
            step
                + ": "
                + what
                + ": expected "
                + describe(expectedResult, expectedError)
                + " but the engine threw "
                + e,
            e);
      }
    }
    if (actualError != expectedError || (expectedError == null && !equal(expectedResult, actual))) {
      fail(
          step
              + ": "
              + what
              + ": expected "
              + describe(expectedResult, expectedError)
              + " but got "
              + describe(actual, actualError));
    }
  }

  private String recent() {
    return " after\n  " + String.join("\n  ", history) + "\n";
  }

  private static boolean equal(Object expected, Object actual) {
    if (expected instanceof Long && actual instanceof Long) {
      return expected.equals(actual);
    }
    return expected == null ? actual == null : expected.equals(actual);
  }

  private static String describe(Object result, ErrorKind error) {
    return error != null ? "error " + error : String.valueOf(result);
  }

  private void compareViews() {
    assertEquals(model.snapshot(null), Snapshots.of(db), step + ": committed state" + recent());
    for (long tx : model.openTransactions()) {
      assertEquals(
          model.snapshot(tx), Snapshots.of(db, tx), step + ": view of tx " + tx + recent());
    }
  }

  private Value id(int bound) {
    return new Uint32Value(random.nextInt(bound));
  }

  private Value maybe(Supplier<Value> value, int nullOneIn) {
    return random.nextInt(nullOneIn) == 0 ? NullValue.INSTANCE : value.get();
  }

  private Value pick(String[] values) {
    return new TextValue(values[random.nextInt(values.length)]);
  }

  private Row randomParent() {
    Row.Builder row = Row.builder().set("id", id(16));
    if (random.nextInt(15) != 0) {
      row.set("name", maybe(() -> pick(NAMES), 20));
    }
    if (random.nextBoolean()) {
      row.set("code", maybe(() -> pick(CODES), 3));
    }
    if (random.nextBoolean()) {
      row.set("score", new Int32Value(random.nextInt(7) - 3));
    }
    return row.build();
  }

  private Row randomChild() {
    Row.Builder row = Row.builder().set("id", id(24));
    if (random.nextBoolean()) {
      row.set("parent", maybe(() -> id(18), 3));
    }
    if (random.nextInt(3) == 0) {
      row.set("pcode", maybe(() -> pick(CODES), 2));
    }
    if (random.nextBoolean()) {
      row.set("up", maybe(() -> id(26), 2));
    }
    if (random.nextBoolean()) {
      row.set("tag", maybe(() -> pick(TAGS), 3));
    }
    if (random.nextBoolean()) {
      row.set("v", maybe(() -> new Int64Value(random.nextInt(9) - 4), 4));
    }
    return row.build();
  }

  private Row randomPatch(String table) {
    Row.Builder row = Row.builder();
    int columns = 1 + random.nextInt(2);
    List<String> used = new ArrayList<>();
    while (used.size() < columns) {
      String column = randomColumn(table, false);
      if (!used.contains(column)) {
        used.add(column);
        row.set(column, randomValue(table, column, 6));
      }
    }
    return row.build();
  }

  private String randomColumn(String table, boolean filterable) {
    String[] columns =
        table.equals("parents")
            ? new String[] {"id", "name", "name", "code", "code", "score", "score"}
            : new String[] {"id", "parent", "pcode", "up", "tag", "tag", "v", "v"};
    // Key changes are rarer in patches than in filters.
    String column = columns[random.nextInt(columns.length)];
    if (!filterable && column.equals("id") && random.nextInt(3) != 0) {
      return columns[1];
    }
    return column;
  }

  private Value randomValue(String table, String column, int nullOneIn) {
    return switch (column) {
      case "id" -> id(table.equals("parents") ? 16 : 24);
      case "name" -> maybe(() -> pick(NAMES), 20);
      case "code", "pcode" -> maybe(() -> pick(CODES), nullOneIn);
      case "score" -> new Int32Value(random.nextInt(7) - 3);
      case "parent" -> maybe(() -> id(18), nullOneIn);
      case "up" -> maybe(() -> id(26), nullOneIn);
      case "tag" -> maybe(() -> pick(TAGS), nullOneIn);
      default -> maybe(() -> new Int64Value(random.nextInt(9) - 4), nullOneIn);
    };
  }

  /** A filter value: integers sometimes of another integer type, since they compare by value. */
  private Value filterValue(String table, String column) {
    Value value = randomValue(table, column, 8);
    if (value instanceof Uint32Value u && random.nextBoolean()) {
      return new Int64Value(u.value());
    }
    if (value instanceof Int64Value v && random.nextBoolean()) {
      return new Int32Value((int) v.value());
    }
    return value;
  }

  private Filter randomFilter(String table, int depth) {
    if (random.nextInt(6) == 0 && depth == 2) {
      return null;
    }
    int kind = random.nextInt(depth > 0 ? 14 : 10);
    String column = randomColumn(table, true);
    boolean text =
        column.equals("name")
            || column.equals("code")
            || column.equals("pcode")
            || column.equals("tag");
    return switch (kind) {
      case 0, 1 -> new Filter.Eq(column, filterValue(table, column));
      case 2 -> new Filter.Ne(column, filterValue(table, column));
      case 3 -> new Filter.Gt(column, filterValue(table, column));
      case 4 -> new Filter.Le(column, filterValue(table, column));
      case 5 -> {
        List<Value> values = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          values.add(filterValue(table, column));
        }
        yield new Filter.In(column, values);
      }
      case 6 -> new Filter.IsNull(column);
      case 7 -> new Filter.NotNull(column);
      case 8 ->
          text
              ? new Filter.Like(column, random.nextBoolean() ? "%1" : "_b%")
              : new Filter.Ge(column, filterValue(table, column));
      case 9 -> new Filter.Lt(column, filterValue(table, column));
      case 10, 11 -> new Filter.And(List.of(randomFilter(table, depth - 1), nonNull(table, depth)));
      case 12 -> new Filter.Or(List.of(randomFilter(table, depth - 1), nonNull(table, depth)));
      default -> new Filter.Not(nonNull(table, depth));
    };
  }

  private Filter nonNull(String table, int depth) {
    Filter filter;
    do {
      filter = randomFilter(table, depth - 1);
    } while (filter == null);
    return filter;
  }

  private Query randomQuery(String table) {
    Query.Builder query = Query.builder();
    Filter filter = randomFilter(table, 2);
    if (filter != null) {
      query.filter(filter);
    }
    int keys = random.nextInt(3);
    for (int i = 0; i < keys; i++) {
      query.orderBy(
          randomColumn(table, true),
          random.nextBoolean() ? OrderDirection.ASCENDING : OrderDirection.DESCENDING);
    }
    if (random.nextBoolean()) {
      query.limit(random.nextInt(6));
    }
    if (random.nextBoolean()) {
      query.offset(random.nextInt(4));
    }
    return query.build();
  }
}
