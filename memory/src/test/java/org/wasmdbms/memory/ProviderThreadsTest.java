package org.wasmdbms.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wasmdbms.memory.journal.JournaledMemoryProvider;

/**
 * The providers shared by several threads: each thread owns a few pages and writes, reads back and
 * (through the journal) commits them while the others do the same, with a two-page cache so that
 * every call evicts. Every read must return what its thread wrote last. Prints its seed.
 */
class ProviderThreadsTest {
  private static final int THREADS = 4;
  private static final int PAGES_PER_THREAD = 3;
  private static final int ROUNDS = 1500;

  @Test
  void cacheSharedByThreads() throws Exception {
    hammer(new CachedMemoryProvider(new HeapMemoryProvider(), 2));
  }

  @Test
  void journalOverCachesSharedByThreads() throws Exception {
    hammer(
        JournaledMemoryProvider.open(
            new CachedMemoryProvider(new HeapMemoryProvider(), 2),
            new CachedMemoryProvider(new HeapMemoryProvider(), 2),
            4L * MemoryProvider.PAGE_SIZE));
  }

  private static void useSharedPage(
      MemoryProvider provider, long shared, Random random, byte[] buffer) {
    if (random.nextBoolean()) {
      Arrays.fill(buffer, (byte) random.nextInt());
      provider.write(shared, buffer);
      return;
    }
    provider.read(shared, buffer);
    for (byte b : buffer) {
      assertEquals(buffer[0], b, "a torn read of the shared page");
    }
  }

  private static void hammer(MemoryProvider provider) throws Exception {
    long seed = System.nanoTime();
    System.out.println("ProviderThreadsTest seed=" + seed);
    provider.grow((long) THREADS * PAGES_PER_THREAD + 1);
    long shared = (long) THREADS * PAGES_PER_THREAD * MemoryProvider.PAGE_SIZE;
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(THREADS);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      threads.add(
          new Thread(
              () -> {
                Random random = new Random(seed + thread);
                start.countDown();
                byte[][] mine = new byte[PAGES_PER_THREAD][MemoryProvider.PAGE_SIZE];
                byte[] read = new byte[MemoryProvider.PAGE_SIZE];
                try {
                  start.await();
                  for (int round = 0; round < ROUNDS; round++) {
                    if (random.nextBoolean()) {
                      useSharedPage(provider, shared, random, read);
                      continue;
                    }
                    int page = random.nextInt(PAGES_PER_THREAD);
                    long offset =
                        ((long) thread * PAGES_PER_THREAD + page) * MemoryProvider.PAGE_SIZE;
                    int from = random.nextInt(MemoryProvider.PAGE_SIZE - 4096);
                    int length = 1 + random.nextInt(4096);
                    byte[] bytes = new byte[length];
                    random.nextBytes(bytes);
                    provider.write(offset + from, bytes);
                    System.arraycopy(bytes, 0, mine[page], from, length);
                    if (random.nextInt(4) == 0) {
                      provider.commit();
                    }
                    provider.read(offset, read);
                    assertArrayEquals(mine[page], read, "seed=" + seed + " thread " + thread);
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(60_000);
      assertFalse(thread.isAlive());
    }
    provider.close();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }
}
