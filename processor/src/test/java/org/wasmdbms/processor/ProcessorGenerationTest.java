package org.wasmdbms.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DateTimeValue;
import org.wasmdbms.api.value.DateValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;

/**
 * Compiles a schema that uses every supported field kind and attribute, then checks the generated
 * source and runs the generated code against a real database through a driver class compiled with
 * it.
 */
class ProcessorGenerationTest {
  private static final String ITEM =
      """
      package shop;

      import java.math.BigDecimal;
      import org.wasmdbms.api.annotation.*;
      import org.wasmdbms.api.value.*;

      @Table("items")
      public record Item(
          @PrimaryKey @AutoIncrement int id,
          @Index @Trim @LowerCase String code,
          @Index @Index(group = "items_by_shelf") short shelf,
          @Index(group = "items_by_shelf") byte slot,
          long stock,
          boolean active,
          float weight,
          @Clamp(min = "0", max = "100") double rating,
          Integer optional,
          @Default("none") @CollapseWhitespace String note,
          @Nullable byte[] picture,
          @RoundToScale(2) BigDecimal price,
          @Default("2024-06-15") DateValue added,
          @Nullable @Unique UuidValue uuid,
          @Nullable @NullIfEmpty @Slug String slug,
          @Nullable @Default("Null") DateTimeValue seen,
          @Default("2024-06-15T10:30:00.5+02:00") DateTimeValue created,
          @Column("long name") @Default("0") Uint64Value big) {}
      """;

  private static final String TAG =
      """
      package shop;

      import org.wasmdbms.api.annotation.*;

      @Table("tags")
      public class Tag {
        @PrimaryKey private final long id;
        @Nullable @Email @LengthRange(min = 3, max = 40) private final String owner;
        @ForeignKey(table = "items", column = "id") final int item;

        public Tag(long id, String owner, int item) {
          this.id = id;
          this.owner = owner;
          this.item = item;
        }

        public long getId() {
          return id;
        }

        String owner() {
          return owner;
        }
      }
      """;

  private static final String SCHEMA =
      """
      package shop;

      import org.wasmdbms.api.annotation.DatabaseSchema;

      @DatabaseSchema({Tag.class, Item.class})
      public interface Shop {}
      """;

  private static final String DRIVER =
      """
      package shop;

      import java.math.BigDecimal;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.Supplier;
      import org.wasmdbms.api.error.DbmsException;
      import org.wasmdbms.api.query.Filter;
      import org.wasmdbms.api.query.JoinType;
      import org.wasmdbms.api.query.Query;
      import org.wasmdbms.api.row.Row;
      import org.wasmdbms.api.value.Int64Value;
      import org.wasmdbms.api.value.NullValue;
      import org.wasmdbms.engine.Database;
      import org.wasmdbms.engine.typed.TypedSession;
      import org.wasmdbms.memory.HeapMemoryProvider;

      public class Driver implements Supplier<List<Object>> {
        @Override
        public List<Object> get() {
          Database db = Database.open(new HeapMemoryProvider());
          ShopDispatcher.INSTANCE.registerAll(db);
          TypedSession s = TypedSession.autoCommit(db);
          Item item = s.insert(ItemInsert.builder()
              .code("  AB-1 ").shelf((short) 3).slot((byte) 4).stock(5_000_000_000L)
              .active(true).weight(1.5f).rating(250).price(new BigDecimal("9.999"))
              .slug("  ").build());
          Tag tag = s.insert(TagInsert.builder().id(7).owner("a@b.co").item(item.id()).build());
          List<Object> out = new ArrayList<>();
          out.add(db.tables());
          out.add(ItemTable.DEFINITION);
          out.add(List.of(item.id(), item.code(), item.shelf(), item.slot(), item.stock(),
              item.active(), item.weight(), item.rating(), String.valueOf(item.optional()),
              item.note(), String.valueOf(item.picture()), item.price(), item.added(),
              String.valueOf(item.uuid()), String.valueOf(item.slug()),
              String.valueOf(item.seen()), item.created(), item.big()));
          out.add(List.of(tag.getId(), tag.owner(), tag.item));
          List<TagWithRelations> loaded =
              TagTable.INSTANCE.loadRelations(s, s.select(TagTable.INSTANCE, Query.ALL));
          out.add(loaded.get(0).item().equals(item));
          out.add(s.update(TagUpdate.builder().owner(null)
              .where(new Filter.Eq(TagTable.Columns.id, new Int64Value(7))).build()));
          out.add(String.valueOf(s.select(TagTable.INSTANCE, Query.ALL).get(0).owner()));
          out.add(error(() -> s.insert(TagInsert.builder().id(8).owner("x").item(1).build())));
          out.add(error(() -> TagTable.INSTANCE.insertRequest(
              Row.builder().set("item", NullValue.INSTANCE).build())));
          out.add(ItemTable.INSTANCE.fromRow(ItemTable.INSTANCE.toRow(item)).equals(item));
          List<TagWithRelations> eager = s.selectWithRelations(TagTable.INSTANCE, Query.ALL);
          out.add(eager.get(0).item().equals(item) && eager.get(0).record().getId() == 7);
          out.add(error(() -> s.select(TagTable.INSTANCE,
              Query.builder().join(JoinType.INNER, "items", "item", "id").build())));
          return out;
        }

        private static String error(Runnable body) {
          try {
            body.run();
            return "no error";
          } catch (DbmsException e) {
            return e.kind().name();
          }
        }
      }
      """;

