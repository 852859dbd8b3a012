package org.wasmdbms.memory.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.PageStore;

class RecordStoreTest {
  private final HeapMemoryProvider provider = new HeapMemoryProvider();
  private Pager pager = Pager.open(provider);
  private RecordStore store = new RecordStore(pager);

  private void reopen() {
    pager = Pager.open(provider);
    store = new RecordStore(pager);
  }

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 7 + seed);
    }
    return bytes;
  }

  private List<Long> scanIds(int table) {
    List<Long> ids = new ArrayList<>();
    RecordCursor cursor = store.scan(table);
    while (cursor.next()) {
      ids.add(cursor.recordId());
    }
    return ids;
  }

  @Test
  void recordsOfEverySizeClassRoundTrip() {
    int[] sizes = {0, 1, 8, 9, 100, RecordStore.MAX_INLINE_SIZE, RecordStore.MAX_INLINE_SIZE + 1};
    List<Long> ids = new ArrayList<>();
    for (int size : sizes) {
      ids.add(store.insert(0, bytes(size, size)));
    }
    reopen();
    for (int i = 0; i < sizes.length; i++) {
      assertArrayEquals(bytes(sizes[i], sizes[i]), store.read(ids.get(i)));
    }
    assertEquals(ids, scanIds(0));
  }

  @Test
  void recordsUpToTheMaximumFitAndLargerOnesAreRefused() {
    byte[] big = bytes(17 << 20, 3);
    long id = store.insert(1, big);
    assertArrayEquals(big, store.read(id));
    long pages = pager.pageCount();
    long free = pager.freePageCount();
    assertThrows(
        ConstraintViolationException.class,
        () -> store.insert(1, new byte[RecordStore.MAX_RECORD_SIZE + 1]));
    assertThrows(
        ConstraintViolationException.class,
        () -> store.overwrite(id, new byte[RecordStore.MAX_RECORD_SIZE + 1]));
    assertEquals(pages, pager.pageCount());
    assertEquals(free, pager.freePageCount());
    store.delete(id);
    assertEquals(2, pager.pageCount() - pager.freePageCount());
  }

  @Test
  void overwriteKeepsTheIdThroughGrowthAndShrinkage() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      ids.add(store.insert(0, bytes(90, i)));
    }
    long first = ids.get(0);
    byte[] grown = bytes(9000, 1);
    store.overwrite(first, grown);
    assertArrayEquals(grown, store.read(first));
    byte[] overflow = bytes(100_000, 2);
    store.overwrite(first, overflow);
    assertArrayEquals(overflow, store.read(first));
    store.overwrite(first, bytes(3, 3));
    assertArrayEquals(bytes(3, 3), store.read(first));
    reopen();
    assertArrayEquals(bytes(3, 3), store.read(first));
    assertEquals(ids, scanIds(0));
    for (long id : ids) {
      store.delete(id);
    }
    assertEquals(2, pager.pageCount() - pager.freePageCount());
  }

  @Test
  void deletedSpaceIsReusedInsideAPage() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      ids.add(store.insert(0, bytes(100, i)));
    }
    long pages = pager.pageCount();
    for (int i = 0; i < 600; i += 2) {
      store.delete(ids.get(i));
    }
    for (int i = 0; i < 300; i++) {
      store.insert(0, bytes(100, i));
    }
    assertEquals(pages, pager.pageCount());
    assertEquals(600, scanIds(0).size());
  }

  @Test
  void badIdsAreMemoryErrors() {
    long id = store.insert(0, bytes(10, 0));
    long page = id >>> 16;
    assertThrows(MemoryException.class, () -> store.read(-1));
    assertThrows(MemoryException.class, () -> store.read(0));
    assertThrows(MemoryException.class, () -> store.read(id + 1));
    assertThrows(MemoryException.class, () -> store.read((page + 5) << 16));
    assertThrows(MemoryException.class, () -> store.read(Long.MAX_VALUE));
    store.delete(id);
    assertThrows(MemoryException.class, () -> store.read(id));
    assertThrows(MemoryException.class, () -> store.delete(id));
    assertThrows(MemoryException.class, () -> store.overwrite(id, new byte[1]));
    assertThrows(MemoryException.class, () -> store.insert(-1, new byte[1]));
    assertThrows(MemoryException.class, () -> store.scan(RecordStore.MAX_TABLES));
  }

  @Test
  void movedBodiesAreNotVisibleByTheirOwnIds() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      ids.add(store.insert(0, bytes(90, i)));
    }
    store.overwrite(ids.get(0), bytes(12_000, 1));
    long lastPage = ids.get(ids.size() - 1) >>> 16;
    List<Long> all = scanIds(0);
    assertEquals(ids.size(), all.size());
    for (long candidate = lastPage << 16; candidate < (lastPage << 16) + 20; candidate++) {
      if (!ids.contains(candidate)) {
        long probe = candidate;
        assertThrows(MemoryException.class, () -> store.read(probe));
      }
    }
  }

  @Test
  void cursorFailsOnceTheTableChanges() {
    store.insert(0, bytes(5, 0));
    store.insert(0, bytes(5, 1));
    RecordCursor cursor = store.scan(0);
    assertThrows(MemoryException.class, cursor::recordId);
    assertTrue(cursor.next());
    store.insert(0, bytes(5, 2));
    assertThrows(MemoryException.class, cursor::next);
  }

  @Test
  void dropTableFreesEveryPage() {
    for (int i = 0; i < 2000; i++) {
      store.insert(2, bytes(i % 50 == 0 ? 70_000 : 100, i));
    }
    store.insert(1, bytes(10, 0));
    store.dropTable(2);
    assertEquals(List.of(), scanIds(2));
    assertEquals(1, scanIds(1).size());
    assertEquals(3, pager.pageCount() - pager.freePageCount());
    reopen();
    assertEquals(List.of(), scanIds(2));
    store.insert(2, bytes(10, 0));
    assertEquals(1, scanIds(2).size());
  }

  @Test
  void insertingAndDeletingManyRowsTenTimesReusesTheSpace() {
    int rows = 100_000;
    long pagesAfterFirstRound = 0;
    long[] ids = new long[rows];
    for (int round = 0; round < 10; round++) {
      for (int i = 0; i < rows; i++) {
        ids[i] = store.insert(0, bytes(50 + (i + round) % 31, i));
      }
      if (round == 0) {
        pagesAfterFirstRound = pager.pageCount();
      }
      for (int i = 0; i < rows; i++) {
        store.delete(ids[(int) ((i * 7919L) % rows)]);
      }
    }
    System.out.println(
        "pages after round 1: " + pagesAfterFirstRound + ", after 10: " + pager.pageCount());
    assertTrue(pager.pageCount() <= pagesAfterFirstRound * 3 / 2);
    assertEquals(2, pager.pageCount() - pager.freePageCount());
  }

  @Test
  void corruptPageHeaderIsAMemoryError() {
    long id = store.insert(0, bytes(10, 0));
    long page = id >>> 16;
    byte[] badCount = new byte[4];
    LittleEndian.putInt(badCount, 0, 60_000);
    provider.write(page * PageStore.PAGE_SIZE + 24, badCount);
    assertThrows(MemoryException.class, () -> store.read(id));
    assertThrows(MemoryException.class, () -> scanIds(0));
  }

  @Test
  void corruptSlotIsAMemoryError() {
    long id = store.insert(0, bytes(10, 0));
    long page = id >>> 16;
    provider.write(page * PageStore.PAGE_SIZE + DataPage.HEADER + 4, new byte[] {5, 0});
    assertThrows(MemoryException.class, () -> store.read(id));
  }

  @Test
  void loopingTableChainIsReportedNotFollowed() {
    long id = 0;
    for (int i = 0; i < 1500; i++) {
      id = store.insert(0, bytes(100, i));
    }
    long lastPage = id >>> 16;
    byte[] link = new byte[8];
    LittleEndian.putLong(link, 0, lastPage);
    provider.write(lastPage * PageStore.PAGE_SIZE + 16, link);
    reopen();
    assertThrows(MemoryException.class, () -> scanIds(0));
    assertThrows(MemoryException.class, () -> store.insert(0, new byte[1]));
  }

  @Test
  void corruptOverflowChainIsAMemoryError() {
    long id = store.insert(0, bytes(200_000, 0));
    byte[] pointer = new byte[12];
    pager.read(id >>> 16, PageStore.PAGE_SIZE - 12, pointer, 0, 12);
    long first = LittleEndian.getLong(pointer, 0);
    byte[] selfLink = new byte[8];
    LittleEndian.putLong(selfLink, 0, first);
    provider.write(first * PageStore.PAGE_SIZE + 8, selfLink);
    assertThrows(MemoryException.class, () -> store.read(id));
    assertThrows(MemoryException.class, () -> store.delete(id));
    assertFalse(pager.isFree(first));
  }
}
