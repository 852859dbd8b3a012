package org.wasmdbms.engine.data;

import org.wasmdbms.api.value.KeyEncoding;

/**
 * A range of encoded index keys. A null bound is unbounded. Bounds are compared as unsigned bytes
 * against whole keys, so a range over a prefix of a composite key is expressed by bounds that sit
 * just before and after every key with that prefix (see {@code AccessPath}).
 *
 * @param lower the lower bound, or null
 * @param lowerInclusive whether a key equal to {@code lower} is inside
 * @param upper the upper bound, or null
 * @param upperInclusive whether a key equal to {@code upper} is inside
 */
public record KeyRange(byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive) {
  /** Every key. */
  public static final KeyRange ALL = new KeyRange(null, true, null, true);

  /** Whether {@code key} lies inside the range. */
  public boolean contains(byte[] key) {
    if (lower != null) {
      int c = KeyEncoding.compareUnsigned(key, lower);
      if (c < 0 || (c == 0 && !lowerInclusive)) {
        return false;
      }
    }
    if (upper != null) {
      int c = KeyEncoding.compareUnsigned(key, upper);
      return c < 0 || (c == 0 && upperInclusive);
    }
    return true;
  }
}
