package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ErrorKind;
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
import org.wasmdbms.api.value.Value;
import org.wasmdbms.file.FileMemoryProvider;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;

/**
 * Randomised test of indexes created on a populated table: load rows, create single and composite
 * indexes (unique and not), then random inserts, updates and deletes inside and outside
 * transactions, commits, rollbacks, close and reopen, drops and re-creations of created indexes,
 * refused drops of declared ones and name clashes. After every step, every table view (committed
 * and each open transaction's) equals {@link EngineModel}'s, and random index-shaped queries
 * (equalities, ranges, composite prefixes, ordered reads with LIMIT) return the model's rows.
 * Unique indexes are enforced: the model predicts each violation and the views prove a refused
 * write changed nothing. Runs on the heap provider and the file provider. Prints its seed; {@code
 * -Dseed=} replays one.
 */
class IndexModelTest {
  private static final int STEPS = 4000;
  private static final int POPULATION = 120;
  private static final String[] B = {"p", "q", "r", "s", "t", "\u00e9"};

  /** Indexes created on the loaded table: single, composite, unique and not. */
  private static final List<IndexDef> CREATED =
      List.of(
          new IndexDef("idx_a", List.of("a"), false),
          new IndexDef("uq_c", List.of("c"), true),
          new IndexDef("uq_ab", List.of("a", "b"), true),
          new IndexDef("idx_ca", List.of("c", "a"), false));

  @TempDir Path dir;

  private Random random;
  private Database db;
  private EngineModel model;
  private String step;
  private Supplier<MemoryProvider> providers;
  private final List<String> present = new ArrayList<>();
  private int indexedQueries;

  static TableDef items() {
    return TableDef.builder("items")
        .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
        .column(ColumnDef.builder("a", DataType.INT32).nullable())
        .column(ColumnDef.builder("b", DataType.TEXT).nullable())
        .column(ColumnDef.builder("c", DataType.INT64).nullable())
        .column(ColumnDef.builder("u", DataType.TEXT).unique().nullable())
        .index("idx_b", false, "b")
        .index("uq_bc", true, "b", "c")
        .build();
  }

  @Test
  void onTheHeap() {
    HeapMemoryProvider heap = new HeapMemoryProvider();
    run(() -> new CountingProvider(heap, false));
  }

  @Test
  void inAFile() {
    run(() -> FileMemoryProvider.open(dir.resolve("indexes.db")));
  }

  private void run(Supplier<MemoryProvider> providers) {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("IndexModelTest seed=" + seed);
    random = new Random(seed);
    this.providers = providers;
    model = new EngineModel();
    model.register(items());
    db = open();
    try {
      step = "seed=" + seed + " population";
      for (int k = 0; k < POPULATION; k++) {
        Row row = populationRow(k);
        same(
            "insert " + row, () -> db.insert("items", row), () -> model.insert(null, "items", row));
      }
      for (IndexDef index : CREATED) {
        createIndex(index);
      }
      assertEquals(CREATED.size(), present.size(), "the population fits every created index");
      for (int i = 0; i < STEPS; i++) {
        step = "seed=" + seed + " step " + i;
        runStep();
        compareViews();
      }
      System.out.println("IndexModelTest: " + indexedQueries + " queries read a secondary index");
      assertTrue(indexedQueries > STEPS / 3, "secondary indexes served enough queries");
    } finally {
      db.close();
    }
  }

  private Database open() {
    Database opened = Database.open(providers.get());
    opened.register(TableSchema.of(items()));
    return opened;
  }

  /** Distinct (a, b) pairs and c values first, so the unique indexes can be created. */
  private Row populationRow(int k) {
    Row.Builder row = Row.builder().set("id", new Uint32Value(k));
    boolean pairs = k < 7 * B.length;
    row.set("a", pairs ? new Int32Value(k % 7 - 3) : NullValue.INSTANCE);
    row.set("b", pairs ? new TextValue(B[k / 7]) : maybe(this::b, 2));
    row.set("c", k < 60 ? new Int64Value(k) : NullValue.INSTANCE);
    if (random.nextBoolean()) {
      row.set("u", new TextValue("u" + k));
    }
    return row.build();
  }

  private void createIndex(IndexDef index) {
    boolean created =
        same(
            "create index " + index,
            () -> {
              db.createIndex("items", index);
              return null;
            },
            () -> {
              model.createIndex("items", index);
              return null;
            });
    if (created) {
      present.add(index.name());
    }
  }

