package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wasmdbms.engine.Snapshots.assertFailsUnchanged;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.rules.Sanitizers;
import org.wasmdbms.api.rules.Validators;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/** Sanitizers, validators and defaults as the engine applies them on insert and update. */
class RulesTest {
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(new HeapMemoryProvider());
    TableDef def =
        TableDef.builder("accounts")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey().autoIncrement())
            .column(ColumnDef.builder("handle", DataType.TEXT).unique())
            .column(ColumnDef.builder("email", DataType.TEXT).nullable())
            .column(ColumnDef.builder("level", DataType.INT32).defaultValue(new Int32Value(1)))
            .column(ColumnDef.builder("nick", DataType.TEXT).nullable())
            .build();
    db.register(
        TableSchema.builder(def)
            .sanitize("handle", Sanitizers.trim())
            .sanitize("handle", Sanitizers.lowerCase())
            .validate("handle", Validators.lengthRange(2, 8))
            .sanitize("email", Sanitizers.trim())
            .validate("email", Validators.email())
            .sanitize("level", Sanitizers.clamp(new Int32Value(0), new Int32Value(10)))
            .sanitize("nick", Sanitizers.nullIfEmpty())
            .build());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Row handle(String handle) {
    return Row.builder().set("handle", new TextValue(handle)).build();
  }

  @Test
  void insertSanitizesAndFillsDefaults() {
    Row stored =
        db.insert(
            "accounts",
            Row.builder()
                .set("handle", new TextValue("  MiXed "))
                .set("email", new TextValue(" a@example.com "))
                .set("nick", new TextValue("   "))
                .build());
    Row expected =
        Row.builder()
            .set("id", new Uint32Value(1))
            .set("handle", new TextValue("mixed"))
            .set("email", new TextValue("a@example.com"))
            .set("level", new Int32Value(1))
            .set("nick", NullValue.INSTANCE)
            .build();
    assertEquals(expected, stored);
    assertEquals(List.of(expected), db.select("accounts", Query.ALL));
    Row clamped =
        db.insert(
            "accounts",
            Row.builder()
                .set("handle", new TextValue("b2"))
                .set("level", new Int32Value(99))
                .build());
    assertEquals(new Int32Value(10), clamped.get("level"));
  }

  @Test
  void sanitizedValuesMeetUniqueness() {
    db.insert("accounts", handle("abc"));
    assertFailsUnchanged(
        db,
        org.wasmdbms.api.error.UniqueConstraintViolationException.class,
        () -> db.insert("accounts", handle("  ABC ")));
  }

  @Test
  void updateSanitizes() {
    db.insert("accounts", handle("abc"));
    db.insert("accounts", handle("def"));
    assertEquals(
        1,
        db.update(
            "accounts",
            Row.builder()
                .set("handle", new TextValue(" GHI "))
                .set("level", new Int32Value(-5))
                .build(),
            new Filter.Eq("handle", new TextValue("def"))));
    Row row =
        db.select(
                "accounts", Query.builder().filter(new Filter.Eq("id", new Uint32Value(2))).build())
            .get(0);
    assertEquals(new TextValue("ghi"), row.get("handle"));
    assertEquals(new Int32Value(0), row.get("level"));
  }

  @Test
  void validatorRejectionLeavesNothing() {
    db.insert("accounts", handle("abc"));
    // The validator sees the sanitized value: "  A " trims to "a", one character too short.
    assertFailsUnchanged(
        db, ValidationException.class, () -> db.insert("accounts", handle("  A ")));
    assertFailsUnchanged(
        db, ValidationException.class, () -> db.insert("accounts", handle("far-too-long")));
    assertFailsUnchanged(
        db,
        ValidationException.class,
        () ->
            db.insert(
                "accounts",
                Row.builder()
                    .set("handle", new TextValue("ok"))
                    .set("email", new TextValue("no at sign"))
                    .build()));
    assertFailsUnchanged(
        db, ValidationException.class, () -> db.update("accounts", handle("x"), null));
    // A refused insert does not consume an autoincrement value.
    assertEquals(new Uint32Value(2), db.insert("accounts", handle("xyz")).get("id"));
  }
}
