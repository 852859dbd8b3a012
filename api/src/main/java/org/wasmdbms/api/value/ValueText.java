package org.wasmdbms.api.value;

import org.wasmdbms.api.json.JsonNumbers;
import org.wasmdbms.api.json.JsonWriter;

/**
 * Human-readable literals of values, for messages and printed rows: {@code 42}, {@code "Alice"}
 * (quoted and escaped like JSON), {@code 19.99}, {@code 2024-06-15}, {@code
 * 2024-06-15T10:30:00.000000+02:00}, {@code x'0aff'}, {@code null}. Not a parse format; the JSON
 * wire form is the exchange format.
 */
public final class ValueText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ValueText() {}

  /** The literal of {@code value}. */
  public static String display(Value value) {
    if (value.isNull()) {
      return "null";
    }
    if (value instanceof IntegerValue integer) {
      return integer.text();
    }
    if (value instanceof TextValue text) {
      return quoted(text.value());
    }
    if (value instanceof JsonValue json) {
      return json.text();
    }
    if (value instanceof Float64Value f) {
      return JsonNumbers.printDouble(f.value());
    }
    if (value instanceof Float32Value f) {
      return JsonNumbers.printFloat(f.value());
    }
    if (value instanceof DecimalValue decimal) {
      return decimal.text();
    }
    if (value instanceof BooleanValue bool) {
      return bool.value() ? "true" : "false";
    }
    if (value instanceof UuidValue uuid) {
      return uuid.text();
    }
    if (value instanceof DateValue date) {
      return date(date.year(), date.month(), date.day());
    }
    if (value instanceof DateTimeValue t) {
      return dateTime(t);
    }
    return blob((BlobValue) value);
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    JsonWriter.quote(out, text);
    return out.toString();
  }

  private static String date(int year, int month, int day) {
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2);
  }

  private static String dateTime(DateTimeValue t) {
    int offset = t.timezoneOffsetMinutes();
    int magnitude = offset < 0 ? -offset : offset;
    return date(t.year(), t.month(), t.day())
        + "T"
        + pad(t.hour(), 2)
        + ":"
        + pad(t.minute(), 2)
        + ":"
        + pad(t.second(), 2)
        + "."
        + pad(t.microsecond(), 6)
        + (offset < 0 ? "-" : "+")
        + pad(magnitude / 60, 2)
        + ":"
        + pad(magnitude % 60, 2);
  }

  private static String blob(BlobValue blob) {
    StringBuilder out = new StringBuilder(blob.length() * 2 + 3).append("x'");
    for (int i = 0; i < blob.length(); i++) {
      int b = blob.byteAt(i) & 0xFF;
      out.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
    }
    return out.append('\'').toString();
  }

  private static String pad(int number, int width) {
    String digits = Integer.toString(number);
    StringBuilder out = new StringBuilder(width);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits).toString();
  }
}