  private void runStep() {
    int dice = random.nextInt(100);
    Long tx = pickTransaction();
    if (dice < 30) {
      Row row = randomRow();
      same(
          "insert " + row + " tx " + tx,
          () -> tx == null ? db.insert("items", row) : db.insert(tx, "items", row),
          () -> model.insert(tx, "items", row));
    } else if (dice < 45) {
      Row values = randomPatch();
      Filter filter = indexedFilter();
      same(
          "update " + values + " where " + filter + " tx " + tx,
          () ->
              tx == null
                  ? db.update("items", values, filter)
                  : db.update(tx, "items", values, filter),
          () -> model.update(tx, "items", values, filter));
    } else if (dice < 53) {
      Filter filter = indexedFilter();
      same(
          "delete where " + filter + " tx " + tx,
          () ->
              tx == null
                  ? db.delete("items", DeleteBehavior.RESTRICT, filter)
                  : db.delete(tx, "items", DeleteBehavior.RESTRICT, filter),
          () -> model.delete(tx, "items", DeleteBehavior.RESTRICT, filter));
    } else if (dice < 65) {
      if (model.openTransactions().size() < 3) {
        long id = db.begin();
        model.begin(id);
      }
    } else if (dice < 75) {
      if (tx != null) {
        same(
            "commit " + tx,
            () -> finish(() -> db.commit(tx)),
            () -> finish(() -> model.commit(tx)));
      }
    } else if (dice < 82) {
      if (tx != null) {
        db.rollback(tx);
        model.rollback(tx);
      }
    } else if (dice < 85) {
      db.close();
      model.reopen();
      db = open();
    } else if (dice < 90) {
      IndexDef index = CREATED.get(random.nextInt(CREATED.size()));
      if (present.contains(index.name())) {
        same(
            "drop index " + index.name(),
            () -> finish(() -> db.dropIndex("items", index.name())),
            () -> finish(() -> model.dropIndex("items", index.name())));
        present.remove(index.name());
      } else {
        createIndex(index);
      }
    } else if (dice < 92) {
      String declared = random.nextBoolean() ? "idx_b" : "uq_bc";
      same(
          "drop declared index " + declared,
          () -> finish(() -> db.dropIndex("items", declared)),
          () -> finish(() -> model.dropIndex("items", declared)));
    } else if (dice < 94) {
      String taken = random.nextBoolean() ? "idx_b" : CREATED.get(random.nextInt(4)).name();
      createIndex(new IndexDef(taken, List.of("c"), random.nextBoolean()));
    } else {
      for (Long view : views()) {
        checkQuery(view, randomQuery());
      }
    }
    checkQuery(tx, randomQuery());
  }

  private static Object finish(Runnable action) {
    action.run();
    return null;
  }

  private List<Long> views() {
    List<Long> views = new ArrayList<>();
    views.add(null);
    List<Long> open = model.openTransactions();
    open.sort(null);
    views.addAll(open);
    return views;
  }

  private void checkQuery(Long tx, Query query) {
    if (tx != null && !model.isOpen(tx)) {
      return;
    }
    QueryPlan plan = tx == null ? db.explain("items", query) : db.explain(tx, "items", query);
    if (plan.index() != null
        && (plan.index().startsWith("idx_") || plan.index().startsWith("uq_"))) {
      indexedQueries++;
    }
    same(
        "select " + query + " tx " + tx + " planned as " + plan,
        () -> tx == null ? db.select("items", query) : db.select(tx, "items", query),
        () -> model.select(tx, "items", query));
  }

  private Long pickTransaction() {
    List<Long> open = model.openTransactions();
    open.sort(null);
    if (open.isEmpty() || random.nextInt(3) == 0) {
      return null;
    }
    return open.get(random.nextInt(open.size()));
  }

  private Value maybe(Supplier<Value> value, int nullOneIn) {
    return random.nextInt(nullOneIn) == 0 ? NullValue.INSTANCE : value.get();
  }

  private Value a() {
    return new Int32Value(random.nextInt(9) - 4);
  }

  private Value b() {
    return new TextValue(B[random.nextInt(B.length)]);
  }

  private Value c() {
    return new Int64Value(random.nextInt(90));
  }

  private Value valueOf(String column) {
    return switch (column) {
      case "id" -> new Uint32Value(random.nextInt(200));
      case "a" -> maybe(this::a, 5);
      case "b" -> maybe(this::b, 5);
      case "c" -> maybe(this::c, 4);
      default -> maybe(() -> new TextValue("u" + random.nextInt(200)), 3);
    };
  }

