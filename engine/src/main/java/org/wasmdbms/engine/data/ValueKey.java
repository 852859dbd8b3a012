package org.wasmdbms.engine.data;

import java.util.Arrays;
import java.util.List;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.Value;

/**
 * A hash key for one value or a tuple of values, equal exactly when the values compare equal
 * (integers by value across widths, decimals by value), a null being one more value. The values of
 * one position must have comparable types. Integers, the usual join keys, are kept as their sign
 * and bits; everything else as its {@link KeyEncoding}, whose bytes are equal exactly when the
 * values are. Immutable, so thread-safe.
 */
public final class ValueKey {
  private final byte[] bytes;
  private final long bits;
  private final boolean negative;
  private final int hash;

  private ValueKey(byte[] bytes, long bits, boolean negative, int hash) {
    this.bytes = bytes;
    this.bits = bits;
    this.negative = negative;
    this.hash = hash;
  }

  /** The key of one value. */
  public static ValueKey of(Value value) {
    if (value instanceof IntegerValue integer) {
      // The bits alone are ambiguous between a negative and a large unsigned number.
      boolean negative = integer.isNegative();
      long bits = integer.bits();
      return new ValueKey(
          null, bits, negative, (int) (bits ^ (bits >>> 32)) * 31 + (negative ? 1 : 0));
    }
    return of(KeyEncoding.encode(value));
  }

  /** The key of a tuple. */
  public static ValueKey of(List<Value> values) {
    return of(KeyEncoding.encode(values));
  }

  private static ValueKey of(byte[] bytes) {
    return new ValueKey(bytes, 0, false, Arrays.hashCode(bytes));
  }

  /** Whether a B+ tree could hold this key: no longer than {@code maxLength} bytes encoded. */
  public boolean fits(int maxLength) {
    return bytes == null || bytes.length <= maxLength;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ValueKey key) || hash != key.hash) {
      return false;
    }
    if (bytes == null || key.bytes == null) {
      return bytes == key.bytes && bits == key.bits && negative == key.negative;
    }
    return Arrays.equals(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
