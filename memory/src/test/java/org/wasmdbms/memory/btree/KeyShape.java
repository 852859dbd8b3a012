package org.wasmdbms.memory.btree;

import java.util.Random;

/** How a randomised workload draws keys and values. */
enum KeyShape {
  /** 1 to 5 bytes over 16 symbols including 0x00, 0x7F, 0x80 and 0xFF; values up to 6 bytes. */
  TINY(1, 5, 0, 6),
  /** 1 or 2 bytes over a few symbols, so keys repeat a lot; 8-byte values (record ids). */
  FEW_KEYS(1, 2, 8, 8),
  /** Long keys sharing long prefixes, to force deep trees; values up to 300 bytes. */
  LARGE(400, BTree.MAX_KEY_LENGTH, 0, 300),
  /** Keys and values close to the limits. */
  HUGE(1500, BTree.MAX_KEY_LENGTH, 1500, BTree.MAX_VALUE_LENGTH);

  private static final byte[] SYMBOLS = {
    0x00,
    0x01,
    0x02,
    0x10,
    0x20,
    0x41,
    0x42,
    0x7E,
    0x7F,
    (byte) 0x80,
    (byte) 0x81,
    (byte) 0xA0,
    (byte) 0xC3,
    (byte) 0xFD,
    (byte) 0xFE,
    (byte) 0xFF
  };

  private final int minKey;
  private final int maxKey;
  private final int minValue;
  private final int maxValue;

  KeyShape(int minKey, int maxKey, int minValue, int maxValue) {
    this.minKey = minKey;
    this.maxKey = maxKey;
    this.minValue = minValue;
    this.maxValue = maxValue;
  }

  byte[] key(Random random) {
    byte[] key = new byte[between(random, minKey, maxKey)];
    int symbols = this == FEW_KEYS ? 6 : SYMBOLS.length;
    // Long keys share a prefix drawn from few symbols, so comparisons run deep into them.
    int sharedPrefix = key.length > 8 ? key.length - 1 - random.nextInt(4) : 0;
    for (int i = 0; i < key.length; i++) {
      key[i] =
          i < sharedPrefix ? SYMBOLS[(i * 7 + (i >> 6)) % 3] : SYMBOLS[random.nextInt(symbols)];
    }
    return key;
  }

  byte[] value(Random random) {
    byte[] value = new byte[between(random, minValue, maxValue)];
    if (this == FEW_KEYS) {
      // Record ids from a small range, so equal pairs come up as well.
      value[6] = (byte) random.nextInt(4);
      value[7] = (byte) random.nextInt(256);
    } else {
      random.nextBytes(value);
    }
    return value;
  }

  private static int between(Random random, int from, int to) {
    return from + random.nextInt(to - from + 1);
  }
}
