package org.wasmdbms.processor;

import java.math.BigInteger;
import java.util.function.UnaryOperator;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.value.BlobValue;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DateTimeValue;
import org.wasmdbms.api.value.DateValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.UuidValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * Compile-time parsing of value text given in annotations ({@code @Default}, {@code @Clamp}) into
 * the column's type, and the Java expression that rebuilds the parsed value in generated code.
 */
final class ValueLiterals {
  private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_UINT64 =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private ValueLiterals() {}

  /**
   * Parses {@code text} as a value of {@code type}; {@code "Null"} is the null value when {@code
   * nullable}.
   *
   * @throws IllegalArgumentException with a message saying why the text does not parse
   */
  static Value parse(String text, DataType type, boolean nullable) {
    if (nullable && text.equals("Null")) {
      return NullValue.INSTANCE;
    }
    try {
      return switch (type) {
        case FLOAT32 -> new Float32Value((float) parseFinite(text, true));
        case FLOAT64 -> new Float64Value(parseFinite(text, false));
        case DECIMAL -> DecimalValue.parse(text);
        case BOOLEAN -> new BooleanValue(parseBoolean(text));
        case DATE -> parseDate(text);
        case DATETIME -> parseDateTime(text);
        case TEXT -> new TextValue(text);
        case BLOB -> new BlobValue(parseHex(text));
        case JSON -> new JsonValue(text);
        case UUID -> UuidValue.parse(text);
        default -> parseInteger(text, type);
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a valid " + type.wireName(), e);
    } catch (DbmsException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a valid " + type.wireName() + ": " + e.detail(), e);
    }
  }

  private static double parseFinite(String text, boolean single) {
    // Java's parser also takes hex floats, "NaN", "Infinity", a trailing "f" and blanks.
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && "+-.eE".indexOf(c) < 0) {
        throw new NumberFormatException(text);
      }
    }
    double number = single ? Float.parseFloat(text) : Double.parseDouble(text);
    if (Double.isInfinite(number)) {
      throw new IllegalArgumentException("\"" + text + "\" is out of the float range");
    }
    return number;
  }

  private static boolean parseBoolean(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new NumberFormatException(text);
    };
  }

  private static IntegerValue parseInteger(String text, DataType type) {
    int start = text.startsWith("-") ? 1 : 0;
    if (text.length() == start) {
      throw new NumberFormatException(text);
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw new NumberFormatException(text);
      }
    }
    BigInteger number = new BigInteger(text);
    if (number.compareTo(MIN_INT64) < 0 || number.compareTo(MAX_UINT64) > 0) {
      throw new IllegalArgumentException("\"" + text + "\" is out of range for " + type.wireName());
    }
    return Values.integer(type, number.signum() < 0, number.longValue());
  }

  private static DateValue parseDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new NumberFormatException(text);
    }
    return new DateValue(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SS}, optionally {@code .} and 1 to 6 digits, then {@code Z} or ±HH:MM.
   */
  private static DateTimeValue parseDateTime(String text) {
    if (text.length() < 20
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      throw new NumberFormatException(text);
    }
    DateValue date = parseDate(text.substring(0, 10));
    int i = 19;
    int micros = 0;
    if (text.charAt(i) == '.') {
      int end = i + 1;
      while (end < text.length() && Character.isDigit(text.charAt(end))) {
        end++;
      }
      if (end == i + 1 || end > i + 7) {
        throw new NumberFormatException(text);
      }
      micros = digits(text, i + 1, end);
      for (int k = end - i - 1; k < 6; k++) {
        micros *= 10;
      }
      i = end;
    }
    String zone = text.substring(i);
    int offset;
    if (zone.equals("Z")) {
      offset = 0;
    } else if (zone.length() == 6 && "+-".indexOf(zone.charAt(0)) >= 0 && zone.charAt(3) == ':') {
      offset = digits(zone, 1, 3) * 60 + digits(zone, 4, 6);
      offset = zone.charAt(0) == '-' ? -offset : offset;
    } else {
      throw new NumberFormatException(text);
    }
    return new DateTimeValue(
        date.year(),
        date.month(),
        date.day(),
        digits(text, 11, 13),
        digits(text, 14, 16),
        digits(text, 17, 19),
        micros,
        offset);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static byte[] parseHex(String text) {
    if (text.length() % 2 != 0) {
      throw new NumberFormatException(text);
    }
    byte[] bytes = new byte[text.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = Character.digit(text.charAt(2 * i), 16);
      int low = Character.digit(text.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        throw new NumberFormatException(text);
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return bytes;
  }

  /**
   * A Java expression that builds {@code value}.
   *
   * @param imports turns a qualified class name into the name to write (importing it)
   */
  static String source(Value value, UnaryOperator<String> imports) {
    if (value.isNull()) {
      return imports.apply(NullValue.class.getName()) + ".INSTANCE";
    }
    String cls = imports.apply(FieldType.valueClass(value.type()));
    String arguments =
        switch (value.type()) {
          case INT8 -> "(byte) " + ((IntegerValue) value).text();
          case INT16 -> "(short) " + ((IntegerValue) value).text();
          case INT32, UINT8, UINT16 -> ((IntegerValue) value).text();
          case INT64, UINT32, UINT64 -> ((IntegerValue) value).bits() + "L";
          case FLOAT32 -> floatLiteral(((Float32Value) value).value());
          case FLOAT64 -> doubleLiteral(((Float64Value) value).value());
          case BOOLEAN -> String.valueOf(((BooleanValue) value).value());
          case DECIMAL -> JavaWriter.quote(((DecimalValue) value).text());
          case DATE -> dateArguments((DateValue) value);
          case DATETIME -> dateTimeArguments((DateTimeValue) value);
          case TEXT -> JavaWriter.quote(((TextValue) value).value());
          case JSON -> JavaWriter.quote(((JsonValue) value).text());
          case UUID -> JavaWriter.quote(((UuidValue) value).text());
          case BLOB -> byteArray(((BlobValue) value).bytes());
        };
    return switch (value.type()) {
      case DECIMAL, UUID -> cls + ".parse(" + arguments + ")";
      default -> "new " + cls + "(" + arguments + ")";
    };
  }

  private static String floatLiteral(float f) {
    return "Float.intBitsToFloat(" + Float.floatToIntBits(f) + ")";
  }

  private static String doubleLiteral(double d) {
    return "Double.longBitsToDouble(" + Double.doubleToLongBits(d) + "L)";
  }

  private static String dateArguments(DateValue d) {
    return d.year() + ", " + d.month() + ", " + d.day();
  }

  private static String dateTimeArguments(DateTimeValue d) {
    return d.year()
        + ", "
        + d.month()
        + ", "
        + d.day()
        + ", "
        + d.hour()
        + ", "
        + d.minute()
        + ", "
        + d.second()
        + ", "
        + d.microsecond()
        + ", "
        + d.timezoneOffsetMinutes();
  }

  private static String byteArray(byte[] bytes) {
    StringBuilder out = new StringBuilder("new byte[] {");
    for (int i = 0; i < bytes.length; i++) {
      out.append(i == 0 ? "" : ", ").append(bytes[i]);
    }
    return out.append('}').toString();
  }
}
