package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.MemoryProvider;

/**
 * Eight threads share one {@link Database} and run random inserts, updates, deletes (restrict and
 * cascade), selects and transactions (commit and rollback) on the tables of {@link
 * EngineModelTest}. {@link EffectOrder} records the order in which the calls took effect; the calls
 * are then replayed in that order on {@link EngineModel}, and every result and error kind must be
 * the model's, as must the final tables, and, on a durable provider, the tables after reopening.
 * Selects outside transactions run concurrently with everything on snapshots: each must return what
 * the model returns after some prefix of the commit order, one holding every write that had
 * returned before the select began and none that began after it ended. Runs {@code
 * -Dstress.millis=} milliseconds (default 5000) per provider; prints its seed ({@code
 * -Dstress.seed=} reuses one, thread timing still varies).
 */
abstract class ConcurrentModelTest {
  private static final long MILLIS = Long.getLong("stress.millis", 5000);
  private static final int THREADS = 8;
  private static final int MAX_STEPS_PER_THREAD = 25_000;
  private static final String[] NAMES = {"ann", "bob", "cy"};
  private static final String[] CODES = {"k1", "k2", "k3", "k4"};
  private static final String[] TAGS = {"red", "green", "blue", "grey", "pink"};

  /** A fresh provider on the first call; later calls open the same storage again. */
  abstract MemoryProvider openProvider();

  /** Whether the provider keeps its content after close, so the test reopens it. */
  abstract boolean durable();

  /** One call: who made it, what it returned, when it took effect, and what the model says. */
  private record Step(
      int worker,
      int index,
      long position,
      String what,
      Object result,
      ErrorKind error,
      Function<EngineModel, Object> model,
      long lowestPrefix,
      long highestPrefix) {

    /** Whether this is a read outside a transaction, placed by its prefix window. */
    boolean floating() {
      return lowestPrefix >= 0;
    }

    /** Calls that never reached the provider go right after the worker's previous call. */
    long effectivePosition(long previous) {
      return position >= 0 ? position : previous;
    }
  }

  private record Placed(Step step, long position, boolean followsPrevious) {}

  @Test
  void eightThreadsMatchTheModelInTheOrderTheirCallsTookEffect() throws Exception {
    long seed = Long.getLong("stress.seed", System.nanoTime());
    System.out.println(getClass().getSimpleName() + " seed=" + seed);
    EffectOrder order = new EffectOrder(openProvider());
    Database db = open(order);
    db.onGateEntered(order::enteredGate);
    List<List<Step>> steps = new ArrayList<>();
    Long[] open = new Long[THREADS];
    for (int i = 0; i < THREADS; i++) {
      steps.add(new ArrayList<>());
    }
    try {
      Workers.start(
              THREADS,
              seed,
              (worker, random) -> {
                List<Step> mine = steps.get(worker);
                if (mine.size() < MAX_STEPS_PER_THREAD) {
                  mine.add(step(db, order, worker, mine.size(), random, open));
                } else {
                  Thread.sleep(10);
                }
              })
          .runFor(MILLIS);
      for (int worker = 0; worker < THREADS; worker++) {
        Long tx = open[worker];
        if (tx != null) {
          steps.get(worker).add(rollback(db, order, worker, steps.get(worker).size(), tx));
        }
      }
      EngineModel model = replay(steps, seed);
      assertEquals(model.snapshot(null), Snapshots.of(db), "seed=" + seed + ": final tables");
      db.close();
      if (durable()) {
        Database reopened = open(openProvider());
        try {
          assertEquals(
              model.snapshot(null), Snapshots.of(reopened), "seed=" + seed + ": after reopening");
        } finally {
          reopened.close();
        }
      }
    } finally {
      db.close();
    }
  }

  private static Database open(MemoryProvider provider) {
    Database db = Database.open(provider);
    db.register(TableSchema.of(EngineModelTest.parents()));
    db.register(TableSchema.of(EngineModelTest.children()));
    return db;
  }

