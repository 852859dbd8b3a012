package org.wasmdbms.api.value;

import java.util.Arrays;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * A 128-bit UUID, ordered by its 16 bytes compared unsigned (which is also the order of its
 * canonical text). Canonical text is lowercase {@code 8-4-4-4-12} hexadecimal.
 */
public final class UuidValue implements Value {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final byte[] bytes;

  /**
   * Creates the value from a copy of 16 bytes (most significant first).
   *
   * @throws InvalidQueryException if {@code bytes} is not 16 bytes long
   */
  public UuidValue(byte[] bytes) {
    if (bytes.length != 16) {
      throw new InvalidQueryException("a UUID has 16 bytes, not " + bytes.length);
    }
    this.bytes = bytes.clone();
  }

  /**
   * Parses canonical text {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} (hex digits in either case).
   *
   * @throws InvalidQueryException if the text does not have that shape
   */
  public static UuidValue parse(String text) {
    if (text.length() != 36) {
      throw new InvalidQueryException("malformed UUID \"" + text + "\": wrong length");
    }
    byte[] out = new byte[16];
    int nibble = 0;
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dashPosition = i == 8 || i == 13 || i == 18 || i == 23;
      if (dashPosition) {
        if (c != '-') {
          throw new InvalidQueryException("malformed UUID \"" + text + "\": expected '-'");
        }
        continue;
      }
      int d = hexDigit(c);
      if (d < 0) {
        throw new InvalidQueryException("malformed UUID \"" + text + "\": bad hex digit");
      }
      out[nibble / 2] |= (byte) ((nibble % 2 == 0) ? d << 4 : d);
      nibble++;
    }
    return new UuidValue(out);
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** A copy of the 16 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The byte at {@code index} (0..15), without copying. */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** The canonical lowercase text, for example {@code 123e4567-e89b-12d3-a456-426614174000}. */
  public String text() {
    StringBuilder sb = new StringBuilder(36);
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        sb.append('-');
      }
      sb.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
    }
    return sb.toString();
  }

  @Override
  public DataType type() {
    return DataType.UUID;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UuidValue other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "UuidValue[" + text() + "]";
  }
}
