package org.wasmdbms.api.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.SanitizationException;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/** The built-in sanitizers. Each factory returns a new, stateless {@link Sanitizer}. */
public final class Sanitizers {
  /** The largest scale {@link #roundToScale(int)} accepts. */
  public static final int MAX_SCALE = DecimalValue.MAX_SCALE;

  private Sanitizers() {}

  /** Removes leading and trailing white space from text. */
  public static Sanitizer trim() {
    return text("trim", TextRules::trim);
  }

  /** Trims text and turns inner runs of white space into one space. */
  public static Sanitizer collapseWhitespace() {
    return text("collapse whitespace", TextRules::collapseWhitespace);
  }

  /** Lower-cases text (locale-independent). */
  public static Sanitizer lowerCase() {
    return text("lower case", s -> s.toLowerCase(Locale.ROOT));
  }

  /** Upper-cases text (locale-independent). */
  public static Sanitizer upperCase() {
    return text("upper case", s -> s.toUpperCase(Locale.ROOT));
  }

  /** Turns text into a URL slug; see {@link TextRules#slug(String)}. */
  public static Sanitizer slug() {
    return text("slug", TextRules::slug);
  }

  /** Replaces empty or all-white-space text with null. */
  public static Sanitizer nullIfEmpty() {
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
  public static Sanitizer clamp(Value min, Value max) {
    if (Values.compare(min, max) > 0) {
      throw new IllegalArgumentException("clamp bounds are reversed");
    }
    return value -> {
      if (value.isNull()) {
        return value;
      }
      if (!isNumber(value)) {
        throw notApplicable("clamp", value);
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
        throw new SanitizationException("clamp bound does not fit " + value.type().wireName());
      }
    };
  }

  /**
   * Rounds decimals and floats to {@code scale} digits after the point, halves away from zero.
   * Integers are already exact and pass through.
   *
   * @throws IllegalArgumentException if {@code scale} is negative or above {@link #MAX_SCALE}
   */
  public static Sanitizer roundToScale(int scale) {
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

  private static Sanitizer text(String name, UnaryOperator<String> transform) {
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