  private static InMemoryCompiler.Result result;

  @BeforeAll
  static void compile() {
    result =
        InMemoryCompiler.compile(
            Map.of("shop.Item", ITEM, "shop.Tag", TAG, "shop.Shop", SCHEMA, "shop.Driver", DRIVER));
  }

  @Test
  void compilesWithoutWarnings() {
    assertEquals(List.of(), result.diagnostics(), "diagnostics");
    assertEquals(
        List.of(
            "shop.ItemInsert",
            "shop.ItemTable",
            "shop.ItemUpdate",
            "shop.ShopDispatcher",
            "shop.TagInsert",
            "shop.TagTable",
            "shop.TagUpdate",
            "shop.TagWithRelations"),
        List.copyOf(result.generated().keySet()));
  }

  @Test
  void generatedSourceSpellsOutTheDefinition() {
    String items = result.generated().get("shop.ItemTable");
    for (String expected :
        List.of(
            ".column(ColumnDef.builder(Columns.id, DataType.INT32).primaryKey().autoIncrement())",
            ".column(ColumnDef.builder(Columns.optional, DataType.INT32).nullable())",
            ".defaultValue(new DateValue(2024, 6, 15))",
            ".defaultValue(new DateTimeValue(2024, 6, 15, 10, 30, 0, 500000, 120))",
            ".index(\"items_code_idx\", false, \"code\")",
            ".index(\"items_by_shelf\", false, \"shelf\", \"slot\")",
            ".sanitize(Columns.code, Sanitizers.trim())",
            ".sanitize(Columns.code, Sanitizers.lowerCase())",
            ".sanitize(Columns.rating, Sanitizers.clamp(",
            ".sanitize(Columns.price, Sanitizers.roundToScale(2))",
            "public static final String big = \"long name\";")) {
      assertTrue(items.contains(expected), expected + " in\n" + items);
    }
    String tags = result.generated().get("shop.TagTable");
    assertTrue(tags.contains(".validate(Columns.owner, Validators.email())"), tags);
    assertTrue(tags.contains("idToValue(record.getId())"), tags);
    assertTrue(tags.contains("ownerToValue(record.owner())"), tags);
    assertTrue(tags.contains("itemToValue(record.item)"), tags);
    assertTrue(tags.contains("public Map<Value, shop.Item> fetchItem(TypedSession session"), tags);
  }

  @Test
  void generatedCodeAvoidsWhatTheGuestLacks() {
    for (Map.Entry<String, String> file : result.generated().entrySet()) {
      for (String banned :
          List.of(
              "reflect",
              "Class.forName",
              "String.format",
              "java.time",
              ".split(",
              ".matches(",
              "replaceAll(",
              "java.util.regex",
              "Random",
              "StringJoiner")) {
        assertFalse(file.getValue().contains(banned), banned + " in " + file.getKey());
      }
    }
  }

  @Test
  void generatedCodeRunsAgainstTheEngine() throws ReflectiveOperationException {
    @SuppressWarnings("unchecked")
    Supplier<List<Object>> driver = (Supplier<List<Object>>) result.instantiate("shop.Driver");
    List<Object> out = driver.get();
    assertEquals(List.of("items", "tags"), out.get(0));
    assertEquals(expectedItems(), out.get(1));
    assertEquals(
        Arrays.asList(
            1,
            "ab-1",
            (short) 3,
            (byte) 4,
            5_000_000_000L,
            true,
            1.5f,
            100.0,
            "null",
            "none",
            "null",
            new BigDecimal("10.00"),
            new DateValue(2024, 6, 15),
            "null",
            "null",
            "null",
            new DateTimeValue(2024, 6, 15, 10, 30, 0, 500_000, 120),
            new org.wasmdbms.api.value.Uint64Value(0)),
        out.get(2));
    assertEquals(List.of(7L, "a@b.co", 1), out.get(3));
    assertEquals(true, out.get(4), "eagerly loaded item equals the stored one");
    assertEquals(1L, out.get(5));
    assertEquals("null", out.get(6));
    assertEquals("VALIDATION_ERROR", out.get(7));
    assertEquals("MISSING_NON_NULLABLE_FIELD", out.get(8));
    assertEquals(true, out.get(9), "row codec round trip");
    assertEquals(true, out.get(10), "selectWithRelations fills TagWithRelations");
    assertEquals("INVALID_QUERY", out.get(11), "a typed select with a join");
  }

