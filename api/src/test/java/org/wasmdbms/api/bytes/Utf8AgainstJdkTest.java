package org.wasmdbms.api.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written UTF-8 conversions give exactly the JDK's bytes and strings for well-formed text:
 * random strings over ASCII, two- and three-byte characters and surrogate pairs.
 */
class Utf8AgainstJdkTest {
  private static final int STRINGS = 20_000;

  @Test
  void encodeAndDecodeMatchTheJdk() {
    long seed = Long.getLong("utf8.seed", System.nanoTime());
    System.out.println("Utf8AgainstJdkTest seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < STRINGS; n++) {
      String text = randomText(random, random.nextInt(40));
      byte[] expected = text.getBytes(StandardCharsets.UTF_8);
      byte[] encoded = Utf8.encode(text);
      assertArrayEquals(expected, encoded, "seed=" + seed + " text #" + n);
      assertEquals(text, Utf8.decode(encoded, 0, encoded.length), "seed=" + seed + " #" + n);
      byte[] padded = new byte[encoded.length + 6];
      System.arraycopy(encoded, 0, padded, 3, encoded.length);
      assertEquals(text, Utf8.decode(padded, 3, encoded.length), "seed=" + seed + " #" + n);
    }
  }

  private static String randomText(SplittableRandom random, int codePoints) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int cp;
      switch (random.nextInt(4)) {
        case 0 -> cp = random.nextInt(0x80);
        case 1 -> cp = 0x80 + random.nextInt(0x800 - 0x80);
        case 2 -> {
          cp = 0x800 + random.nextInt(0x10000 - 0x800);
          if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xE000 + (cp - 0xD800);
          }
        }
        default -> cp = 0x10000 + random.nextInt(0x110000 - 0x10000);
      }
      text.appendCodePoint(cp);
    }
    return text.toString();
  }
}
