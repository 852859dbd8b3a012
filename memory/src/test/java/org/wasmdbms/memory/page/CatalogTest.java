package org.wasmdbms.memory.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.PageStore;

class CatalogTest {
  private final HeapMemoryProvider provider = new HeapMemoryProvider();
  private final Pager pager = Pager.open(provider);

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void definitionsAndTableIdsPersist() {
    Catalog catalog = Catalog.open(pager);
    assertEquals(List.of(), catalog.names());
    assertEquals(0, catalog.put("users", text("u1")));
    assertEquals(1, catalog.put("posts", text("p1")));
    assertEquals(0, catalog.put("users", text("u2")));
    byte[] large = new byte[200_000];
    large[199_999] = 7;
    assertEquals(2, catalog.put("caf\u00e9", large));
    Catalog reopened = Catalog.open(Pager.open(provider));
    assertEquals(List.of("caf\u00e9", "posts", "users"), List.copyOf(reopened.names()));
    assertArrayEquals(text("u2"), reopened.get("users").orElseThrow());
    assertArrayEquals(large, reopened.get("caf\u00e9").orElseThrow());
    assertEquals(1, reopened.tableId("posts").getAsInt());
    assertTrue(reopened.get("comments").isEmpty());
    assertTrue(reopened.tableId("comments").isEmpty());
  }

  @Test
  void holdsTellsWhetherTheStoredDefinitionIsTheGivenBytes() {
    Catalog catalog = Catalog.open(pager);
    catalog.put("users", text("u1"));
    assertTrue(catalog.holds("users", text("u1")));
    assertFalse(catalog.holds("users", text("u2")), "other bytes");
    assertFalse(catalog.holds("users", text("u1x")), "a longer definition");
    assertFalse(catalog.holds("posts", text("u1")), "no such table");
    catalog.put("users", text("u2"));
    assertFalse(catalog.holds("users", text("u1")), "replaced");
    assertTrue(Catalog.open(Pager.open(provider)).holds("users", text("u2")), "reopened");
  }

  @Test
  void removedIdsAreNotReusedAndOldChainsAreFreed() {
    Catalog catalog = Catalog.open(pager);
    catalog.put("a", text("x"));
    catalog.put("b", text("y"));
    assertTrue(catalog.remove("a"));
    assertFalse(catalog.remove("a"));
    assertEquals(2, catalog.put("a", text("z")));
    Catalog reopened = Catalog.open(Pager.open(provider));
    assertEquals(2, reopened.tableId("a").getAsInt());
    assertEquals(1, reopened.tableId("b").getAsInt());
    assertEquals(2, pager.pageCount() - pager.freePageCount());
  }

  @Test
  void badNamesAreRefusedWithoutChange() {
    Catalog catalog = Catalog.open(pager);
    catalog.put("t", text("d"));
    String tooLong = "x".repeat(Catalog.MAX_NAME_BYTES + 1);
    assertThrows(ConstraintViolationException.class, () -> catalog.put(tooLong, text("d")));
    assertThrows(ConstraintViolationException.class, () -> catalog.put("", text("d")));
    catalog.put("x".repeat(Catalog.MAX_NAME_BYTES), text("d"));
    assertEquals(2, Catalog.open(Pager.open(provider)).names().size());
  }

  @Test
  void corruptRegistryIsAMemoryError() {
    Catalog catalog = Catalog.open(pager);
    catalog.put("t", text("definition"));
    long root = pager.root(Pager.ROOT_CATALOG_PAGE);
    byte[] badCount = new byte[4];
    LittleEndian.putInt(badCount, 0, 1000);
    provider.write(root * PageStore.PAGE_SIZE + BlobChain.HEADER + 12, badCount);
    assertThrows(MemoryException.class, () -> Catalog.open(Pager.open(provider)));
  }
}
