package org.wasmdbms.api.value;

import java.math.BigDecimal;
import java.util.List;
import org.wasmdbms.api.bytes.ByteWriter;
import org.wasmdbms.api.bytes.Utf8;

/**
 * An order-preserving ("memcmp-comparable") byte form of values, for index keys. For any two tuples
 * {@code a}, {@code b} of pairwise comparable values, {@code compareUnsigned(encode(a), encode(b))}
 * has the sign of {@link Values#compareTuples(List, List)}. Every value's encoding is
 * self-delimiting, so a composite key is the plain concatenation of its columns' encodings.
 *
 * <p>Each value starts with a marker byte: {@code 0x00} for null (nothing follows, so null sorts
 * first) and {@code 0x01} otherwise, followed by:
 *
 * <ul>
 *   <li>integers (every width and signedness alike, so they compare by value across types): {@code
 *       0x00} if negative else {@code 0x01}, then the 64 bits of {@link IntegerValue#bits()}
 *       big-endian;
 *   <li>floats (both widths, widened to binary64): 8 bytes big-endian of the IEEE total-order key
 *       (bit pattern with the magnitude flipped for negatives and the sign bit flipped);
 *   <li>decimals: {@code 0x01} for zero; {@code 0x02} for positive, then the decimal exponent
 *       {@code e} (value = 0.d1d2... x 10^e, no trailing zero digit) as 4 bytes big-endian with the
 *       sign bit flipped, then each digit plus one as one byte, then {@code 0x00}; {@code 0x00} for
 *       negative, then the positive form of the magnitude with every byte inverted;
 *   <li>booleans: {@code 0x00} or {@code 0x01};
 *   <li>dates: year (2 bytes big-endian), month, day;
 *   <li>date-times: UTC epoch microseconds (8 bytes big-endian, sign bit flipped), then offset
 *       minutes plus 32768 (2 bytes big-endian);
 *   <li>text and Json (UTF-8) and blobs: the bytes with each {@code 0x00} written as {@code 0x00
 *       0xFF}, terminated by {@code 0x00 0x00};
 *   <li>UUIDs: the 16 bytes.
 * </ul>
 */
public final class KeyEncoding {
  private static final int NULL_MARKER = 0x00;
  private static final int VALUE_MARKER = 0x01;

  private KeyEncoding() {}

  /** The key of a single value. */
  public static byte[] encode(Value value) {
    if (value instanceof IntegerValue i) {
      return integerKey(i); // most keys: made in one array of its exact size
    }
    ByteWriter out = new ByteWriter(16);
    write(out, value);
    return out.toByteArray();
  }

  /** The key of a tuple: the concatenated keys of its values. */
  public static byte[] encode(List<Value> tuple) {
    ByteWriter out = new ByteWriter(16 * (tuple.size() + 1));
    for (Value v : tuple) {
      write(out, v);
    }
    return out.toByteArray();
  }

  /** Appends the key of {@code value} to {@code out}. */
  public static void write(ByteWriter out, Value value) {
    if (value.isNull()) {
      out.u8(NULL_MARKER);
      return;
    }
    if (value instanceof IntegerValue i) {
      out.bytes(integerKey(i));
      return;
    }
    out.u8(VALUE_MARKER);
    if (value instanceof Float32Value || value instanceof Float64Value) {
      out.i64BigEndian(Values.floatOrderBits(value) ^ Long.MIN_VALUE);
    } else if (value instanceof DecimalValue d) {
      writeDecimal(out, d.value());
    } else if (value instanceof BooleanValue b) {
      out.u8(b.value() ? 1 : 0);
    } else if (value instanceof DateValue d) {
      writeDate(out, d.year(), d.month(), d.day());
    } else if (value instanceof DateTimeValue d) {
      out.i64BigEndian(d.epochMicros() ^ Long.MIN_VALUE);
      int offset = d.timezoneOffsetMinutes() + 0x8000;
      out.u8(offset >>> 8).u8(offset);
    } else if (value instanceof TextValue t) {
      writeEscaped(out, Utf8.encode(t.value()));
    } else if (value instanceof JsonValue j) {
      writeEscaped(out, Utf8.encode(j.text()));
    } else if (value instanceof BlobValue b) {
      writeEscaped(out, b.bytes());
    } else {
      out.bytes(((UuidValue) value).bytes());
    }
  }

  /** The key of an integer: the value marker, 0 if negative else 1, the 64 bits big-endian. */
  private static byte[] integerKey(IntegerValue value) {
    byte[] key = new byte[10];
    key[0] = (byte) VALUE_MARKER;
    key[1] = (byte) (value.isNegative() ? 0 : 1);
    long bits = value.bits();
    for (int i = 0; i < 8; i++) {
      key[2 + i] = (byte) (bits >>> (56 - 8 * i));
    }
    return key;
  }

  private static void writeDate(ByteWriter out, int year, int month, int day) {
    out.u8(year >>> 8).u8(year).u8(month).u8(day);
  }

  private static void writeEscaped(ByteWriter out, byte[] bytes) {
    for (byte b : bytes) {
      out.u8(b);
      if (b == 0) {
        out.u8(0xFF);
      }
    }
    out.u8(0).u8(0);
  }

  private static void writeDecimal(ByteWriter out, BigDecimal value) {
    int sign = value.signum();
    if (sign == 0) {
      out.u8(0x01);
      return;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    String digits = stripped.unscaledValue().abs().toString();
    int exponent = digits.length() - stripped.scale();
    // Negative numbers invert every byte of the magnitude's form, reversing its order.
    int flip = sign < 0 ? 0xFF : 0x00;
    out.u8(sign < 0 ? 0x00 : 0x02);
    int biased = exponent ^ Integer.MIN_VALUE;
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.u8(((biased >>> shift) & 0xFF) ^ flip);
    }
    for (int i = 0; i < digits.length(); i++) {
      out.u8((digits.charAt(i) - '0' + 1) ^ flip);
    }
    out.u8(flip);
  }

  /**
   * Compares two byte arrays as unsigned bytes, lexicographically; a proper prefix sorts first.
   *
   * @return negative, zero or positive
   */
  public static int compareUnsigned(byte[] a, byte[] b) {
    return compareUnsigned(a, 0, a.length, b, 0, b.length);
  }

  /**
   * Compares two byte ranges as unsigned bytes, lexicographically; a proper prefix sorts first. The
   * ranges must lie inside their arrays (the caller validates them).
   *
   * @return negative, zero or positive
   */
  public static int compareUnsigned(
      byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
    int n = aLength < bLength ? aLength : bLength;
    for (int i = 0; i < n; i++) {
      int c = (a[aOffset + i] & 0xFF) - (b[bOffset + i] & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return aLength - bLength;
  }
}
