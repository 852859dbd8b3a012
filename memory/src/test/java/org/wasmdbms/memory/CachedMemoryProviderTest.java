package org.wasmdbms.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;

/**
 * {@link CachedMemoryProvider}: the provider contract with a cache small enough to evict all the
 * time, a seeded random comparison with an uncached provider, and what it does when the provider
 * below fails a write.
 */
class CachedMemoryProviderTest extends MemoryProviderContractTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  @Override
  protected MemoryProvider newProvider() {
    return new CachedMemoryProvider(new HeapMemoryProvider(), 2);
  }

  @Override
  protected MemoryProvider reopen(MemoryProvider provider) {
    return provider;
  }

  @Override
  protected MemoryProvider newProvider(StorageFailure failure) {
    return new CachedMemoryProvider(failure.below(new HeapMemoryProvider()), 2);
  }

  @Test
  void randomReadsAndWritesMatchAnUncachedProvider() {
    long seed = new Random().nextLong();
    System.out.println("CachedMemoryProviderTest seed=" + seed);
    Random random = new Random(seed);
    HeapMemoryProvider plain = new HeapMemoryProvider();
    CachedMemoryProvider cached = new CachedMemoryProvider(new HeapMemoryProvider(), 3);
    plain.grow(8);
    cached.grow(8);
    for (int step = 0; step < 5_000; step++) {
      long offset = random.nextInt(8 * PAGE);
      int length = (int) Math.min(random.nextInt(3 * PAGE / 2), 8L * PAGE - offset);
      if (random.nextInt(3) == 0) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        plain.write(offset, data);
        cached.write(offset, data);
      } else {
        byte[] expected = new byte[length];
        byte[] actual = new byte[length];
        plain.read(offset, expected);
        cached.read(offset, actual);
        assertArrayEquals(expected, actual, "seed " + seed + ", step " + step);
      }
      assertTrue(cached.cachedPages() <= 3, "seed " + seed + ": the cache passed its bound");
    }
    cached.close();
  }

  @Test
  void aFailedWriteDropsThePagesItTouched() {
    byte[] page = new byte[PAGE];
    java.util.Arrays.fill(page, (byte) 7);
    StorageFailure failure = new StorageFailure();
    CachedMemoryProvider cached =
        new CachedMemoryProvider(failure.below(new HeapMemoryProvider()), 4);
    cached.grow(2);
    cached.write(0, page);
    cached.read(0, new byte[PAGE]);
    assertEquals(1, cached.cachedPages());
    failure.failAfter(1);
    assertThrows(MemoryException.class, () -> cached.write(10, new byte[] {1, 2, 3}));
    assertEquals(0, cached.cachedPages());
    byte[] read = new byte[3];
    cached.read(10, read);
    assertArrayEquals(
        new byte[] {1, 7, 7}, read, "what the provider holds, not the old cached bytes");
    cached.close();
  }
}
