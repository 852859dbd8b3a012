package org.wasmdbms.memory.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void knownValues() {
    assertEquals(0, Crc32.of(new byte[0], 0, 0));
    byte[] check = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertEquals(0xCBF43926, Crc32.of(check, 0, check.length));
  }
}
