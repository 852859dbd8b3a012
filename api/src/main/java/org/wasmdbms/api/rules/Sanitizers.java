package org.wasmdbms.api.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.SanitizationException;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DateTimeValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * The built-in sanitizers. Each factory returns a new, stateless and thread-safe {@link Sanitizer}
 * that passes {@code Null} through and throws {@link SanitizationException} for a value of a type
 * it does not apply to.
 */
public final class Sanitizers {
  /** The largest scale {@link #roundToScale(int)} accepts. */
  public static final int MAX_SCALE = DecimalValue.MAX_SCALE;

  private Sanitizers() {}

  /** Removes leading and trailing white space from text. */
  public static Sanitizer<Value> trim() {
    return text("trim", TextRules::trim);
  }

  /** Trims text and turns inner runs of white space into one space. */
  public static Sanitizer<Value> collapseWhitespace() {
    return text("collapse whitespace", TextRules::collapseWhitespace);
  }

  /** Lower-cases text (locale-independent). */
  public static Sanitizer<Value> lowerCase() {
    return text("lower case", s -> s.toLowerCase(Locale.ROOT));
  }

  /** Upper-cases text (locale-independent). */
  public static Sanitizer<Value> upperCase() {
    return text("upper case", s -> s.toUpperCase(Locale.ROOT));
  }

  /** Turns text into a URL slug; see {@link TextRules#slug(String)}. */
  public static Sanitizer<Value> slug() {
    return text("slug", TextRules::slug);
  }

  /** Replaces empty or all-white-space text with null. */
  public static Sanitizer<Value> nullIfEmpty() {
    return value -> {
      if (value.isNull()) {
        return value;
      }
      String text = requireText("null if empty", value);
      return TextRules.trim(text).isEmpty() ? NullValue.INSTANCE : value;
    };
  }

  /**
   * Limits a number to {@code [min, max]}: a value below {@code min} becomes {@code min}, above
   * {@code max} becomes {@code max}, both converted to the value's own type. Works on integers of
   * any width, floats and decimals.
   *
   * @throws IllegalArgumentException if {@code min} is greater than {@code max}
   */
  public static Sanitizer<Value> clamp(Value min, Value max) {
    return bounded("clamp", min, max, Sanitizers::isNumber);
  }

  /**
   * Limits an unsigned integer ({@code Uint8} to {@code Uint64}) to {@code [min, max]}, the bounds
   * read as unsigned 64-bit numbers: a value below {@code min} becomes {@code min}, above {@code
   * max} becomes {@code max}, in the value's own type. A bound beyond the value's type matters only
   * when it is used: raising a {@code Uint8} to a minimum of 300 is a sanitization error, while a
   * maximum of 300 leaves every {@code Uint8} as it is. The reference implementation's {@code
   * ClampUnsignedSanitizer}, which likewise fails when the clamped value does not fit.
   *
   * @throws IllegalArgumentException if {@code min} is greater than {@code max}
   */
  public static Sanitizer<Value> clampUnsigned(Uint64Value min, Uint64Value max) {
    return bounded("clamp unsigned", min, max, value -> isUnsigned(value.type()));
  }

  private static Sanitizer<Value> bounded(
      String name, Value min, Value max, Predicate<Value> applies) {
    if (Values.compare(min, max) > 0) {
      throw new IllegalArgumentException(name + " bounds are reversed");
    }
    return value -> {
      if (value.isNull()) {
        return value;
      }
      if (!applies.test(value)) {
        throw notApplicable(name, value);
      }
      try {
        if (Values.compare(value, min) < 0) {
          return Values.coerce(min, value.type());
        }
        if (Values.compare(value, max) > 0) {
          return Values.coerce(max, value.type());
        }
        return value;
      } catch (InvalidQueryException e) {
        throw new SanitizationException(name + " bound does not fit " + value.type().wireName());
      }
    };
  }

  /** Whether {@code type} is one of the unsigned integer types. */
  public static boolean isUnsigned(DataType type) {
    return type == DataType.UINT8
        || type == DataType.UINT16
        || type == DataType.UINT32
        || type == DataType.UINT64;
  }

