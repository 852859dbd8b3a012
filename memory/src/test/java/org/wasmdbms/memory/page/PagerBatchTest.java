package org.wasmdbms.memory.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.memory.ForwardingProvider;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.PageStore;

/**
 * Batches of page writes ({@link Pager#beginBatch()}): a pager in batches reads and writes exactly
 * like one without, and leaves the same bytes in its provider once each batch ends.
 */
class PagerBatchTest {
  private static final int PAGE = PageStore.PAGE_SIZE;

  /**
   * Two pagers get the same random allocations, frees, writes and reads, one of them in random
   * batches: every read answers the same, and at the end of every batch both providers hold the
   * same bytes.
   */
  @Test
  void batchedPagerMatchesAPlainOne() {
    long seed = System.nanoTime();
    System.out.println("PagerBatchTest seed=" + seed);
    Random random = new Random(seed);
    HeapMemoryProvider plainProvider = new HeapMemoryProvider();
    HeapMemoryProvider batchedProvider = new HeapMemoryProvider();
    Pager plain = Pager.open(plainProvider);
    Pager batched = Pager.open(batchedProvider);
    List<Long> pages = new ArrayList<>();
    for (int step = 0; step < 4_000; step++) {
      int what = random.nextInt(100);
      String where = "seed " + seed + " step " + step;
      if (what < 3) {
        batched.beginBatch();
      } else if (what < 6) {
        batched.endBatch();
        assertSameBytes(plainProvider, batchedProvider, where);
      } else if (what < 12 || pages.isEmpty()) {
        long page = plain.allocate();
        assertEquals(page, batched.allocate(), where);
        pages.add(page);
      } else if (what < 16) {
        long page = pages.remove(random.nextInt(pages.size()));
        plain.free(page);
        batched.free(page);
      } else {
        long page = pages.get(random.nextInt(pages.size()));
        int length = random.nextInt(10) == 0 ? random.nextInt(PAGE) : random.nextInt(300);
        int offset = random.nextInt(PAGE - length + 1);
        byte[] bytes = new byte[length];
        if (what < 60) {
          random.nextBytes(bytes);
          plain.write(page, offset, bytes, 0, length);
          batched.write(page, offset, bytes, 0, length);
        } else {
          byte[] other = new byte[length];
          plain.read(page, offset, bytes, 0, length);
          batched.read(page, offset, other, 0, length);
          assertArrayEquals(bytes, other, where);
        }
      }
    }
    batched.commit();
    assertSameBytes(plainProvider, batchedProvider, "seed " + seed + " at the end");
    assertEquals(plain.freePageCount(), Pager.open(batchedProvider).freePageCount());
  }

  /** A batch that touches more pages than it holds writes the oldest ones out and goes on. */
  @Test
  void aBatchOfMorePagesThanItHoldsLosesNothing() {
    HeapMemoryProvider provider = new HeapMemoryProvider();
    Pager pager = Pager.open(provider);
    int count = PageBuffer.MAX_PAGES + 40;
    long[] pages = new long[count];
    for (int i = 0; i < count; i++) {
      pages[i] = pager.allocate();
    }
    pager.beginBatch();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < count; i++) {
        pager.write(pages[i], 100 * round, new byte[] {(byte) i, (byte) round}, 0, 2);
      }
    }
    pager.endBatch();
    for (int i = 0; i < count; i++) {
      byte[] bytes = new byte[102];
      provider.read(pages[i] * PAGE, bytes);
      assertEquals((byte) i, bytes[0]);
      assertEquals((byte) i, bytes[100]);
      assertEquals(1, bytes[101]);
    }
  }

  /**
   * Many small writes to a few pages reach the provider once per changed stretch when the batch
   * ends, and not before.
   */
  @Test
  void aBatchWritesEachChangedStretchOnce() {
    CountingWrites provider = new CountingWrites();
    Pager pager = Pager.open(provider);
    long data = pager.allocate();
    long index = pager.allocate();
    long before = provider.writes;
    pager.beginBatch();
    for (int i = 0; i < 1_000; i++) {
      pager.write(data, 40 * i, new byte[40], 0, 40);
      pager.write(data, 8, new byte[] {(byte) i}, 0, 1);
      pager.write(index, PAGE - 20 * (i + 1), new byte[20], 0, 20);
    }
    assertEquals(before, provider.writes, "a batch wrote before it ended");
    pager.endBatch();
    long writes = provider.writes - before;
    assertTrue(writes <= 3, writes + " writes");
    assertEquals(writes, pager.batchProviderWrites());
  }

  private static void assertSameBytes(MemoryProvider a, MemoryProvider b, String where) {
    assertEquals(a.pages(), b.pages(), where);
    byte[] left = new byte[PAGE];
    byte[] right = new byte[PAGE];
    for (long page = 0; page < a.pages(); page++) {
      a.read(page * PAGE, left);
      b.read(page * PAGE, right);
      assertArrayEquals(left, right, where + ", page " + page);
    }
  }

  /** A heap provider that counts writes. */
  private static final class CountingWrites extends ForwardingProvider {
    long writes;

    CountingWrites() {
      super(new HeapMemoryProvider());
    }

    @Override
    public void write(long offset, byte[] buffer, int bufferOffset, int length) {
      writes++;
      super.write(offset, buffer, bufferOffset, length);
    }
  }
}
