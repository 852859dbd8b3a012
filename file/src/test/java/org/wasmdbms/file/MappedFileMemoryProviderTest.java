package org.wasmdbms.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.MemoryProvider;
import org.wasmdbms.memory.MemoryProviderContractTest;
import org.wasmdbms.memory.StorageFailure;

/**
 * {@link MappedFileMemoryProvider}: the provider contract with the whole file mapped and with only
 * its first page mapped (the rest read through a two-page cache), growth of a mapped file, failed
 * writes, reopening, and a seeded random comparison with a heap provider.
 */
class MappedFileMemoryProviderTest extends MemoryProviderContractTest {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  @TempDir Path dir;
  private int files;

  @Override
  protected MemoryProvider newProvider() {
    return mapped(dir.resolve("db" + files++ + ".wdb"), DatabaseFiles.DEFAULT_MAP_BYTES);
  }

  @Override
  protected MemoryProvider reopen(MemoryProvider provider) {
    provider.close();
    return mapped(dir.resolve("db" + (files - 1) + ".wdb"), DatabaseFiles.DEFAULT_MAP_BYTES);
  }

  @Override
  protected MemoryProvider newProvider(StorageFailure failure) {
    return mapped(
        FailingFiles.path(dir.resolve("db" + files++ + ".wdb"), failure),
        DatabaseFiles.DEFAULT_MAP_BYTES);
  }

  private static MappedFileMemoryProvider mapped(Path path, long mapBytes) {
    return new MappedFileMemoryProvider(FileMemoryProvider.open(path), mapBytes, 2);
  }

  /** The contract again with one mapped page: every other page comes from the page cache. */
  @Nested
  class OnePageMapped extends MemoryProviderContractTest {
    @Override
    protected MemoryProvider newProvider() {
      return mapped(dir.resolve("one" + files++ + ".wdb"), PAGE + 100);
    }

    @Override
    protected MemoryProvider newProvider(StorageFailure failure) {
      return mapped(FailingFiles.path(dir.resolve("one" + files++ + ".wdb"), failure), PAGE + 100);
    }

    @Override
    protected MemoryProvider reopen(MemoryProvider provider) {
      provider.close();
      return mapped(dir.resolve("one" + (files - 1) + ".wdb"), PAGE);
    }
  }

  @Test
  void growthAfterAReadMapsTheChunkAgainAndShowsTheNewPages() {
    MappedFileMemoryProvider p = mapped(dir.resolve("grow.wdb"), DatabaseFiles.DEFAULT_MAP_BYTES);
    p.grow(1);
    p.write(100, new byte[] {1, 2, 3});
    byte[] read = new byte[3];
    p.read(100, read);
    assertArrayEquals(new byte[] {1, 2, 3}, read);
    assertEquals(1, p.mappedChunks());
    p.grow(2);
    p.write(2L * PAGE + 7, new byte[] {9, 8});
    byte[] across = new byte[PAGE + 2];
    p.read(PAGE + 7, across);
    assertEquals(9, across[PAGE]);
    assertEquals(8, across[PAGE + 1]);
    assertEquals(1, p.mappedChunks());
    p.close();
  }

  @Test
  void aFailedWriteLeavesTheMappedAndCachedBytesAsTheFileHoldsThem() {
    MappedFileMemoryProvider p = mapped(dir.resolve("fail.wdb"), PAGE);
    p.grow(2);
    byte[] ones = new byte[2 * PAGE];
    java.util.Arrays.fill(ones, (byte) 1);
    p.write(0, ones);
    p.read(0, new byte[2 * PAGE]);
    assertThrows(MemoryException.class, () -> p.write(2L * PAGE - 4, new byte[8]));
    assertThrows(MemoryException.class, () -> p.grow(-1));
    byte[] read = new byte[2 * PAGE];
    p.read(0, read);
    assertArrayEquals(ones, read);
    assertEquals(2, p.pages());
    p.close();
    assertThrows(MemoryException.class, () -> p.read(0, new byte[1]));
    assertThrows(MemoryException.class, () -> p.write(0, new byte[1]));
  }

  @Test
  void reopeningAfterGrowthAndWritesShowsTheFile() throws Exception {
    Path path = dir.resolve("reopen.wdb");
    MappedFileMemoryProvider p = mapped(path, DatabaseFiles.DEFAULT_MAP_BYTES);
    p.grow(1);
    p.read(0, new byte[PAGE]);
    p.grow(3);
    p.write(3L * PAGE + 1, new byte[] {42});
    p.sync();
    p.close();
    assertEquals(4L * PAGE, Files.size(path));
    MappedFileMemoryProvider again = mapped(path, DatabaseFiles.DEFAULT_MAP_BYTES);
    byte[] read = new byte[1];
    again.read(3L * PAGE + 1, read);
    assertEquals(42, read[0]);
    again.close();
  }

  @Test
  void negativeSizesAreRefused() {
    FileMemoryProvider file = FileMemoryProvider.open(dir.resolve("bad.wdb"));
    MemoryException e =
        assertThrows(MemoryException.class, () -> new MappedFileMemoryProvider(file, -1, 2));
    assertTrue(e.detail().contains("negative"), e.detail());
    assertThrows(MemoryException.class, () -> new MappedFileMemoryProvider(file, 0, 0));
    file.close();
    assertThrows(
        MemoryException.class, () -> DatabaseFiles.open(dir.resolve("bad2.wdb"), 1 << 20, -1));
  }

  @Test
  void randomReadsWritesAndGrowthMatchAHeapProvider() {
    long seed = new Random().nextLong();
    System.out.println("MappedFileMemoryProviderTest seed=" + seed);
    Random random = new Random(seed);
    HeapMemoryProvider plain = new HeapMemoryProvider();
    MappedFileMemoryProvider p = mapped(dir.resolve("random.wdb"), 3L * PAGE);
    for (int step = 0; step < 2_000; step++) {
      if (random.nextInt(50) == 0 || plain.pages() == 0) {
        int grow = 1 + random.nextInt(2);
        plain.grow(grow);
        p.grow(grow);
      }
      long size = plain.size();
      long offset = (long) (random.nextDouble() * size);
      int length = (int) Math.min(random.nextInt(3 * PAGE / 2), size - offset);
      if (random.nextInt(3) == 0) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        plain.write(offset, data);
        p.write(offset, data);
      } else {
        byte[] expected = new byte[length];
        byte[] actual = new byte[length];
        plain.read(offset, expected);
        p.read(offset, actual);
        assertArrayEquals(expected, actual, "seed " + seed + ", step " + step);
      }
    }
    p.close();
  }
}
