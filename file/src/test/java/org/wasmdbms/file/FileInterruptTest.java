package org.wasmdbms.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.MemoryProvider;

/**
 * {@link FileMemoryProvider} under {@link Thread#interrupt()}: an interrupt that is pending when a
 * call starts is set aside and restored; one that arrives during I/O closes the channel, and the
 * call reopens the file, locks it again and completes. Either way the interrupt status is set when
 * the call returns.
 */
class FileInterruptTest {
  private static final int PAGES = 64;

  @TempDir Path dir;

  @Test
  void pendingInterruptIsSetAsideAndRestored() {
    Path path = dir.resolve("pending.wdb");
    FileMemoryProvider provider = FileMemoryProvider.open(path);
    try {
      byte[] page = pattern(1, MemoryProvider.PAGE_SIZE);
      Thread.currentThread().interrupt();
      provider.grow(2);
      assertTrue(Thread.interrupted(), "grow lost the interrupt");
      Thread.currentThread().interrupt();
      provider.write(MemoryProvider.PAGE_SIZE, page);
      assertTrue(Thread.interrupted(), "write lost the interrupt");
      Thread.currentThread().interrupt();
      provider.sync();
      assertTrue(Thread.interrupted(), "sync lost the interrupt");
      byte[] read = new byte[page.length];
      Thread.currentThread().interrupt();
      provider.read(MemoryProvider.PAGE_SIZE, read);
      assertTrue(Thread.interrupted(), "read lost the interrupt");
      assertArrayEquals(page, read);
      assertEquals(0, provider.reopens(), "a pending interrupt closed the file");
    } finally {
      provider.close();
    }
  }

  @Test
  void interruptsDuringReadsReopenTheFileWhichStaysLockedAndWhole() throws Exception {
    long seed = System.nanoTime();
    System.out.println("FileInterruptTest seed=" + seed);
    Path path = dir.resolve("interrupted.wdb");
    FileMemoryProvider provider = FileMemoryProvider.open(path);
    byte[] content = pattern(seed, PAGES * MemoryProvider.PAGE_SIZE);
    provider.grow(PAGES);
    provider.write(0, content);
    provider.sync();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong readsDone = new AtomicLong();
    int[] interruptsSeen = {0};
    Thread reader =
        new Thread(
            () -> {
              byte[] read = new byte[content.length];
              try {
                while (provider.reopens() < 3) {
                  provider.read(0, read);
                  readsDone.incrementAndGet();
                  assertArrayEquals(content, read, "read through a reopened file");
                  if (Thread.interrupted()) {
                    interruptsSeen[0]++;
                  }
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    reader.start();
    Random random = new Random(seed);
    long deadline = System.currentTimeMillis() + 60_000;
    // One interrupt per completed read at most: a flood could close the file more often during one
    // slow read than the provider retries (it gives up after 16), which is not what is tested here.
    long readsSeen = -1;
    while (reader.isAlive() && System.currentTimeMillis() < deadline) {
      long reads = readsDone.get();
      if (reads != readsSeen) {
        readsSeen = reads;
        Thread.sleep(random.nextInt(3));
        reader.interrupt();
      } else {
        Thread.sleep(1);
      }
    }
    reader.interrupt();
    reader.join(10_000);
    assertFalse(reader.isAlive(), "reader did not finish");
    if (failure.get() != null) {
      throw new AssertionError("seed=" + seed, failure.get());
    }
    assertTrue(provider.reopens() >= 3, "interrupts never closed the file: " + provider.reopens());
    assertTrue(interruptsSeen[0] > 0, "the interrupt status was not restored");
    MemoryException locked =
        assertThrows(MemoryException.class, () -> FileMemoryProvider.open(path));
    assertTrue(locked.detail().startsWith("database is locked"), locked.detail());
    byte[] page = pattern(seed + 1, MemoryProvider.PAGE_SIZE);
    provider.write(3L * MemoryProvider.PAGE_SIZE, page);
    System.arraycopy(page, 0, content, 3 * MemoryProvider.PAGE_SIZE, page.length);
    provider.close();
    FileMemoryProvider reopened = FileMemoryProvider.open(path);
    try {
      byte[] read = new byte[content.length];
      reopened.read(0, read);
      assertArrayEquals(content, read);
    } finally {
      reopened.close();
    }
  }

  private static byte[] pattern(long seed, int length) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