  /** A filter value: never null, integers sometimes of another width. */
  private Value filterValue(String column) {
    Value value;
    do {
      value = valueOf(column);
    } while (value.isNull());
    if (value instanceof Int32Value v && random.nextBoolean()) {
      return new Int64Value(v.value());
    }
    return value;
  }

  private Row randomRow() {
    Row.Builder row = Row.builder().set("id", valueOf("id"));
    for (String column : new String[] {"a", "b", "c", "u"}) {
      if (random.nextInt(4) != 0) {
        row.set(column, valueOf(column));
      }
    }
    return row.build();
  }

  private Row randomPatch() {
    String[] columns = {"id", "a", "a", "b", "c", "c", "u"};
    Row.Builder row = Row.builder();
    String first = columns[random.nextInt(columns.length)];
    row.set(first, valueOf(first));
    String second = columns[1 + random.nextInt(columns.length - 1)];
    if (!second.equals(first) && random.nextBoolean()) {
      row.set(second, valueOf(second));
    }
    return row.build();
  }

  /** A conjunction shaped for one of the indexes, sometimes with an extra condition. */
  private Filter indexedFilter() {
    String[][] shapes = {{"a"}, {"b"}, {"c"}, {"a", "b"}, {"b", "c"}, {"c", "a"}, {"id"}};
    String[] shape = shapes[random.nextInt(shapes.length)];
    List<Filter> operands = new ArrayList<>();
    int equalities = random.nextInt(shape.length + 1);
    for (int k = 0; k < equalities; k++) {
      operands.add(new Filter.Eq(shape[k], filterValue(shape[k])));
    }
    if (equalities < shape.length) {
      String column = shape[equalities];
      switch (random.nextInt(6)) {
        case 0 -> operands.add(new Filter.Gt(column, filterValue(column)));
        case 1 -> operands.add(new Filter.Le(column, filterValue(column)));
        case 2 -> {
          operands.add(new Filter.Ge(column, filterValue(column)));
          operands.add(new Filter.Lt(column, filterValue(column)));
        }
        case 3 -> {
          List<Value> values = new ArrayList<>();
          for (int k = random.nextInt(4); k > 0; k--) {
            values.add(filterValue(column));
          }
          operands.add(new Filter.In(column, values));
        }
        default -> {}
      }
    }
    if (operands.isEmpty() || random.nextInt(4) == 0) {
      operands.add(
          random.nextBoolean()
              ? new Filter.NotNull("u")
              : new Filter.Ne("b", new TextValue(B[random.nextInt(B.length)])));
    }
    return operands.size() == 1 ? operands.get(0) : new Filter.And(operands);
  }

  private Query randomQuery() {
    Query.Builder query = Query.builder();
    if (random.nextInt(6) != 0) {
      query.filter(indexedFilter());
    }
    if (random.nextBoolean()) {
      String[][] orders = {{"a"}, {"b"}, {"c"}, {"a", "b"}, {"b", "c"}, {"c", "a"}, {"id"}, {"u"}};
      String[] order = orders[random.nextInt(orders.length)];
      OrderDirection direction =
          random.nextBoolean() ? OrderDirection.ASCENDING : OrderDirection.DESCENDING;
      for (String column : order) {
        query.orderBy(column, direction);
      }
    }
    if (random.nextInt(3) != 0) {
      query.limit(random.nextInt(12));
    }
    if (random.nextInt(3) == 0) {
      query.offset(random.nextInt(5));
    }
    return query.build();
  }

  /**
   * Runs both sides; they must both succeed with equal results or fail with the same kind.
   *
   * @return whether they succeeded
   */
  private boolean same(String what, Supplier<Object> engine, Supplier<Object> expected) {
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
      if (actualError != expectedError) {
        fail(step + ": " + what + ": expected " + expectedError + " or " + expectedResult, e);
      }
    }
    if (actualError != expectedError
        || (expectedError == null && !Objects.equals(expectedResult, actual))) {
      fail(
          step
              + ": "
              + what
              + ": expected "
              + (expectedError != null ? expectedError : expectedResult)
              + " but got "
              + (actualError != null ? actualError : actual));
    }
    return expectedError == null;
  }

  private void compareViews() {
    assertEquals(model.snapshot(null), Snapshots.of(db), step + ": committed state");
    for (long tx : model.openTransactions()) {
      assertEquals(model.snapshot(tx), Snapshots.of(db, tx), step + ": view of tx " + tx);
    }
  }
}