  /**
   * Rounds decimals and floats to {@code scale} digits after the point, halves away from zero.
   * Integers are already exact and pass through.
   *
   * @throws IllegalArgumentException if {@code scale} is negative or above {@link #MAX_SCALE}
   */
  public static Sanitizer<Value> roundToScale(int scale) {
    if (scale < 0 || scale > MAX_SCALE) {
      throw new IllegalArgumentException("scale must be within 0.." + MAX_SCALE + ": " + scale);
    }
    return value -> {
      if (value.isNull() || value instanceof IntegerValue) {
        return value;
      }
      if (value instanceof DecimalValue d) {
        return new DecimalValue(d.value().setScale(scale, RoundingMode.HALF_UP));
      }
      if (value instanceof Float64Value f) {
        return new Float64Value(round(f.value(), scale));
      }
      if (value instanceof Float32Value f) {
        return new Float32Value((float) round(f.value(), scale));
      }
      throw notApplicable("round to scale", value);
    };
  }

  /**
   * Percent-encodes text: every character but the ASCII letters and digits becomes the {@code %XX}
   * escapes of its UTF-8 bytes, in upper-case hexadecimal. {@code "你好 rust"} becomes {@code
   * "%E4%BD%A0%E5%A5%BD%20rust"}; the empty text stays empty. The reference implementation's {@code
   * UrlEncodingSanitizer} (the {@code NON_ALPHANUMERIC} set of the {@code percent-encoding} crate).
   * Text that grows beyond the size limit of a value is a constraint violation.
   */
  public static Sanitizer<Value> urlEncode() {
    return text("URL encoding", TextRules::urlEncode);
  }

  /**
   * Moves a date-time to the UTC offset {@code offsetMinutes}, keeping the instant it denotes:
   * {@code 2024-03-10T12:00+01:00} at offset {@code +120} becomes {@code 2024-03-10T13:00+02:00}.
   * The date changes when the wall clock crosses midnight. A result outside the years 1..9999 is a
   * sanitization error. The reference implementation's {@code TimezoneSanitizer}.
   *
   * @throws IllegalArgumentException if the offset is outside {@code -1439..1439}
   */
  public static Sanitizer<Value> timezoneOffset(int offsetMinutes) {
    if (offsetMinutes < -DateTimeValue.MAX_OFFSET_MINUTES
        || offsetMinutes > DateTimeValue.MAX_OFFSET_MINUTES) {
      throw new IllegalArgumentException(
          "offset must be within -"
              + DateTimeValue.MAX_OFFSET_MINUTES
              + ".."
              + DateTimeValue.MAX_OFFSET_MINUTES
              + " minutes: "
              + offsetMinutes);
    }
    return value -> {
      if (value.isNull()) {
        return value;
      }
      if (value instanceof DateTimeValue dateTime) {
        return DateTimes.atOffset(dateTime, offsetMinutes);
      }
      throw notApplicable("time-zone offset", value);
    };
  }

  /**
   * Moves a date-time to UTC, keeping its instant: {@link #timezoneOffset(int)} with offset 0. The
   * reference implementation's {@code UtcSanitizer}.
   */
  public static Sanitizer<Value> utc() {
    return timezoneOffset(0);
  }

  private static double round(double number, int scale) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return number;
    }
    return BigDecimal.valueOf(number).setScale(scale, RoundingMode.HALF_UP).doubleValue();
  }

  private static boolean isNumber(Value value) {
    return value instanceof IntegerValue
        || value instanceof DecimalValue
        || value instanceof Float32Value
        || value instanceof Float64Value;
  }

  private static Sanitizer<Value> text(String name, UnaryOperator<String> transform) {
    return value ->
        value.isNull() ? value : new TextValue(transform.apply(requireText(name, value)));
  }

  private static String requireText(String name, Value value) {
    if (value instanceof TextValue text) {
      return text.value();
    }
    throw notApplicable(name, value);
  }

  private static SanitizationException notApplicable(String name, Value value) {
    return new SanitizationException(
        "cannot apply " + name + " to a " + value.type().wireName() + " value");
  }
}
