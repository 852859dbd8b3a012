package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wasmdbms.engine.Snapshots.assertFailsUnchanged;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.SanitizationException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.rules.CustomRules;
import org.wasmdbms.api.rules.Sanitizer;
import org.wasmdbms.api.rules.Sanitizers;
import org.wasmdbms.api.rules.Validator;
import org.wasmdbms.api.rules.Validators;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
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

  /** Appends {@code mark} to text: the order of several shows in the result. */
  private static Sanitizer<Value> append(String mark) {
    Sanitizer<TextValue> rule = value -> new TextValue(value.value() + mark);
    return CustomRules.sanitizer("Append" + mark, rule);
  }

  @Test
  void sanitizersRunInOrderThenValidatorsOnInsertAndUpdateAlike() {
    List<String> seen = new ArrayList<>();
    Validator<TextValue> record = value -> seen.add(value.value());
    Validator<TextValue> short6 =
        value -> {
          if (value.value().length() > 6) {
            throw new ValidationException("too long");
          }
        };
    TableDef def =
        TableDef.builder("notes")
            .column(ColumnDef.builder("id", DataType.INT32).primaryKey())
            .column(ColumnDef.builder("text", DataType.TEXT))
            .build();
    db.register(
        TableSchema.builder(def)
            .validate("text", CustomRules.validator("Record", record))
            .sanitize("text", append("1"))
            .validate("text", CustomRules.validator("Short6", short6))
            .sanitize("text", Sanitizers.upperCase())
            .sanitize("text", append("2"))
            .build());
    Row stored =
        db.insert(
            "notes",
            Row.builder().set("id", new Int32Value(1)).set("text", new TextValue("a")).build());
    assertEquals(new TextValue("A12"), stored.get("text"));
    db.update(
        "notes",
        Row.builder().set("text", new TextValue("b")).build(),
        new Filter.Eq("id", new Int32Value(1)));
    assertEquals(new TextValue("B12"), db.select("notes", Query.ALL).get(0).get("text"));
    assertEquals(List.of("A12", "B12"), seen, "validators see the sanitized value, every time");
    ValidationException refused =
        assertFailsUnchanged(
            db,
            ValidationException.class,
            () ->
                db.update(
                    "notes",
                    Row.builder().set("text", new TextValue("fives")).build(),
                    new Filter.Eq("id", new Int32Value(1))));
    assertEquals("column text: Short6: too long", refused.detail());
  }

  @Test
  void aUserRuleThatBreaksIsARuleErrorNamingItNotAnInternalError() {
    Sanitizer<TextValue> broken = value -> new TextValue(value.value().substring(99));
    TableDef def =
        TableDef.builder("broken")
            .column(ColumnDef.builder("id", DataType.INT32).primaryKey())
            .column(ColumnDef.builder("text", DataType.TEXT))
            .build();
    db.register(
        TableSchema.builder(def).sanitize("text", CustomRules.sanitizer("Broken", broken)).build());
    SanitizationException error =
        assertFailsUnchanged(
            db,
            SanitizationException.class,
            () ->
                db.insert(
                    "broken",
                    Row.builder()
                        .set("id", new Int32Value(1))
                        .set("text", new TextValue("x"))
                        .build()));
    assertEquals("column text: Broken failed with an unexpected exception", error.detail());
  }
}