  @Test
  void aTableMayReferenceItselfAndTablesRegisterAfterTheirParents() {
    String header = "package org;\n\nimport org.wasmdbms.api.annotation.*;\n\n";
    String person =
        """
        @Table("people")
        record Person(
            @PrimaryKey long id,
            @ForeignKey(table = "people", column = "id") Long managerId,
            @ForeignKey(table = "teams", column = "id") int teamId) {}
        """;
    String team = "@Table(\"teams\") record Team(@PrimaryKey int id) {}";
    String schema = "@DatabaseSchema({Person.class, Team.class}) interface Org {}";
    InMemoryCompiler.Result org =
        InMemoryCompiler.compile(
            Map.of(
                "org.Person",
                header + person,
                "org.Team",
                header + team,
                "org.Org",
                header + schema));
    assertEquals(List.of(), org.diagnostics());
    String dispatcher = org.generated().get("org.OrgDispatcher");
    assertTrue(
        dispatcher.indexOf("TeamTable.INSTANCE") < dispatcher.indexOf("PersonTable.INSTANCE"),
        dispatcher);
    assertTrue(
        org.generated()
            .get("org.PersonWithRelations")
            .contains("(org.Person record, org.Person manager, org.Team team)"),
        org.generated().get("org.PersonWithRelations"));
  }

  @Test
  void aForeignKeyMayReferenceATableCompiledEarlier(@TempDir Path classes) throws IOException {
    String header = "package lib;\n\nimport org.wasmdbms.api.annotation.*;\n\n";
    InMemoryCompiler.Result library =
        InMemoryCompiler.compile(
            Map.of(
                "lib.Owner",
                header
                    + "@Table(\"owners\") public record Owner("
                    + "@PrimaryKey long id, @Unique String handle) {}"));
    assertEquals(List.of(), library.diagnostics());
    library.writeClasses(classes);
    String pet =
        """
        package app;

        import lib.Owner;
        import org.wasmdbms.api.annotation.*;

        @Table("pets")
        record Pet(
            @PrimaryKey int id,
            @ForeignKey(table = "owners", column = "handle", entity = Owner.class) String owner) {}
        """;
    String schema =
        """
        package app;

        @org.wasmdbms.api.annotation.DatabaseSchema({Pet.class, lib.Owner.class})
        interface Zoo {}
        """;
    InMemoryCompiler.Result app =
        InMemoryCompiler.compile(Map.of("app.Pet", pet, "app.Zoo", schema), classes.toString());
    assertEquals(List.of(), app.diagnostics());
    assertTrue(
        app.generated().get("app.PetTable").contains("OwnerTable.Columns.handle"),
        app.generated().get("app.PetTable"));
    String dispatcher = app.generated().get("app.ZooDispatcher");
    assertTrue(
        dispatcher.indexOf("OwnerTable.INSTANCE") < dispatcher.indexOf("PetTable.INSTANCE"),
        dispatcher);
  }

  private static TableDef expectedItems() {
    return TableDef.builder("items")
        .column(ColumnDef.builder("id", DataType.INT32).primaryKey().autoIncrement())
        .column(ColumnDef.builder("code", DataType.TEXT))
        .column(ColumnDef.builder("shelf", DataType.INT16))
        .column(ColumnDef.builder("slot", DataType.INT8))
        .column(ColumnDef.builder("stock", DataType.INT64))
        .column(ColumnDef.builder("active", DataType.BOOLEAN))
        .column(ColumnDef.builder("weight", DataType.FLOAT32))
        .column(ColumnDef.builder("rating", DataType.FLOAT64))
        .column(ColumnDef.builder("optional", DataType.INT32).nullable())
        .column(ColumnDef.builder("note", DataType.TEXT).defaultValue(new TextValue("none")))
        .column(ColumnDef.builder("picture", DataType.BLOB).nullable())
        .column(ColumnDef.builder("price", DataType.DECIMAL))
        .column(ColumnDef.builder("added", DataType.DATE).defaultValue(new DateValue(2024, 6, 15)))
        .column(ColumnDef.builder("uuid", DataType.UUID).nullable().unique())
        .column(ColumnDef.builder("slug", DataType.TEXT).nullable())
        .column(
            ColumnDef.builder("seen", DataType.DATETIME)
                .nullable()
                .defaultValue(NullValue.INSTANCE))
        .column(
            ColumnDef.builder("created", DataType.DATETIME)
                .defaultValue(new DateTimeValue(2024, 6, 15, 10, 30, 0, 500_000, 120)))
        .column(
            ColumnDef.builder("long name", DataType.UINT64)
                .defaultValue(new org.wasmdbms.api.value.Uint64Value(0)))
        .index("items_code_idx", false, "code")
        .index("items_shelf_idx", false, "shelf")
        .index("items_by_shelf", false, "shelf", "slot")
        .build();
  }
}
