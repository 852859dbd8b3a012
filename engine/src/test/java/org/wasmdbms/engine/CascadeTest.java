package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wasmdbms.engine.Snapshots.assertFailsUnchanged;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.ForeignKeyConstraintViolationException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * Cascade and restrict deletes over cycles of references. A cycle between two tables cannot be
 * declared (a foreign key may only point to a table registered before, or to its own table), so
 * cycles here run through a self-referencing table, with a second table hanging off it by a unique
 * column.
 */
class CascadeTest {
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    db.register(
        TableSchema.of(
            TableDef.builder("employees")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("badge", DataType.TEXT).unique())
                .column(
                    ColumnDef.builder("manager", DataType.UINT32)
                        .nullable()
                        .references("employees", "id"))
                .build()));
    db.register(
        TableSchema.of(
            TableDef.builder("desks")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(
                    ColumnDef.builder("owner", DataType.TEXT)
                        .nullable()
                        .references("employees", "badge"))
                .build()));
    // A cycle 1 <- 2 <- 3 <- 4 <- 1 (each row names its manager), 5 reporting into it, a
    // self-managed 10 with a report 11, and desks owned by badges.
    employee(1, null);
    employee(2, 1L);
    employee(3, 2L);
    employee(4, 3L);
    db.update("employees", Row.builder().set("manager", id(4)).build(), new Filter.Eq("id", id(1)));
    employee(5, 3L);
    employee(10, 10L);
    employee(11, 10L);
    desk(100, "b1");
    desk(101, "b5");
    desk(102, "b11");
    desk(103, null);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void employee(long id, Long manager) {
    db.insert(
        "employees",
        Row.builder()
            .set("id", id(id))
            .set("badge", new TextValue("b" + id))
            .set("manager", manager == null ? NullValue.INSTANCE : id(manager))
            .build());
  }

  private void desk(long id, String owner) {
    db.insert(
        "desks",
        Row.builder()
            .set("id", id(id))
            .set("owner", owner == null ? NullValue.INSTANCE : new TextValue(owner))
            .build());
  }

  private static Value id(long id) {
    return new Uint32Value(id);
  }

  private static Filter idIn(long... ids) {
    List<Value> values = new ArrayList<>();
    for (long id : ids) {
      values.add(id(id));
    }
    return new Filter.In("id", values);
  }

  private List<Long> ids(String table) {
    return db.select(table, Query.ALL).stream()
        .map(r -> ((Uint32Value) r.get("id")).value())
        .toList();
  }

  @Test
  void cascadeOverACycleDeletesExactlyTheClosure() {
    assertEquals(7, db.delete("employees", DeleteBehavior.CASCADE, idIn(2)));
    assertEquals(List.of(10L, 11L), ids("employees"));
    assertEquals(List.of(102L, 103L), ids("desks"));
  }

  @Test
  void cascadeOfASelfReferencingRowDeletesItAndItsReports() {
    assertEquals(3, db.delete("employees", DeleteBehavior.CASCADE, idIn(10)));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids("employees"));
    assertEquals(List.of(100L, 101L, 103L), ids("desks"));
  }

  @Test
  void cascadeFromALeafDeletesOnlyTheLeaf() {
    assertEquals(2, db.delete("employees", DeleteBehavior.CASCADE, idIn(5)));
    assertEquals(List.of(1L, 2L, 3L, 4L, 10L, 11L), ids("employees"));
  }

  @Test
  void cascadeInsideATransactionDeletesTheClosureThere() {
    long tx = db.begin();
    assertEquals(7, db.delete(tx, "employees", DeleteBehavior.CASCADE, idIn(4)));
    assertEquals(7, ids("employees").size(), "outside sees every employee still");
    db.commit(tx);
    assertEquals(List.of(10L, 11L), ids("employees"));
    assertEquals(List.of(102L, 103L), ids("desks"));
  }

  @Test
  void restrictRefusesAReferenceFromOutsideTheDeletedSet() {
    assertFailsUnchanged(
        db,
        ForeignKeyConstraintViolationException.class,
        () -> db.delete("employees", DeleteBehavior.RESTRICT, idIn(2, 3)));
    assertFailsUnchanged(
        db,
        ForeignKeyConstraintViolationException.class,
        () -> db.delete("employees", DeleteBehavior.RESTRICT, idIn(10)));
    // The whole cycle with its report, but desk 100 still holds badge b1.
    assertFailsUnchanged(
        db,
        ForeignKeyConstraintViolationException.class,
        () -> db.delete("employees", DeleteBehavior.RESTRICT, idIn(1, 2, 3, 4, 5)));
  }

  @Test
  void restrictAllowsReferencesInsideTheDeletedSet() {
    db.delete("desks", DeleteBehavior.RESTRICT, idIn(100, 101));
    assertEquals(5, db.delete("employees", DeleteBehavior.RESTRICT, idIn(1, 2, 3, 4, 5)));
    db.delete("desks", DeleteBehavior.RESTRICT, idIn(102));
    assertEquals(1, db.delete("employees", DeleteBehavior.RESTRICT, idIn(11)));
    // Only its own reference is left on 10.
    assertEquals(1, db.delete("employees", DeleteBehavior.RESTRICT, idIn(10)));
    assertEquals(List.of(), ids("employees"));
  }

  @Test
  void changingTheKeyOfASelfReferencingRowIsRefused() {
    db.delete("employees", DeleteBehavior.CASCADE, idIn(11));
    // 10 references itself: moving its key would leave it pointing at a missing row.
    assertFailsUnchanged(
        db,
        ForeignKeyConstraintViolationException.class,
        () -> db.update("employees", Row.builder().set("id", id(12)).build(), idIn(10)));
    long tx = db.begin();
    assertFailsUnchanged(
        db,
        tx,
        ForeignKeyConstraintViolationException.class,
        () -> db.update(tx, "employees", Row.builder().set("id", id(12)).build(), idIn(10)));
    // Moving the key and the reference together keeps the row consistent.
    db.update(
        "employees", Row.builder().set("id", id(12)).set("manager", id(12)).build(), idIn(10));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 12L), ids("employees"));
  }
}
