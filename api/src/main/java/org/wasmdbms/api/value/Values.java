package org.wasmdbms.api.value;

import java.util.Comparator;
import java.util.List;
import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.InvalidQueryException;

/**
 * The total order of values and conversions between integer types.
 *
 * <p>Order ({@link #compare}): null before everything; integers by numeric value across all widths
 * and signedness; floats (either width) by IEEE 754 total order ({@code -0.0 < 0.0}, NaN above
 * +infinity); decimals by value; booleans false first; dates and date-times chronologically
 * (date-times in UTC, ties broken by offset); text and Json by code point; blobs and UUIDs by
 * unsigned bytes. Any other pair of types is incomparable.
 */
public final class Values {
  private static final Comparator<Value> COMPARATOR = Values::compare;

  private Values() {}

  /** {@link #compare} as a {@link Comparator}. */
  public static Comparator<Value> comparator() {
    return COMPARATOR;
  }

  /**
   * Compares two values in the total order described on this class.
   *
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   * @throws InvalidQueryException if the two values have incomparable types
   */
  public static int compare(Value a, Value b) {
    if (a.isNull() || b.isNull()) {
      return (a.isNull() ? 0 : 1) - (b.isNull() ? 0 : 1);
    }
    if (a instanceof IntegerValue x && b instanceof IntegerValue y) {
      return compareIntegers(x, y);
    }
    if (isFloat(a) && isFloat(b)) {
      return Long.compare(floatOrderBits(a), floatOrderBits(b));
    }
    if (a.type() != b.type()) {
      throw incomparable(a, b);
    }
    if (a instanceof DecimalValue x) {
      return x.value().compareTo(((DecimalValue) b).value());
    }
    if (a instanceof BooleanValue x) {
      return Boolean.compare(x.value(), ((BooleanValue) b).value());
    }
    if (a instanceof DateValue x) {
      return Long.compare(x.epochDay(), ((DateValue) b).epochDay());
    }
    if (a instanceof DateTimeValue x) {
      return compareDateTimes(x, (DateTimeValue) b);
    }
    if (a instanceof TextValue x) {
      return Utf8.compareCodePoints(x.value(), ((TextValue) b).value());
    }
    if (a instanceof JsonValue x) {
      return Utf8.compareCodePoints(x.text(), ((JsonValue) b).text());
    }
    if (a instanceof BlobValue x) {
      return compareBlobs(x, (BlobValue) b);
    }
    return compareUuids((UuidValue) a, (UuidValue) b);
  }

