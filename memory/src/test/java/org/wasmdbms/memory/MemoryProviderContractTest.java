package org.wasmdbms.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;

/**
 * The {@link MemoryProvider} contract, run against every implementation by a subclass that supplies
 * {@link #newProvider()} and {@link #reopen(MemoryProvider)}.
 */
public abstract class MemoryProviderContractTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  private MemoryProvider provider;

  /** A fresh, empty provider; each call must return an independent one. */
  protected abstract MemoryProvider newProvider();

  /**
   * A provider over the same content as {@code provider}: a persistent provider is closed and
   * opened again; a volatile one is returned unchanged (it has nothing to reopen from).
   */
  protected abstract MemoryProvider reopen(MemoryProvider provider);

  /**
   * A fresh provider like {@link #newProvider()} whose storage writes through {@code failure}, so
   * that a write can fail part-way as on a full disk; null (the default) for a provider with
   * nothing below it that can fail, such as the heap. {@link #reopen} must accept it.
   */
  protected MemoryProvider newProvider(StorageFailure failure) {
    return null;
  }

  private MemoryProvider provider() {
    if (provider == null) {
      provider = newProvider();
    }
    return provider;
  }

  @AfterEach
  void closeProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  private static byte[] pattern(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  @Test
  void newProviderIsEmpty() {
    assertEquals(0, provider().pages());
    assertEquals(0, provider().size());
  }

  @Test
  void growReturnsPreviousPageCountAndSizeFollowsPages() {
    MemoryProvider p = provider();
    assertEquals(0, p.grow(2));
    assertEquals(2, p.grow(0));
    assertEquals(2, p.grow(3));
    assertEquals(5, p.pages());
    assertEquals(5L * PAGE, p.size());
  }

  @Test
  void grownBytesReadAsZero() {
    MemoryProvider p = provider();
    p.grow(1);
    p.write(0, pattern(PAGE, 7));
    p.grow(2);
    byte[] read = new byte[2 * PAGE];
    p.read(PAGE, read);
    assertArrayEquals(new byte[2 * PAGE], read);
  }

  @Test
  void writeThenReadAcrossPageBoundaries() {
    MemoryProvider p = provider();
    p.grow(3);
    byte[] data = pattern(PAGE + 100, 3);
    p.write(PAGE - 50, data);
    byte[] read = new byte[data.length];
    p.read(PAGE - 50, read);
    assertArrayEquals(data, read);
    byte[] before = new byte[10];
    p.read(PAGE - 60, before);
    assertArrayEquals(new byte[10], before);
  }

  @Test
  void bufferSubrangesAreHonoured() {
    MemoryProvider p = provider();
    p.grow(1);
    byte[] source = pattern(20, 1);
    p.write(100, source, 5, 10);
    byte[] target = new byte[30];
    Arrays.fill(target, (byte) -1);
    p.read(100, target, 7, 10);
    for (int i = 0; i < 30; i++) {
      byte expected = i >= 7 && i < 17 ? source[i - 7 + 5] : (byte) -1;
      assertEquals(expected, target[i], "byte " + i);
    }
  }

  @Test
  void zeroLengthTransfersAtTheEndAreAllowed() {
    MemoryProvider p = provider();
    p.grow(1);
    p.write(PAGE, new byte[0]);
    p.read(PAGE, new byte[0]);
    p.read(PAGE, new byte[4], 4, 0);
  }

  @Test
  void outOfBoundsReadThrowsAndTransfersNothing() {
    MemoryProvider p = provider();
    p.grow(1);
    p.write(PAGE - 4, new byte[] {1, 2, 3, 4});
    byte[] target = new byte[8];
    Arrays.fill(target, (byte) 9);
    assertThrows(MemoryException.class, () -> p.read(PAGE - 4, target));
    assertThrows(MemoryException.class, () -> p.read(Long.MAX_VALUE - 2, target));
    byte[] untouched = new byte[8];
    Arrays.fill(untouched, (byte) 9);
    assertArrayEquals(untouched, target);
  }

  @Test
  void outOfBoundsWriteThrowsAndTransfersNothing() {
    MemoryProvider p = provider();
    p.grow(1);
    assertThrows(MemoryException.class, () -> p.write(PAGE - 4, pattern(8, 5)));
    assertThrows(MemoryException.class, () -> p.write(PAGE, pattern(1, 5)));
    byte[] tail = new byte[4];
    p.read(PAGE - 4, tail);
    assertArrayEquals(new byte[4], tail);
    assertEquals(1, p.pages());
  }

  @Test
  void negativeArgumentsThrow() {
    MemoryProvider p = provider();
    p.grow(1);
    byte[] buffer = new byte[8];
    assertThrows(MemoryException.class, () -> p.grow(-1));
    assertThrows(MemoryException.class, () -> p.read(-1, buffer));
    assertThrows(MemoryException.class, () -> p.write(-1, buffer));
    assertThrows(MemoryException.class, () -> p.read(0, buffer, 0, -1));
    assertThrows(MemoryException.class, () -> p.write(0, buffer, -1, 4));
    assertEquals(1, p.pages());
  }

  @Test
  void bufferRangesOutsideTheArrayThrow() {
    MemoryProvider p = provider();
    p.grow(1);
    byte[] buffer = new byte[8];
    assertThrows(MemoryException.class, () -> p.read(0, buffer, 4, 5));
    assertThrows(MemoryException.class, () -> p.write(0, buffer, 9, 0));
    assertThrows(MemoryException.class, () -> p.write(0, buffer, Integer.MAX_VALUE, 2));
    assertThrows(MemoryException.class, () -> p.read(0, null, 0, 0));
    byte[] first = new byte[8];
    p.read(0, first);
    assertArrayEquals(new byte[8], first);
  }

  @Test
  void everyCallAfterCloseThrowsAndCloseTwiceIsHarmless() {
    MemoryProvider p = provider();
    p.grow(1);
    p.close();
    p.close();
    byte[] buffer = new byte[1];
    assertThrows(MemoryException.class, p::size);
    assertThrows(MemoryException.class, p::pages);
    assertThrows(MemoryException.class, () -> p.grow(1));
    assertThrows(MemoryException.class, () -> p.read(0, buffer));
    assertThrows(MemoryException.class, () -> p.write(0, buffer));
    assertThrows(MemoryException.class, p::sync);
  }

  @Test
  void syncKeepsContent() {
    MemoryProvider p = provider();
    p.grow(1);
    p.write(10, pattern(5, 2));
    p.sync();
    byte[] read = new byte[5];
    p.read(10, read);
    assertArrayEquals(pattern(5, 2), read);
  }

  @Test
  void reopenKeepsPagesAndContent() {
    MemoryProvider p = provider();
    p.grow(3);
    byte[] data = pattern(PAGE + 17, 11);
    p.write(PAGE + 5, data);
    p.sync();
    provider = reopen(p);
    assertEquals(3, provider.pages());
    byte[] read = new byte[data.length];
    provider.read(PAGE + 5, read);
    assertArrayEquals(data, read);
    assertEquals(3, provider.grow(1));
  }

  @Test
  void aWriteThatFailsPartWayChangesNothingOutsideItsRangeAndLosesNothingSynced() {
    StorageFailure failure = new StorageFailure();
    MemoryProvider p = newProvider(failure);
    assumeTrue(p != null, "nothing below this provider can fail");
    provider = p;
    p.grow(3);
    byte[] synced = pattern(3 * PAGE, 4);
    p.write(0, synced);
    p.sync();
    long at = PAGE - 100;
    byte[] update = pattern(PAGE + 300, 9);
    failure.failAfter(1_000);
    assertThrows(
        MemoryException.class,
        () -> {
          p.write(at, update);
          p.sync();
        });
    assertTrue(failure.failures() > 0, "the storage failed a write");
    byte[] now = new byte[3 * PAGE];
    boolean refuses = false;
    try {
      p.read(0, now);
    } catch (MemoryException e) {
      refuses = true; // allowed: a provider may refuse every call until it is reopened
    }
    if (!refuses) {
      assertEquals(3, p.pages());
      assertOldOrNew(synced, update, at, now);
    }
    failure.heal();
    provider = reopen(p);
    assertEquals(3, provider.pages());
    byte[] reopened = new byte[3 * PAGE];
    provider.read(0, reopened);
    assertOldOrNew(synced, update, at, reopened);
  }

  /**
   * Checks that {@code actual} is {@code before} with each byte of the range {@code update} was to
   * be written to holding either its old value or the new one.
   */
  private static void assertOldOrNew(byte[] before, byte[] update, long at, byte[] actual) {
    for (int i = 0; i < before.length; i++) {
      long inUpdate = i - at;
      boolean touched = inUpdate >= 0 && inUpdate < update.length;
      if (actual[i] != before[i] && !(touched && actual[i] == update[(int) inUpdate])) {
        assertEquals(before[i], actual[i], "byte " + i + (touched ? " (in the failed write)" : ""));
      }
    }
  }
}
