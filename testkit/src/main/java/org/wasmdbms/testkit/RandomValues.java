package org.wasmdbms.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.value.BlobValue;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DateTimeValue;
import org.wasmdbms.api.value.DateValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int16Value;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.Int8Value;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint16Value;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.api.value.UuidValue;
import org.wasmdbms.api.value.Value;

/**
 * Deterministic random {@link Value}s, biased towards boundaries (zero, minimum, maximum, NUL
 * characters, empty text, leap days) because that is where encodings break. Every value it makes is
 * finite and has a JSON wire form, so it can be used for wire round trips as well as storage.
 */
public final class RandomValues {
  private static final DataType[] TYPES = DataType.values();
  private static final String[] JSON_DOCUMENTS = {
    "null",
    "0",
    "-1.5e3",
    "\"s\"",
    "[]",
    "{}",
    "[1,[2,[3]]]",
    "{\"a\":{\"b\":[true,false]}}",
    " { \"k\" : \"\\u00e9\" } "
  };

  private static final String SPECIAL_CHARS = "\u0000\"\\/\n\t %_";

  private final SplitMix64 rng;

  /** Draws from {@code rng}. */
  public RandomValues(SplitMix64 rng) {
    this.rng = rng;
  }

  /** The generator this draws from. */
  public SplitMix64 rng() {
    return rng;
  }

  /** A uniformly chosen data type. */
  public DataType type() {
    return TYPES[rng.nextInt(TYPES.length)];
  }

  /** {@link NullValue} one time in {@code n}, otherwise {@link #value(DataType)}. */
  public Value valueOrNull(DataType type, int n) {
    return rng.oneIn(n) ? NullValue.INSTANCE : value(type);
  }

  /** A random non-null value of {@code type}. */
  public Value value(DataType type) {
    return switch (type) {
      case INT8 -> new Int8Value((byte) integerBits(8, true));
      case INT16 -> new Int16Value((short) integerBits(16, true));
      case INT32 -> new Int32Value((int) integerBits(32, true));
      case INT64 -> new Int64Value(integerBits(64, true));
      case UINT8 -> new Uint8Value((int) integerBits(8, false));
      case UINT16 -> new Uint16Value((int) integerBits(16, false));
      case UINT32 -> new Uint32Value(integerBits(32, false));
      case UINT64 -> new Uint64Value(integerBits(64, false));
      case FLOAT32 -> new Float32Value(finiteFloat());
      case FLOAT64 -> new Float64Value(finiteDouble());
      case DECIMAL -> decimal();
      case BOOLEAN -> new BooleanValue(rng.nextBoolean());
      case DATE -> date();
      case DATETIME -> dateTime();
      case TEXT -> new TextValue(text(rng.between(0, 12)));
      case BLOB -> new BlobValue(bytes(rng.between(0, 12)));
      case JSON -> new JsonValue(JSON_DOCUMENTS[rng.nextInt(JSON_DOCUMENTS.length)]);
      case UUID -> new UuidValue(bytes(16));
    };
  }

  /**
   * Random integer bits of a width: a boundary (0, 1, -1, minimum, maximum) one time in three,
   * otherwise a small number or uniform bits. Signed results are sign-extended; unsigned ones are
   * zero-extended (for 64 bits, read them as unsigned).
   */
  private long integerBits(int width, boolean signed) {
    long bits;
    int pick = rng.nextInt(9);
    long max = width == 64 ? -1L : (1L << width) - 1;
    if (pick == 0) {
      bits = 0;
    } else if (pick == 1) {
      bits = 1;
    } else if (pick == 2) {
      bits = max; // -1 when signed
    } else if (pick == 3) {
      bits = signed ? 1L << (width - 1) : max; // signed minimum
    } else if (pick == 4) {
      bits = signed ? (1L << (width - 1)) - 1 : max - 1; // signed maximum
    } else if (pick == 5) {
      bits = rng.between(-100, 100);
    } else {
      bits = rng.nextLong();
    }
    bits &= max;
    if (signed && width < 64 && (bits & (1L << (width - 1))) != 0) {
      bits |= ~max;
    }
    return bits;
  }

  private double finiteDouble() {
    int pick = rng.nextInt(6);
    if (pick == 0) {
      return rng.nextBoolean() ? 0.0 : -0.0;
    }
    if (pick == 1) {
      return rng.between(-1000, 1000) / 8.0;
    }
    if (pick == 2) {
      return rng.between(-1_000_000, 1_000_000) / 1000.0;
    }
    double d = Double.longBitsToDouble(rng.nextLong());
    return Double.isNaN(d) || Double.isInfinite(d) ? 1.0 : d;
  }

  private float finiteFloat() {
    if (rng.nextBoolean()) {
      float f = (float) finiteDouble();
      return Float.isInfinite(f) ? Float.MAX_VALUE : f;
    }
    float f = Float.intBitsToFloat((int) rng.nextLong());
    return Float.isNaN(f) || Float.isInfinite(f) ? -1.0f : f;
  }

  private Value decimal() {
    BigInteger unscaled =
        BigInteger.valueOf(rng.oneIn(4) ? rng.nextLong() : rng.between(-999_999, 999_999));
    return new DecimalValue(new BigDecimal(unscaled, rng.between(0, 8)));
  }

  private DateValue date() {
    int year = rng.oneIn(5) ? (rng.nextBoolean() ? 1 : 9999) : rng.between(1900, 2100);
    int month = rng.between(1, 12);
    int maxDay = DateValue.daysInMonth(year, month);
    return new DateValue(year, month, rng.oneIn(4) ? maxDay : rng.between(1, maxDay));
  }

  private DateTimeValue dateTime() {
    DateValue d = date();
    int offset =
        rng.oneIn(3)
            ? 0
            : rng.between(-DateTimeValue.MAX_OFFSET_MINUTES, DateTimeValue.MAX_OFFSET_MINUTES);
    return new DateTimeValue(
        d.year(),
        d.month(),
        d.day(),
        rng.between(0, 23),
        rng.between(0, 59),
        rng.between(0, 59),
        rng.oneIn(3) ? 0 : rng.between(0, 999_999),
        offset);
  }

  /**
   * Random text of up to {@code codePoints} code points mixing ASCII, NUL, quotes and backslashes,
   * two- and three-byte characters and supplementary characters.
   */
  public String text(int codePoints) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int pick = rng.nextInt(10);
      int cp;
      if (pick < 5) {
        cp = rng.between('a', 'e');
      } else if (pick == 5) {
        cp = SPECIAL_CHARS.charAt(rng.nextInt(SPECIAL_CHARS.length()));
      } else if (pick == 6) {
        cp = rng.between(0x80, 0x7FF);
      } else if (pick == 7) {
        cp = rng.between(0xE000, 0xFFFD);
      } else if (pick == 8) {
        cp = rng.between(0x800, 0xD7FF);
      } else {
        cp = rng.between(0x10000, 0x10FFFF);
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  /** {@code n} random bytes, with zero bytes over-represented. */
  public byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = rng.oneIn(4) ? 0 : (byte) rng.nextLong();
    }
    return b;
  }

  /** A row of values for {@code types}, each null one time in {@code nullOneIn}. */
  public List<Value> row(List<DataType> types, int nullOneIn) {
    List<Value> row = new ArrayList<>(types.size());
    for (DataType t : types) {
      row.add(valueOrNull(t, nullOneIn));
    }
    return row;
  }

  /** {@code n} uniformly chosen types. */
  public List<DataType> types(int n) {
    List<DataType> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(type());
    }
    return types;
  }
}