  /**
   * Replays every step in effect order on a fresh model, failing at the first disagreement; checks
   * each floating read against the model states its prefix window allows.
   */
  private static EngineModel replay(List<List<Step>> steps, long seed) {
    List<Placed> placed = new ArrayList<>();
    List<Step> floating = new ArrayList<>();
    int calls = 0;
    for (List<Step> mine : steps) {
      long previous = -1;
      for (Step step : mine) {
        calls++;
        if (step.floating()) {
          floating.add(step);
          continue;
        }
        previous = step.effectivePosition(previous);
        placed.add(new Placed(step, previous, step.position() < 0));
      }
    }
    placed.sort(
        Comparator.comparingLong(Placed::position)
            .thenComparing(Placed::followsPrevious)
            .thenComparingInt(p -> p.step().worker())
            .thenComparingInt(p -> p.step().index()));
    System.out.println(
        "ConcurrentModelTest: "
            + calls
            + " calls replayed, "
            + floating.size()
            + " snapshot reads");
    EngineModel model = new EngineModel();
    model.register(EngineModelTest.parents());
    model.register(EngineModelTest.children());
    floating.sort(Comparator.comparingLong(Step::lowestPrefix));
    boolean[] seen = new boolean[floating.size()];
    PendingReads pending = new PendingReads(floating, seen);
    long before = -1;
    for (Placed p : placed) {
      if (p.position() != before) {
        // The state now is every prefix k with before < k <= p.position().
        pending.check(model, before + 1, p.position());
        before = p.position();
      }
      Step step = p.step();
      Outcome expected = Outcome.of(model, step);
      if (!expected.matches(step)) {
        fail(mismatch(seed, step, expected));
      }
    }
    pending.check(model, before + 1, Long.MAX_VALUE);
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        Step step = floating.get(i);
        fail(
            mismatch(seed, step, Outcome.of(model, step))
                + " (a snapshot read; no prefix between "
                + step.lowestPrefix()
                + " and "
                + step.highestPrefix()
                + " of the commit order gives its result)");
      }
    }
    return model;
  }

  /**
   * The floating reads, sorted by the lowest prefix they may have seen, whose window the replay has
   * reached and not yet passed: each is checked only against the states inside its own window, so
   * the replay stays linear in the calls however fast the engine made them (checking every read at
   * every state was quadratic, minutes for the heap's 100,000 calls).
   */
  private static final class PendingReads {
    private final List<Step> floating;
    private final boolean[] seen;
    private final List<Integer> open = new ArrayList<>();
    private int next;

    PendingReads(List<Step> floating, boolean[] seen) {
      this.floating = floating;
      this.seen = seen;
    }

    /** Marks the reads that the model's state, prefixes {@code from..to}, explains. */
    void check(EngineModel model, long from, long to) {
      while (next < floating.size() && floating.get(next).lowestPrefix() <= to) {
        open.add(next++);
      }
      open.removeIf(
          i -> {
            Step step = floating.get(i);
            if (step.highestPrefix() < from) {
              return true; // past its window unexplained: reported as unseen at the end
            }
            seen[i] = Outcome.of(model, step).matches(step);
            return seen[i];
          });
    }
  }

  /** What the model says a step returns. */
  private record Outcome(Object result, ErrorKind error) {
    static Outcome of(EngineModel model, Step step) {
      try {
        return new Outcome(step.model().apply(model), null);
      } catch (EngineModel.Failure f) {
        return new Outcome(null, f.kind);
      }
    }

    boolean matches(Step step) {
      return error == step.error() && (error != null || Objects.equals(result, step.result()));
    }
  }

  private static String mismatch(long seed, Step step, Outcome expected) {
    return "seed="
        + seed
        + ": worker "
        + step.worker()
        + " call "
        + step.index()
        + " at "
        + step.position()
        + ": "
        + step.what()
        + ": the model says "
        + (expected.error() != null ? expected.error() : expected.result())
        + " but the database said "
        + (step.error() != null ? step.error() : step.result());
  }

  /** How a call is placed: in effect order, and whether it is a write or a snapshot read. */
  private enum Kind {
    WRITE,
    SNAPSHOT_READ,
    OTHER
  }

  private static Step call(
      EffectOrder order,
      Kind kind,
      int worker,
      int index,
      String what,
      Supplier<Object> database,
      Function<EngineModel, Object> model) {
    Object result = null;
    ErrorKind error = null;
    long position;
    long lowest = order.watermark();
    order.enter();
    try {
      try {
        result = database.get();
      } catch (DbmsException e) {
        error = e.kind();
      }
    } finally {
      position = order.exit();
    }
    if (kind == Kind.WRITE && position >= 0) {
      order.completed(position);
    }
    return kind == Kind.SNAPSHOT_READ
        ? new Step(worker, index, position, what, result, error, model, lowest, order.next())
        : new Step(worker, index, position, what, result, error, model, -1, -1);
  }

  private static Step rollback(Database db, EffectOrder order, int worker, int index, long tx) {
    return call(
        order,
        Kind.OTHER,
        worker,
        index,
        "rollback " + tx,
        () -> {
          db.rollback(tx);
          return null;
        },
        m -> {
          m.rollback(tx);
          return null;
        });
  }

  private static Step step(
      Database db, EffectOrder order, int worker, int index, Random random, Long[] open) {
    Long tx = open[worker] != null && random.nextBoolean() ? open[worker] : null;
    String table = random.nextInt(3) == 0 ? "parents" : "children";
    String where = " in " + table + (tx == null ? "" : " tx " + tx);
    int dice = random.nextInt(100);
    if (dice < 25) {
      Row row = table.equals("parents") ? parent(random) : child(random);
      return call(
          order,
          tx == null ? Kind.WRITE : Kind.OTHER,
          worker,
          index,
          "insert " + row + where,
          () -> tx == null ? db.insert(table, row) : db.insert(tx, table, row),
          m -> m.insert(tx, table, row));
    }
    if (dice < 37) {
      Row values = patch(table, random);
      Filter filter = filter(table, random);
      return call(
          order,
          tx == null ? Kind.WRITE : Kind.OTHER,
          worker,
          index,
          "update " + values + " where " + filter + where,
          () ->
              tx == null ? db.update(table, values, filter) : db.update(tx, table, values, filter),
          m -> m.update(tx, table, values, filter));
    }
    if (dice < 45) {
      DeleteBehavior behavior =
          random.nextBoolean() ? DeleteBehavior.RESTRICT : DeleteBehavior.CASCADE;
      Filter filter = filter(table, random);
      return call(
          order,
          tx == null ? Kind.WRITE : Kind.OTHER,
          worker,
          index,
          "delete " + behavior + " where " + filter + where,
          () ->
              tx == null
                  ? db.delete(table, behavior, filter)
                  : db.delete(tx, table, behavior, filter),
          m -> m.delete(tx, table, behavior, filter));
    }
    if (dice < 80 || (open[worker] == null && dice < 88)) {
      Query query = query(table, random);
      return call(
          order,
          tx == null ? Kind.SNAPSHOT_READ : Kind.OTHER,
          worker,
          index,
          "select " + query + where,
          () -> tx == null ? db.select(table, query) : db.select(tx, table, query),
          m -> m.select(tx, table, query));
    }
    if (open[worker] == null) {
      long id = db.begin();
      open[worker] = id;
      return call(
          order,
          Kind.OTHER,
          worker,
          index,
          "begin " + id,
          () -> id,
          m -> {
            m.begin(id);
            return id;
          });
    }
    long id = open[worker];
    open[worker] = null;
    if (dice < 94) {
      return call(
          order,
          Kind.WRITE,
          worker,
          index,
          "commit " + id,
          () -> {
            db.commit(id);
            return null;
          },
          m -> {
            m.commit(id);
            return null;
          });
    }
    return rollback(db, order, worker, index, id);
  }

  private static Value key(Random random, int bound) {
    return new Uint32Value(random.nextInt(bound));
  }

  private static Value oneOf(Random random, String[] values, boolean nullable) {
    if (nullable && random.nextInt(3) == 0) {
      return NullValue.INSTANCE;
    }
    return new TextValue(values[random.nextInt(values.length)]);
  }

  private static Row parent(Random random) {
    return Row.builder()
        .set("id", key(random, 12))
        .set("name", oneOf(random, NAMES, false))
        .set("code", oneOf(random, CODES, true))
        .set("score", new Int32Value(random.nextInt(5)))
        .build();
  }

  private static Row child(Random random) {
    return Row.builder()
        .set("id", key(random, 18))
        .set("parent", random.nextInt(4) == 0 ? NullValue.INSTANCE : key(random, 14))
        .set("tag", oneOf(random, TAGS, true))
        .set("v", new Int64Value(random.nextInt(7)))
        .build();
  }

  private static Row patch(String table, Random random) {
    Row.Builder values = Row.builder();
    if (table.equals("parents")) {
      switch (random.nextInt(4)) {
        case 0 -> values.set("code", oneOf(random, CODES, true));
        case 1 -> values.set("id", key(random, 12));
        default -> values.set("score", new Int32Value(random.nextInt(5)));
      }
    } else {
      switch (random.nextInt(4)) {
        case 0 -> values.set("tag", oneOf(random, TAGS, true));
        case 1 -> values.set("parent", key(random, 14));
        default -> values.set("v", new Int64Value(random.nextInt(7)));
      }
    }
    return values.build();
  }

  private static Filter filter(String table, Random random) {
    String column = table.equals("parents") ? "score" : "v";
    Value small = table.equals("parents") ? new Int32Value(2) : new Int64Value(3);
    return switch (random.nextInt(7)) {
      case 0 -> null;
      case 1 -> new Filter.Eq("id", key(random, 18));
      case 2 -> new Filter.Gt("id", key(random, 18));
      case 3 -> new Filter.Le(column, small);
      case 4 -> new Filter.In("id", List.of(key(random, 18), key(random, 18)));
      case 5 -> new Filter.IsNull(table.equals("parents") ? "code" : "tag");
      default ->
          new Filter.And(
              List.of(new Filter.Ge("id", key(random, 9)), new Filter.Ne(column, small)));
    };
  }

  private static Query query(String table, Random random) {
    Query.Builder query =
        Query.builder()
            .orderBy(
                "id", random.nextBoolean() ? OrderDirection.ASCENDING : OrderDirection.DESCENDING);
    Filter filter = filter(table, random);
    if (filter != null) {
      query.filter(filter);
    }
    if (random.nextInt(3) == 0) {
      query.limit(1 + random.nextInt(4));
    }
    return query.build();
  }
}
