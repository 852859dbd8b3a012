package org.wasmdbms.api.rules;

import java.util.function.Predicate;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;

/**
 * The built-in validators. Each factory returns a new, stateless and thread-safe {@link Validator}
 * that accepts {@code Null} and rejects a value of a type it does not apply to. Text lengths count
 * Unicode code points, so "héllo" has five characters whatever its UTF-8 size.
 */
public final class Validators {
  private Validators() {}

  /** Text of at least {@code min} characters. */
  public static Validator<Value> minLength(int min) {
    return lengthRange(min, Integer.MAX_VALUE);
  }

  /** Text of at most {@code max} characters. */
  public static Validator<Value> maxLength(int max) {
    return lengthRange(0, max);
  }

  /**
   * Text of {@code min} to {@code max} characters, both inclusive.
   *
   * @throws IllegalArgumentException if the bounds are negative or reversed
   */
  public static Validator<Value> lengthRange(int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("bad length bounds " + min + ".." + max);
    }
    return value -> {
      if (value.isNull()) {
        return;
      }
      String text = requireText("length", value);
      int length = text.codePointCount(0, text.length());
      if (length < min) {
        throw new ValidationException(
            "text has " + length + " characters, fewer than the minimum " + min);
      }
      if (length > max) {
        throw new ValidationException(
            "text has " + length + " characters, more than the maximum " + max);
      }
    };
  }

  /** A syntactically valid e-mail address; see {@link TextRules#isEmail(String)}. */
  public static Validator<Value> email() {
    return textMatching("e-mail address", TextRules::isEmail);
  }

  /** An absolute http(s) URL; see {@link TextRules#isUrl(String)}. */
  public static Validator<Value> url() {
    return textMatching("URL", TextRules::isUrl);
  }

  /**
   * A phone number: an optional leading {@code +}, then 7 to 20 characters among ASCII digits,
   * {@code ( ) . -} and white space; see {@link TextRules#isPhoneNumber(String)}.
   */
  public static Validator<Value> phoneNumber() {
    return textMatching("phone number", TextRules::isPhoneNumber);
  }

  /** A MIME type {@code type/subtype}; see {@link TextRules#isMimeType(String)}. */
  public static Validator<Value> mimeType() {
    return textMatching("MIME type", TextRules::isMimeType);
  }

  /** An RGB colour {@code #rrggbb}; see {@link TextRules#isRgbColor(String)}. */
  public static Validator<Value> rgbColor() {
    return textMatching("RGB colour (#rrggbb)", TextRules::isRgbColor);
  }

  /** CamelCase text; see {@link TextRules#isCamelCase(String)}. */
  public static Validator<Value> camelCase() {
    return textMatching("CamelCase text", TextRules::isCamelCase);
  }

  /** kebab-case text; see {@link TextRules#isKebabCase(String)}. */
  public static Validator<Value> kebabCase() {
    return textMatching("kebab-case text", TextRules::isKebabCase);
  }

  /** snake_case text; see {@link TextRules#isSnakeCase(String)}. */
  public static Validator<Value> snakeCase() {
    return textMatching("snake_case text", TextRules::isSnakeCase);
  }

  /**
   * An ISO 639-1 language code, two lower-case letters from the list in {@link CodeLists} ({@code
   * "en"} passes, {@code "EN"} and {@code "eng"} do not).
   */
  public static Validator<Value> iso639() {
    return textMatching("ISO 639-1 language code", CodeLists::isIso639);
  }

  /**
   * An ISO 3166-1 alpha-2 country code, two upper-case letters from the list in {@link CodeLists}
   * ({@code "US"} passes, {@code "us"} and {@code "XX"} do not).
   */
  public static Validator<Value> iso3166() {
    return textMatching("ISO 3166-1 alpha-2 country code", CodeLists::isIso3166);
  }

  private static Validator<Value> textMatching(String what, Predicate<String> rule) {
    return value -> {
      if (value.isNull()) {
        return;
      }
      String text = requireText(what, value);
      if (!rule.test(text)) {
        throw new ValidationException("\"" + text + "\" is not a valid " + what);
      }
    };
  }

  private static String requireText(String rule, Value value) {
    if (value instanceof TextValue text) {
      return text.value();
    }
    throw new ValidationException(
        "the " + rule + " rule applies to text, not to a " + value.type().wireName() + " value");
  }
}