  /**
   * Compares two tuples of equal length position by position, the first difference deciding.
   *
   * @throws InvalidQueryException if the lengths differ or a position holds incomparable types
   */
  public static int compareTuples(List<Value> a, List<Value> b) {
    if (a.size() != b.size()) {
      throw new InvalidQueryException(
          "cannot compare tuples of " + a.size() + " and " + b.size() + " values");
    }
    for (int i = 0; i < a.size(); i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Whether {@link #compare} accepts values of these two types (null counts as comparable). */
  public static boolean comparable(DataType a, DataType b) {
    return a == null
        || b == null
        || a == b
        || (a.isInteger() && b.isInteger())
        || (a.isFloat() && b.isFloat());
  }

  private static InvalidQueryException incomparable(Value a, Value b) {
    return new InvalidQueryException(
        "cannot compare " + a.type().wireName() + " with " + b.type().wireName());
  }

  private static int compareIntegers(IntegerValue x, IntegerValue y) {
    if (x.isNegative() != y.isNegative()) {
      return x.isNegative() ? -1 : 1;
    }
    // Two negatives compare like their unsigned two's-complement bits, too.
    return Unsigned.compare(x.bits(), y.bits());
  }

  private static boolean isFloat(Value v) {
    return v instanceof Float32Value || v instanceof Float64Value;
  }

  /**
   * Maps a float value to a {@code long} whose signed order is the IEEE 754 total order of the
   * number widened to binary64 (widening is exact, so both widths share one order).
   */
  static long floatOrderBits(Value v) {
    double d = v instanceof Float32Value f ? (double) f.value() : ((Float64Value) v).value();
    long bits = Double.doubleToLongBits(d);
    // Negative numbers: flip the magnitude bits so larger magnitudes sort lower.
    return bits ^ ((bits >> 63) >>> 1);
  }

  private static int compareDateTimes(DateTimeValue x, DateTimeValue y) {
    int c = Long.compare(x.epochMicros(), y.epochMicros());
    return c != 0 ? c : Integer.compare(x.timezoneOffsetMinutes(), y.timezoneOffsetMinutes());
  }

  private static int compareBlobs(BlobValue x, BlobValue y) {
    int n = x.length() < y.length() ? x.length() : y.length();
    for (int i = 0; i < n; i++) {
      int c = (x.byteAt(i) & 0xFF) - (y.byteAt(i) & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return x.length() - y.length();
  }

  private static int compareUuids(UuidValue x, UuidValue y) {
    for (int i = 0; i < 16; i++) {
      int c = (x.byteAt(i) & 0xFF) - (y.byteAt(i) & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * Converts a value to a column type: null stays null, a value of that type is returned as is, an
   * integer becomes any other integer type whose range holds it, and a Float32 widens to Float64.
   *
   * @throws InvalidQueryException if the type does not match and no such conversion applies, or the
   *     integer is out of the target's range
   */
  public static Value coerce(Value v, DataType target) {
    if (v == NullValue.INSTANCE || v.type() == target) {
      return v; // NullValue is a singleton: no interface call for it
    }
    if (v instanceof IntegerValue i && target.isInteger()) {
      return integer(target, i.isNegative(), i.bits());
    }
    if (v instanceof Float32Value f && target == DataType.FLOAT64) {
      return new Float64Value(f.value());
    }
    throw new InvalidQueryException(
        "expected a " + target.wireName() + " value, got " + v.type().wireName());
  }

  /**
   * Builds an integer value of type {@code type} from the pair described on {@link
   * IntegerValue#bits()}.
   *
   * @param type an integer type
   * @param negative whether the number is below zero
   * @param bits two's complement if negative, else the unsigned magnitude
   * @throws InvalidQueryException if the number does not fit {@code type}
   * @throws IllegalArgumentException if {@code type} is not an integer type
   */
  public static IntegerValue integer(DataType type, boolean negative, long bits) {
    if (negative && bits >= 0) {
      throw new IllegalArgumentException("negative flag with non-negative bits");
    }
    long min;
    long max;
    switch (type) {
      case INT8 -> {
        min = Byte.MIN_VALUE;
        max = Byte.MAX_VALUE;
      }
      case INT16 -> {
        min = Short.MIN_VALUE;
        max = Short.MAX_VALUE;
      }
      case INT32 -> {
        min = Integer.MIN_VALUE;
        max = Integer.MAX_VALUE;
      }
      case INT64 -> {
        min = Long.MIN_VALUE;
        max = Long.MAX_VALUE;
      }
      case UINT8 -> {
        min = 0;
        max = 0xFF;
      }
      case UINT16 -> {
        min = 0;
        max = 0xFFFF;
      }
      case UINT32 -> {
        min = 0;
        max = 0xFFFFFFFFL;
      }
      case UINT64 -> {
        if (negative) {
          throw outOfRange(type, true, bits);
        }
        return new Uint64Value(bits);
      }
      default -> throw new IllegalArgumentException(type + " is not an integer type");
    }
    // Here both bounds are signed longs; a non-negative value above Long.MAX_VALUE never fits.
    if ((!negative && bits < 0) || bits < min || bits > max) {
      throw outOfRange(type, negative, bits);
    }
    return switch (type) {
      case INT8 -> new Int8Value((byte) bits);
      case INT16 -> new Int16Value((short) bits);
      case INT32 -> new Int32Value((int) bits);
      case INT64 -> new Int64Value(bits);
      case UINT8 -> new Uint8Value((int) bits);
      case UINT16 -> new Uint16Value((int) bits);
      default -> new Uint32Value(bits);
    };
  }

  private static InvalidQueryException outOfRange(DataType type, boolean negative, long bits) {
    String text = negative ? Long.toString(bits) : Unsigned.toString(bits);
    return new InvalidQueryException(text + " is out of range for " + type.wireName());
  }
}
