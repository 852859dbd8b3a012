package org.wasmdbms.memory.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.PageStore;

class PagerTest {
  private static final int PAGE = PageStore.PAGE_SIZE;

  private final HeapMemoryProvider provider = new HeapMemoryProvider();

  @Test
  void freshProviderIsFormattedWithOnlyTheHeaderPage() {
    Pager pager = Pager.open(provider);
    assertEquals(1, pager.pageCount());
    assertEquals(0, pager.freePageCount());
    byte[] magic = new byte[5];
    provider.read(0, magic);
    assertArrayEquals("WDBMS".getBytes(java.nio.charset.StandardCharsets.US_ASCII), magic);
    Pager.open(provider);
  }

  @Test
  void reusingAFreedPageWritesZerosOnlyWhereItWasNotZero() {
    Pager pager = Pager.open(provider);
    long page = pager.allocate();
    java.util.Random random = new java.util.Random(27);
    for (int i = 0; i < 40; i++) {
      byte[] bytes = new byte[1 + random.nextInt(12)];
      random.nextBytes(bytes);
      bytes[0] = 1;
      pager.write(page, random.nextInt(PAGE - bytes.length), bytes, 0, bytes.length);
    }
    pager.write(page, PAGE - 1, new byte[] {7}, 0, 1);
    pager.free(page);

    assertEquals(page, pager.allocate());
    byte[] read = new byte[PAGE];
    pager.read(page, 0, read, 0, PAGE);
    assertArrayEquals(new byte[PAGE], read);
    // 40 writes of at most 12 bytes, the last byte and the free-list trunk header (16 bytes),
    // each stretch padded by fewer than 64 zero bytes: far from the 65,536 of a whole page.
    long written = pager.bytesWrittenForZeroing();
    assertTrue(written > 0 && written <= 42 * (12 + 64) + 16, "bytes written: " + written);
  }

  @Test
  void allocateGrowsAndFreedPagesAreReusedZeroed() {
    Pager pager = Pager.open(provider);
    long a = pager.allocate();
    long b = pager.allocate();
    assertEquals(1, a);
    assertEquals(2, b);
    pager.write(a, 100, new byte[] {1, 2, 3}, 0, 3);
    pager.free(a);
    assertTrue(pager.isFree(a));
    assertEquals(1, pager.freePageCount());
    assertEquals(a, pager.allocate());
    assertFalse(pager.isFree(a));
    byte[] read = new byte[PAGE];
    pager.read(a, 0, read, 0, PAGE);
    assertArrayEquals(new byte[PAGE], read);
    assertEquals(3, pager.pageCount());
  }

  @Test
  void freeListSpansSeveralTrunksAndSurvivesReopen() {
    Pager pager = Pager.open(provider);
    int count = Pager.TRUNK_CAPACITY + 110;
    for (int i = 0; i < count; i++) {
      pager.allocate();
    }
    for (long page = 1; page <= count; page++) {
      pager.free(page);
    }
    assertEquals(count, pager.freePageCount());
    Pager reopened = Pager.open(provider);
    assertEquals(count, reopened.freePageCount());
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      long page = reopened.allocate();
      assertTrue(page >= 1 && page <= count, "reused page " + page);
      assertTrue(seen.add(page), "page handed out twice: " + page);
    }
    assertEquals(count - 300, reopened.freePageCount());
    assertEquals(count + 1, reopened.pageCount());
    assertEquals(count - 300, Pager.open(provider).freePageCount());
  }

  @Test
  void invalidFreesAndWritesAreRefused() {
    Pager pager = Pager.open(provider);
    long page = pager.allocate();
    byte[] one = {1};
    assertThrows(MemoryException.class, () -> pager.free(0));
    assertThrows(MemoryException.class, () -> pager.free(5));
    assertThrows(MemoryException.class, () -> pager.free(-1));
    assertThrows(MemoryException.class, () -> pager.write(0, 200, one, 0, 1));
    pager.free(page);
    assertThrows(MemoryException.class, () -> pager.free(page));
    assertThrows(MemoryException.class, () -> pager.write(page, 0, one, 0, 1));
    assertEquals(1, pager.freePageCount());
  }

  @Test
  void rangesOutsideAPageAreRefused() {
    Pager pager = Pager.open(provider);
    long page = pager.allocate();
    byte[] buffer = new byte[16];
    assertThrows(MemoryException.class, () -> pager.read(page, PAGE - 8, buffer, 0, 16));
    assertThrows(MemoryException.class, () -> pager.write(page, -1, buffer, 0, 1));
    assertThrows(MemoryException.class, () -> pager.read(page, 0, buffer, 0, -1));
    assertThrows(MemoryException.class, () -> pager.read(page + 1, 0, buffer, 0, 1));
    assertThrows(MemoryException.class, () -> pager.write(page, 0, buffer, 10, 8));
  }

  @Test
  void rootsPersistAndUnknownSlotsAreRefused() {
    Pager pager = Pager.open(provider);
    pager.setRoot(Pager.ROOT_TABLE_DIRECTORY, 42);
    pager.setRoot(7, -5);
    Pager reopened = Pager.open(provider);
    assertEquals(42, reopened.root(Pager.ROOT_TABLE_DIRECTORY));
    assertEquals(-5, reopened.root(7));
    assertEquals(0, reopened.root(2));
    assertThrows(MemoryException.class, () -> reopened.root(8));
    assertThrows(MemoryException.class, () -> reopened.setRoot(-1, 0));
  }

  private MemoryException openFails() {
    return assertThrows(MemoryException.class, () -> Pager.open(provider));
  }

  @Test
  void foreignContentIsRefused() {
    provider.grow(1);
    provider.write(0, "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(openFails().detail().contains("magic"));
  }

  @Test
  void newerFormatVersionIsRefused() {
    Pager.open(provider);
    provider.write(8, new byte[] {2, 0, 0, 0});
    String detail = openFails().detail();
    assertTrue(detail.contains("version 2") && detail.contains("newer"), detail);
  }

  @Test
  void otherPageSizeIsRefused() {
    Pager.open(provider);
    provider.write(12, new byte[] {0, 0x10, 0, 0});
    String detail = openFails().detail();
    assertTrue(detail.contains("page size 4096"), detail);
  }

  @Test
  void corruptHeaderFailsItsChecksum() {
    Pager.open(provider);
    provider.write(40, new byte[] {9});
    assertTrue(openFails().detail().contains("checksum"));
  }

  @Test
  void freeListLoopIsReportedNotFollowed() {
    Pager pager = Pager.open(provider);
    long trunk = pager.allocate();
    pager.allocate();
    pager.free(trunk);
    byte[] selfLink = new byte[8];
    LittleEndian.putLong(selfLink, 0, trunk);
    provider.write(trunk * PAGE + 8, selfLink);
    assertTrue(openFails().detail().contains("corrupt free list"));
  }

  @Test
  void freeListEntryOutOfRangeIsReported() {
    Pager pager = Pager.open(provider);
    long trunk = pager.allocate();
    long other = pager.allocate();
    pager.free(trunk);
    pager.free(other);
    byte[] bad = new byte[8];
    LittleEndian.putLong(bad, 0, 1000);
    provider.write(trunk * PAGE + 16, bad);
    assertTrue(openFails().detail().contains("out of range"));
  }

  @Test
  void outOfSpaceOnAllocateChangesNothing() {
    Pager pager = Pager.open(new HeapMemoryProvider(2));
    pager.allocate();
    assertThrows(MemoryException.class, pager::allocate);
    assertEquals(2, pager.pageCount());
    assertEquals(MemoryProvider.PAGE_SIZE, PAGE);
  }
}
