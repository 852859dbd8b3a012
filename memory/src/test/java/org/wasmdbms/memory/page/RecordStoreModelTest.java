package org.wasmdbms.memory.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wasmdbms.memory.MemoryProvider;

/**
 * Random inserts, overwrites and deletes of records of random sizes (overflow included) in a few
 * tables, checked against a {@link HashMap} model, with the store closed and reopened along the
 * way. Subclasses supply the provider. Seed override: {@code -Drecordstore.seed=N}.
 */
public abstract class RecordStoreModelTest {
  /** A fresh, empty provider. */
  protected abstract MemoryProvider newProvider();

  /**
   * A provider over the same content: persistent providers are closed and opened again, volatile
   * ones are returned unchanged.
   */
  protected abstract MemoryProvider reopen(MemoryProvider provider);

  private static final int TABLES = 3;

  private MemoryProvider provider;
  private Pager pager;
  private RecordStore store;

  private void open() {
    pager = Pager.open(provider);
    store = new RecordStore(pager);
  }

  private static byte[] randomRecord(SplittableRandom random) {
    int size;
    int pick = random.nextInt(100);
    if (pick < 80) {
      size = random.nextInt(120);
    } else if (pick < 96) {
      size = random.nextInt(120, RecordStore.MAX_INLINE_SIZE + 1);
    } else {
      size = random.nextInt(RecordStore.MAX_INLINE_SIZE + 1, 300_000);
    }
    byte[] record = new byte[size];
    random.nextBytes(record);
    return record;
  }

  @Test
  void randomOperationsMatchTheModel() {
    long seed = Long.getLong("recordstore.seed", System.nanoTime());
    System.out.println(getClass().getSimpleName() + " seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    provider = newProvider();
    open();
    Map<Long, byte[]> model = new HashMap<>();
    Map<Long, Integer> tableOf = new HashMap<>();
    List<Long> ids = new ArrayList<>();
    for (int step = 0; step < 6000; step++) {
      int op = random.nextInt(100);
      if (op < 50 || ids.isEmpty()) {
        int table = random.nextInt(TABLES);
        byte[] record = randomRecord(random);
        long id = store.insert(table, record);
        assertFalse(model.containsKey(id), "id handed out twice: " + id);
        model.put(id, record);
        tableOf.put(id, table);
        ids.add(id);
      } else if (op < 75) {
        long id = ids.get(random.nextInt(ids.size()));
        byte[] record = randomRecord(random);
        store.overwrite(id, record);
        model.put(id, record);
      } else if (op < 98) {
        int index = random.nextInt(ids.size());
        long id = ids.get(index);
        ids.set(index, ids.get(ids.size() - 1));
        ids.remove(ids.size() - 1);
        store.delete(id);
        model.remove(id);
        tableOf.remove(id);
      } else {
        provider = reopen(provider);
        open();
      }
      if (step % 500 == 0) {
        checkAll(model, tableOf);
      }
    }
    provider = reopen(provider);
    open();
    checkAll(model, tableOf);
    for (long id : ids) {
      store.delete(id);
    }
    checkAll(new HashMap<>(), new HashMap<>());
    // Everything but the header and the table directory is back on the free list.
    assertEquals(2, pager.pageCount() - pager.freePageCount());
    pager.close();
  }

  private void checkAll(Map<Long, byte[]> model, Map<Long, Integer> tableOf) {
    for (Map.Entry<Long, byte[]> e : model.entrySet()) {
      assertArrayEquals(e.getValue(), store.read(e.getKey()), "record " + e.getKey());
    }
    int seen = 0;
    for (int table = 0; table < TABLES; table++) {
      RecordCursor cursor = store.scan(table);
      List<Long> order = new ArrayList<>();
      while (cursor.next()) {
        long id = cursor.recordId();
        assertEquals(table, tableOf.get(id), "record " + id + " scanned in the wrong table");
        assertArrayEquals(model.get(id), cursor.record());
        order.add(id);
        seen++;
      }
      List<Long> again = new ArrayList<>();
      RecordCursor second = store.scan(table);
      while (second.next()) {
        again.add(second.recordId());
      }
      assertEquals(order, again, "scan order is not stable");
    }
    assertEquals(model.size(), seen);
    assertTrue(pager.freePageCount() < pager.pageCount());
  }
}
