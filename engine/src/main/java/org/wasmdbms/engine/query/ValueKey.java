package org.wasmdbms.engine.query;

import java.util.Arrays;
import java.util.List;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.Value;

/**
 * A hash key for one value or a tuple of values: their {@link KeyEncoding}, which is equal exactly
 * when the values compare equal (integers by value across widths, decimals by value) and in which a
 * null is one more value. The values of one position must have comparable types. Immutable.
 */
final class ValueKey {
  private final byte[] bytes;
  private final int hash;

  private ValueKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** The key of one value. */
  static ValueKey of(Value value) {
    return new ValueKey(KeyEncoding.encode(value));
  }

  /** The key of a tuple. */
  static ValueKey of(List<Value> values) {
    return new ValueKey(KeyEncoding.encode(values));
  }

  /** The length of the encoding, what the key costs in memory beyond a fixed overhead. */
  int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValueKey key && hash == key.hash && Arrays.equals(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
