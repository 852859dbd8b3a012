package org.wasmdbms.api.value;

import java.util.Arrays;
import org.wasmdbms.api.error.ConstraintViolationException;

/**
 * Raw bytes, ordered by unsigned lexicographic comparison. The array is copied on the way in and on
 * the way out, so the value stays immutable.
 */
public final class BlobValue implements Value {
  private final byte[] bytes;

  /**
   * Creates the value from a copy of {@code bytes}.
   *
   * @throws ConstraintViolationException if longer than {@link ValueCodec#MAX_VARIABLE_BYTES}
   */
  public BlobValue(byte[] bytes) {
    TextValue.checkSize("Blob", bytes.length);
    this.bytes = bytes.clone();
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** The byte at {@code index} (0-based), without copying the array. */
  public byte byteAt(int index) {
    return bytes[index];
  }

  @Override
  public DataType type() {
    return DataType.BLOB;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlobValue other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "BlobValue[" + bytes.length + " bytes]";
  }
}
