package org.wasmdbms.memory.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** {@link Crc32} gives the values of {@link java.util.zip.CRC32}, over random arrays and slices. */
class Crc32Test {
  @Test
  void matchesJavaUtilZipCrc32OnRandomSlices() {
    long seed = Long.getLong("crc.seed", System.nanoTime());
    System.out.println("Crc32Test seed=" + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 2_000; round++) {
      byte[] bytes = new byte[random.nextInt(round % 10 == 0 ? 70_000 : 100)];
      random.nextBytes(bytes);
      int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int length = random.nextInt(bytes.length - offset + 1);
      CRC32 expected = new CRC32();
      expected.update(bytes, offset, length);
      assertEquals(
          (int) expected.getValue(),
          Crc32.of(bytes, offset, length),
          "seed " + seed + " round " + round);
      int split = length == 0 ? 0 : random.nextInt(length);
      int continued =
          Crc32.update(Crc32.of(bytes, offset, split), bytes, offset + split, length - split);
      assertEquals((int) expected.getValue(), continued, "seed " + seed + " round " + round);
    }
  }

  @Test
  void runningGivesTheSameValueNativeOrTabledOverRandomStretches() {
    long seed = Long.getLong("crc.seed", System.nanoTime());
    System.out.println("Crc32Test running seed=" + seed);
    Random random = new Random(seed);
    for (int round = 0; round < 500; round++) {
      CRC32 expected = new CRC32();
      Crc32.Running tabled = new Crc32.Running(false);
      Crc32.Running nativeCrc = new Crc32.Running(true);
      for (int stretch = random.nextInt(4); stretch >= 0; stretch--) {
        byte[] bytes = new byte[random.nextInt(round % 10 == 0 ? 70_000 : 40)];
        random.nextBytes(bytes);
        int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        int length = random.nextInt(bytes.length - offset + 1);
        expected.update(bytes, offset, length);
        tabled.update(bytes, offset, length);
        nativeCrc.update(bytes, offset, length);
      }
      assertEquals((int) expected.getValue(), tabled.value(), "seed " + seed + " round " + round);
      assertEquals(
          (int) expected.getValue(), nativeCrc.value(), "seed " + seed + " round " + round);
    }
  }

  /**
   * The JVM this test runs on takes the native CRC (several times faster on a file's commits); the
   * guest, whose TeaVM defines no {@code java.vm.name}, keeps the tables.
   */
  @Test
  void nativeOnTheJvmTablesInTheGuest() {
    assertTrue(Crc32.isJvm(System.getProperty("java.vm.name")), System.getProperty("java.vm.name"));
    assertFalse(Crc32.isJvm(null));
    assertFalse(Crc32.isJvm("TeaVM"));
  }

  @Test
  void knownValues() {
    assertEquals(0, Crc32.of(new byte[0], 0, 0));
    byte[] check = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertEquals(0xCBF43926, Crc32.of(check, 0, check.length));
  }
}
