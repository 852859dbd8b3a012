package org.wasmdbms.api.rules;

import java.util.function.Predicate;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;

/**
 * The built-in validators. Each factory returns a new, stateless {@link Validator}. Text lengths
 * count Unicode code points, so "héllo" has five characters whatever its UTF-8 size.
 */
public final class Validators {
  private Validators() {}

  /** Text of at least {@code min} characters. */
  public static Validator minLength(int min) {
    return lengthRange(min, Integer.MAX_VALUE);
  }

  /** Text of at most {@code max} characters. */
  public static Validator maxLength(int max) {
    return lengthRange(0, max);
  }

  /**
   * Text of {@code min} to {@code max} characters, both inclusive.
   *
   * @throws IllegalArgumentException if the bounds are negative or reversed
   */
  public static Validator lengthRange(int min, int max) {
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
  public static Validator email() {
    return textMatching("e-mail address", TextRules::isEmail);
  }

  /** An absolute http(s) URL; see {@link TextRules#isUrl(String)}. */
  public static Validator url() {
    return textMatching("URL", TextRules::isUrl);
  }

  private static Validator textMatching(String what, Predicate<String> rule) {
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
