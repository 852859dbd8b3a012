package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.error.UniqueConstraintViolationException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Failures of create-index and drop-index, and unique secondary indexes refusing duplicates: each
 * failure is typed and changes nothing, a failed unique index leaves neither the index nor its
 * pages behind, and the state survives reopening.
 */
class IndexErrorsTest {
  private static final int ROWS = 5000;

  private final HeapMemoryProvider heap = new HeapMemoryProvider();
  private CountingProvider provider;
  private Database db;

  static TableDef table() {
    return TableDef.builder("t")
        .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
        .column(ColumnDef.builder("c", DataType.INT64).nullable())
        .column(ColumnDef.builder("s", DataType.TEXT).nullable())
        .index("idx_s", false, "s")
        .index("uq_sc", true, "s", "c")
        .build();
  }

  private static Row row(long id, Value c, Value s) {
    return Row.builder().set("id", new Uint32Value(id)).set("c", c).set("s", s).build();
  }

  private static Value c(long v) {
    return new Int64Value(v);
  }

  private void open() {
    provider = new CountingProvider(heap, false);
    db = Database.open(provider);
    db.register(TableSchema.of(table()));
  }

  @BeforeEach
  void load() {
    open();
    // c is distinct except for the last row, so a unique index on c fails late in its build.
    for (int id = 0; id < ROWS; id++) {
      db.insert("t", row(id, c(id == ROWS - 1 ? 17 : id), new TextValue("s" + id % 7)));
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  private String planOf(Filter filter) {
    return db.explain("t", Query.builder().filter(filter).build()).description();
  }

  @Test
  void aUniqueIndexOnDuplicatesFailsAndLeavesNoIndexAndNoPages() {
    IndexDef unique = new IndexDef("uq_c", List.of("c"), true);
    Snapshots.assertFailsUnchanged(
        db, UniqueConstraintViolationException.class, () -> db.createIndex("t", unique));
    long pages = provider.pages();
    for (int attempt = 0; attempt < 20; attempt++) {
      Snapshots.assertFailsUnchanged(
          db, UniqueConstraintViolationException.class, () -> db.createIndex("t", unique));
    }
    assertEquals(pages, provider.pages(), "failed index builds give their pages back");
    assertEquals("full scan", planOf(new Filter.Eq("c", c(5))));
    assertThrows(InvalidQueryException.class, () -> db.dropIndex("t", "uq_c"));
    db.close();
    open();
    assertThrows(InvalidQueryException.class, () -> db.dropIndex("t", "uq_c"));
    // Once the duplicate is gone the same index can be built, and it is then enforced.
    db.update("t", Row.builder().set("c", NullValue.INSTANCE).build(), new Filter.Eq("id", c(17)));
    db.createIndex("t", unique);
    assertEquals(
        "index scan",
        db.explain("t", Query.builder().filter(new Filter.Eq("c", c(5))).build()).access());
    Snapshots.assertFailsUnchanged(
        db,
        UniqueConstraintViolationException.class,
        () -> db.insert("t", row(ROWS, c(5), NullValue.INSTANCE)));
  }

  @Test
  void dropIndexRefusesDeclaredAndUnknownIndexes() {
    Snapshots.assertFailsUnchanged(
        db, InvalidQueryException.class, () -> db.dropIndex("t", "idx_s"));
    Snapshots.assertFailsUnchanged(
        db, InvalidQueryException.class, () -> db.dropIndex("t", "uq_sc"));
    Snapshots.assertFailsUnchanged(
        db, InvalidQueryException.class, () -> db.dropIndex("t", "nothing"));
    Snapshots.assertFailsUnchanged(
        db, TableNotFoundException.class, () -> db.dropIndex("missing", "idx_s"));
    assertEquals(
        "index scan of idx_s where s = \"s3\", ascending",
        planOf(new Filter.Eq("s", new TextValue("s3"))));
    db.createIndex("t", new IndexDef("idx_c", List.of("c"), false));
    db.dropIndex("t", "idx_c");
    assertEquals("full scan", planOf(new Filter.Eq("c", c(5))));
    Snapshots.assertFailsUnchanged(
        db, InvalidQueryException.class, () -> db.dropIndex("t", "idx_c"));
  }

  @Test
  void createIndexRefusesNameClashesUnknownColumnsAndTables() {
    db.createIndex("t", new IndexDef("idx_c", List.of("c"), false));
    long pages = provider.pages();
    for (String taken : new String[] {"idx_s", "uq_sc", "idx_c"}) {
      Snapshots.assertFailsUnchanged(
          db,
          InvalidQueryException.class,
          () -> db.createIndex("t", new IndexDef(taken, List.of("id"), false)));
    }
    Snapshots.assertFailsUnchanged(
        db,
        UnknownColumnException.class,
        () -> db.createIndex("t", new IndexDef("idx_x", List.of("c", "x"), false)));
    Snapshots.assertFailsUnchanged(
        db,
        TableNotFoundException.class,
        () -> db.createIndex("missing", new IndexDef("idx_x", List.of("c"), false)));
    assertEquals(pages, provider.pages(), "refused creations allocate nothing");
    assertThrows(InvalidQueryException.class, () -> db.dropIndex("t", "idx_x"));
    assertEquals("index scan of idx_c where c = 5, ascending", planOf(new Filter.Eq("c", c(5))));
  }

  @Test
  void uniqueIndexesRefuseDuplicatesButNotNulls() {
    db.update("t", Row.builder().set("c", NullValue.INSTANCE).build(), new Filter.Eq("id", c(17)));
    db.createIndex("t", new IndexDef("uq_c", List.of("c"), true));
    // Keys with a null part are exempt, in single and composite unique indexes.
    db.insert("t", row(ROWS, NullValue.INSTANCE, new TextValue("s1")));
    db.insert("t", row(ROWS + 1, NullValue.INSTANCE, new TextValue("s1")));
    db.insert("t", row(ROWS + 2, c(-1), NullValue.INSTANCE));
    Snapshots.assertFailsUnchanged(
        db,
        UniqueConstraintViolationException.class,
        () -> db.insert("t", row(ROWS + 3, c(-1), NullValue.INSTANCE)));
    Snapshots.assertFailsUnchanged(
        db,
        UniqueConstraintViolationException.class,
        () -> db.update("t", Row.builder().set("c", c(3)).build(), new Filter.Eq("id", c(4))));
    // Updating a row without changing its key is no conflict with itself.
    db.update("t", Row.builder().set("c", c(4)).build(), new Filter.Eq("id", c(4)));
    long tx = db.begin();
    Snapshots.assertFailsUnchanged(
        db,
        tx,
        UniqueConstraintViolationException.class,
        () -> db.insert(tx, "t", row(ROWS + 4, c(8), NullValue.INSTANCE)));
    // Free the key inside the transaction, take it again, and see it enforced there too.
    db.update(tx, "t", Row.builder().set("c", c(-8)).build(), new Filter.Eq("id", c(8)));
    db.insert(tx, "t", row(ROWS + 4, c(8), NullValue.INSTANCE));
    Snapshots.assertFailsUnchanged(
        db,
        tx,
        UniqueConstraintViolationException.class,
        () -> db.insert(tx, "t", row(ROWS + 5, c(-8), NullValue.INSTANCE)));
    // Meanwhile, outside, another row takes -8: the commit re-checks and applies nothing.
    db.insert("t", row(ROWS + 6, c(-8), NullValue.INSTANCE));
    Snapshots.assertFailsUnchanged(
        db, UniqueConstraintViolationException.class, () -> db.commit(tx));
    assertEquals(
        1, db.select("t", Query.builder().filter(new Filter.Eq("c", c(8))).build()).size());
    db.close();
    open();
    Snapshots.assertFailsUnchanged(
        db,
        UniqueConstraintViolationException.class,
        () -> db.insert("t", row(ROWS + 7, c(-1), NullValue.INSTANCE)));
    // Without uq_c, the declared composite unique index (s, c) still refuses a taken pair.
    db.dropIndex("t", "uq_c");
    db.insert("t", row(ROWS + 7, c(-1), NullValue.INSTANCE));
    Snapshots.assertFailsUnchanged(
        db,
        UniqueConstraintViolationException.class,
        () -> db.insert("t", row(ROWS + 8, c(0), new TextValue("s0"))));
    db.insert("t", row(ROWS + 8, c(0), new TextValue("s1")));
  }
}
