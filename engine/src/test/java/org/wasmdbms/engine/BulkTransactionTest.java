package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.error.SerializationConflictException;
import org.wasmdbms.api.error.UniqueConstraintViolationException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.journal.JournaledMemoryProvider;

/**
 * Transactions of many writes: their view (rows kept by primary key in a hash), their commit (the
 * operations applied again in one batch of page writes) and what each costs below, against a plain
 * model.
 */
class BulkTransactionTest {
  private static final TableDef ITEMS =
      TableDef.builder("items")
          .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
          .column(ColumnDef.builder("name", DataType.TEXT).unique())
          .column(ColumnDef.builder("note", DataType.TEXT))
          .build();

  private static Row item(long id, String name, String note) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("name", new TextValue(name))
        .set("note", new TextValue(note))
        .build();
  }

  private static Filter byId(long id) {
    return new Filter.Eq("id", new Uint32Value(id));
  }

  private static final Query BY_ID =
      Query.builder().orderBy("id", OrderDirection.ASCENDING).build();

  private static Database open(MemoryProvider provider) {
    Database db = Database.open(provider);
    db.register(TableSchema.of(ITEMS));
    return db;
  }

  /**
   * A commit of 2,000 inserts reaches the provider a few times per page it changes, not several
   * times per row, and the statements before it reach the provider not at all: no write, no commit.
   */
  @Test
  void aBulkCommitWritesEachPageOncePerStretch() {
    CountingProvider provider = new CountingProvider(new HeapMemoryProvider(), true);
    try (Database db = open(provider)) {
      long tx = db.begin();
      long writesBefore = provider.writes();
      long commitsBefore = provider.commits();
      for (int id = 0; id < 2_000; id++) {
        db.insert(tx, "items", item(id, "name" + id, "a note of some length " + id));
      }
      assertEquals(writesBefore, provider.writes(), "statements of a transaction wrote pages");
      assertEquals(commitsBefore, provider.commits(), "statements of a transaction committed");
      db.commit(tx);
      long writes = provider.writes() - writesBefore;
      // Without the batch: about six writes per row (record, slot, page header, and a leaf cell,
      // slot and counters for each of two trees), over 12,000.
      assertTrue(writes < 50, "a commit of 2,000 rows made " + writes + " provider writes");
      assertEquals(commitsBefore + 1, provider.commits());
      assertEquals(2_000, db.select("items", Query.ALL).size());
    }
  }

  /**
   * A commit that fails part-way, on its last insert, after a batch of writes, applies nothing; the
   * database then goes on as if the transaction had never run, on the heap and on a journal.
   */
  @Test
  void aCommitFailingAfterManyInsertsAppliesNothing() {
    for (MemoryProvider provider :
        List.of(
            new HeapMemoryProvider(),
            JournaledMemoryProvider.open(new HeapMemoryProvider(), new HeapMemoryProvider()))) {
      try (Database db = open(provider)) {
        db.insert("items", item(5, "five", "committed"));
        long tx = db.begin();
        db.delete(tx, "items", DeleteBehavior.RESTRICT, byId(5));
        for (int id = 0; id < 1_500; id++) {
          db.insert(tx, "items", item(id, "name" + id, "note"));
        }
        db.insert("items", item(1_499, "late", "committed meanwhile"));
        assertThrows(PrimaryKeyConflictException.class, () -> db.commit(tx));
        List<Row> rows = db.select("items", BY_ID);
        assertEquals(List.of(5L, 1_499L), ids(rows));
        db.insert("items", item(6, "six", "after"));
        assertEquals(List.of(5L, 6L, 1_499L), ids(db.select("items", BY_ID)));
      }
    }
  }

  /** A snapshot transaction of many inserts loses to a commit after its snapshot, whole. */
  @Test
  void aSnapshotTransactionOfManyInsertsConflictsWhole() {
    try (Database db = open(new HeapMemoryProvider())) {
      long tx = db.begin(Isolation.SNAPSHOT);
      for (int id = 0; id < 1_000; id++) {
        db.insert(tx, "items", item(id, "name" + id, "note"));
      }
      db.insert("items", item(700, "other", "committed first"));
      assertThrows(SerializationConflictException.class, () -> db.commit(tx));
      assertEquals(List.of(700L), ids(db.select("items", Query.ALL)));
    }
  }

  /**
   * Random transactions of many inserts, deletes and updates, rolled back or committed while other
   * writes commit beside them, compared with a model: the committed rows in a sorted map, a
   * transaction's view as those rows with its own changes by key laid over them, and a commit as
   * the transaction's successful writes applied again, in order, to the committed rows of that
   * moment (all or nothing, failing with the first error).
   */
  @Test
  void randomBulkTransactionsMatchTheModel() {
    long seed = System.nanoTime();
    System.out.println("BulkTransactionTest seed=" + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 2; round++) {
      MemoryProvider provider =
          round == 0
              ? new HeapMemoryProvider()
              : JournaledMemoryProvider.open(new HeapMemoryProvider(), new HeapMemoryProvider());
      try (Database db = open(provider)) {
        Model committed = new Model();
        for (int transaction = 0; transaction < 12; transaction++) {
          runTransaction(db, committed, random, "seed " + seed + " round " + round);
        }
      }
    }
  }

  private void runTransaction(Database db, Model committed, Random random, String where) {
    long tx = db.begin();
    // The transaction's own changes by key, as its view keeps them: a row, or null for a row it
    // deleted; the view is the committed rows with these laid over them.
    Map<Long, String[]> own = new TreeMap<>();
    List<Op> log = new ArrayList<>();
    int steps = 200 + random.nextInt(600);
    for (int step = 0; step < steps; step++) {
      Op op = Op.random(random);
      boolean outside = random.nextInt(40) == 0;
      Model target = outside ? committed.copy() : view(committed, own);
      boolean present = target.rows.containsKey(op.id());
      Class<? extends DbmsException> expected = op.apply(target);
      Class<? extends DbmsException> actual = run(db, outside ? null : tx, op);
      assertEquals(expected, actual, where + ": " + op + (outside ? " outside" : " in tx"));
      if (expected == null && outside) {
        op.apply(committed);
      } else if (expected == null) {
        log.add(op);
        String[] row = target.rows.get(op.id());
        if (row != null || present) {
          own.put(op.id(), row);
        }
      }
    }
    assertEquals(
        view(committed, own).rows(), rows(db.select(tx, "items", BY_ID)), where + ": view");
    if (random.nextInt(4) == 0) {
      db.rollback(tx);
    } else {
      Model after = committed.copy();
      Class<? extends DbmsException> expected = null;
      for (Op op : log) {
        expected = op.apply(after);
        if (expected != null) {
          break;
        }
      }
      assertEquals(expected, run(db, tx), where + ": commit");
      if (expected == null) {
        committed.rows.clear();
        committed.rows.putAll(after.rows);
      }
    }
    assertEquals(committed.rows(), rows(db.select("items", BY_ID)), where + ": committed");
  }

  /** The committed rows with a transaction's own changes laid over them. */
  private static Model view(Model committed, Map<Long, String[]> own) {
    Model view = committed.copy();
    own.forEach(
        (id, row) -> {
          if (row == null) {
            view.rows.remove(id);
          } else {
            view.rows.put(id, row);
          }
        });
    return view;
  }

  private static Class<? extends DbmsException> run(Database db, Long tx, Op op) {
    try {
      op.run(db, tx);
      return null;
    } catch (DbmsException e) {
      return e.getClass();
    }
  }

  private static Class<? extends DbmsException> run(Database db, long tx) {
    try {
      db.commit(tx);
      return null;
    } catch (DbmsException e) {
      return e.getClass();
    }
  }

  private static List<Long> ids(List<Row> rows) {
    List<Long> ids = new ArrayList<>();
    for (Row row : rows) {
      ids.add(((Uint32Value) row.get("id")).value());
    }
    return ids;
  }

  private static Map<Long, String> rows(List<Row> rows) {
    Map<Long, String> map = new TreeMap<>();
    for (Row row : rows) {
      map.put(
          ((Uint32Value) row.get("id")).value(),
          ((TextValue) row.get("name")).value() + "|" + ((TextValue) row.get("note")).value());
    }
    return map;
  }

  /** The rows of {@code items}: id to name and note. */
  private static final class Model {
    final TreeMap<Long, String[]> rows = new TreeMap<>();

    Model copy() {
      Model copy = new Model();
      copy.rows.putAll(rows);
      return copy;
    }

    Map<Long, String> rows() {
      Map<Long, String> map = new TreeMap<>();
      rows.forEach((id, row) -> map.put(id, row[0] + "|" + row[1]));
      return map;
    }

    boolean nameTaken(String name, long except) {
      for (Map.Entry<Long, String[]> entry : rows.entrySet()) {
        if (entry.getKey() != except && entry.getValue()[0].equals(name)) {
          return true;
        }
      }
      return false;
    }
  }

  /** One write: an insert, a delete or a rename of a row, by primary key. */
  private record Op(char kind, long id, String name) {
    static Op random(Random random) {
      int kind = random.nextInt(10);
      // Mostly ascending new keys (the bulk case), some collisions and reused names.
      long id = random.nextInt(3) == 0 ? random.nextInt(3_000) : random.nextInt(600);
      String name = "n" + random.nextInt(2_000);
      return new Op(kind < 7 ? 'i' : kind < 9 ? 'd' : 'u', id, name);
    }

    /** Applies the write to {@code model}; returns the error it fails with, or null. */
    Class<? extends DbmsException> apply(Model model) {
      String[] row = model.rows.get(id);
      switch (kind) {
        case 'i' -> {
          if (row != null) {
            return PrimaryKeyConflictException.class;
          }
          if (model.nameTaken(name, -1)) {
            return UniqueConstraintViolationException.class;
          }
          model.rows.put(id, new String[] {name, "note " + id});
        }
        case 'd' -> model.rows.remove(id);
        default -> {
          if (row == null) {
            return null;
          }
          if (model.nameTaken(name, id)) {
            return UniqueConstraintViolationException.class;
          }
          model.rows.put(id, new String[] {name, row[1]});
        }
      }
      return null;
    }

    void run(Database db, Long tx) {
      switch (kind) {
        case 'i' -> {
          Row row = item(id, name, "note " + id);
          if (tx == null) {
            db.insert("items", row);
          } else {
            db.insert(tx, "items", row);
          }
        }
        case 'd' -> {
          if (tx == null) {
            db.delete("items", DeleteBehavior.RESTRICT, byId(id));
          } else {
            db.delete(tx, "items", DeleteBehavior.RESTRICT, byId(id));
          }
        }
        default -> {
          Row patch = Row.builder().set("name", new TextValue(name)).build();
          if (tx == null) {
            db.update("items", patch, byId(id));
          } else {
            db.update(tx, "items", patch, byId(id));
          }
        }
      }
    }
  }
}
