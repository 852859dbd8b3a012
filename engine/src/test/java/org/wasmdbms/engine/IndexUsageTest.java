package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.HeapMemoryProvider;

/** Filters on the primary key or a unique column go through the B+ trees, and answer correctly. */
class IndexUsageTest {
  private static final int ROWS = 20_000;

  private static TableDef items() {
    return TableDef.builder("items")
        .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
        .column(ColumnDef.builder("code", DataType.TEXT).unique().nullable())
        .column(ColumnDef.builder("n", DataType.INT64))
        .build();
  }

  private static String plan(Filter filter) {
    Database db = Database.open(new HeapMemoryProvider());
    db.register(TableSchema.of(items()));
    return db.explain("items", Query.builder().filter(filter).build()).description();
  }

  @Test
  void plansUseTheTreesForPointFilters() {
    Value one = new Uint32Value(1);
    TextValue a = new TextValue("a");
    assertTrue(plan(new Filter.Eq("id", one)).startsWith("primary key lookup"));
    assertTrue(
        plan(new Filter.In("id", List.of(one, new Int64Value(2)))).startsWith("primary key"));
    assertTrue(plan(new Filter.Eq("code", a)).startsWith("unique lookup"));
    assertTrue(
        plan(new Filter.And(List.of(new Filter.Gt("n", one), new Filter.Eq("code", a))))
            .startsWith("unique lookup"));
    assertTrue(
        plan(new Filter.And(List.of(new Filter.Eq("code", a), new Filter.Eq("id", one))))
            .startsWith("primary key lookup"));
    assertEquals("full scan", plan(new Filter.Eq("n", one)));
    assertEquals(
        "full scan",
        plan(new Filter.Or(List.of(new Filter.Eq("id", one), new Filter.Eq("code", a)))));
    assertEquals("full scan", plan(new Filter.In("code", List.of(a, NullValue.INSTANCE))));
  }

  @Test
  void aKeyLookupReadsFarFewerPagesThanAScan() {
    CountingProvider provider = new CountingProvider(new HeapMemoryProvider(), true);
    Database db = Database.open(provider);
    try {
      db.register(TableSchema.of(items()));
      for (int i = 0; i < ROWS; i++) {
        db.insert(
            "items",
            Row.builder()
                .set("id", new Uint32Value(i))
                .set("code", new TextValue("c" + i))
                .set("n", new Int64Value(i))
                .build());
      }
      // The first read opens the readers' view (header, catalog, tables) and reads the blocks of it
      // that readers share (VersionedMemoryProvider): that is not the lookup's cost.
      db.select("items", Query.builder().filter(new Filter.Eq("id", new Uint32Value(0))).build());
      long pk = readsOf(db, provider, new Filter.Eq("id", new Uint32Value(12_345)));
      long unique = readsOf(db, provider, new Filter.Eq("code", new TextValue("c12345")));
      long scan = readsOf(db, provider, new Filter.Eq("n", new Int64Value(12_345)));
      System.out.println("reads: pk " + pk + ", unique " + unique + ", scan " + scan);
      // Reads outside a transaction reach the provider as whole 4 KiB blocks, each read once for
      // all readers: a scan reads every block of the table's pages, a lookup the few blocks its
      // binary searches touch in each node (the scan here: about 270, a lookup: under 10).
      assertTrue(pk * 20 < scan, "pk lookup " + pk + " reads vs scan " + scan);
      assertTrue(unique * 20 < scan, "unique lookup " + unique + " reads vs scan " + scan);
    } finally {
      db.close();
    }
  }

  private static long readsOf(Database db, CountingProvider provider, Filter filter) {
    long before = provider.reads();
    List<Row> rows = db.select("items", Query.builder().filter(filter).build());
    assertEquals(1, rows.size());
    assertEquals(new Uint32Value(12_345), rows.get(0).get("id"));
    return provider.reads() - before;
  }

  @Test
  void uniqueLookupsKeepPrimaryKeyOrderAndFindNulls() {
    Database db = Database.open(new HeapMemoryProvider());
    try {
      db.register(TableSchema.of(items()));
      String[] codes = {"z", "m", null, "a"};
      for (int i = 0; i < codes.length; i++) {
        db.insert(
            "items",
            Row.builder()
                .set("id", new Uint32Value(i))
                .set("code", codes[i] == null ? NullValue.INSTANCE : new TextValue(codes[i]))
                .set("n", new Int64Value(i))
                .build());
      }
      List<Value> ids =
          db
              .select(
                  "items",
                  Query.builder()
                      .filter(
                          new Filter.In("code", List.of(new TextValue("a"), new TextValue("z"))))
                      .build())
              .stream()
              .map(r -> r.get("id"))
              .toList();
      assertEquals(List.of(new Uint32Value(0), new Uint32Value(3)), ids, "primary-key order");
      assertEquals(
          2,
          db.select(
                  "items",
                  Query.builder()
                      .filter(
                          new Filter.In("code", List.of(NullValue.INSTANCE, new TextValue("m"))))
                      .build())
              .size());
    } finally {
      db.close();
    }
  }
}
