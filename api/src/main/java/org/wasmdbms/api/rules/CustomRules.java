package org.wasmdbms.api.rules;

import org.wasmdbms.api.error.SanitizationException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.value.Value;

/**
 * Wraps user-defined sanitizers and validators (those named in {@link
 * org.wasmdbms.api.annotation.Sanitize} and {@link org.wasmdbms.api.annotation.Validate}) into
 * rules of any value, as the code the annotation processor generates does. The wrapper
 *
 * <ul>
 *   <li>passes {@code Null} by without calling the user's rule;
 *   <li>puts the rule's name in front of the detail of the {@link SanitizationException} or {@link
 *       ValidationException} the rule throws;
 *   <li>turns anything else the rule throws into one of those two, naming the rule, so that a
 *       faulty rule is never an internal error (in the WebAssembly guest too, where it does not
 *       look inside the thrown object: TeaVM builds some of them malformed);
 *   <li>rejects a sanitizer result that is Java {@code null} or of another data type than its
 *       input.
 * </ul>
 *
 * <p>The wrappers are as thread-safe as the rules they wrap.
 */
public final class CustomRules {
  private CustomRules() {}

  /**
   * The sanitizer that runs {@code rule} on every value but {@code Null}.
   *
   * @param name the rule's name for error messages, usually its simple class name
   * @param rule the user's sanitizer; the column's values must be {@code T}s, which the annotation
   *     processor checks
   */
  public static <T extends Value> Sanitizer<Value> sanitizer(String name, Sanitizer<T> rule) {
    return new CustomSanitizer<>(name, rule);
  }

  /**
   * The validator that runs {@code rule} on every value but {@code Null}.
   *
   * @param name the rule's name for error messages, usually its simple class name
   * @param rule the user's validator; the column's values must be {@code T}s, which the annotation
   *     processor checks
   */
  public static <T extends Value> Validator<Value> validator(String name, Validator<T> rule) {
    return new CustomValidator<>(name, rule);
  }

  private record CustomSanitizer<T extends Value>(String name, Sanitizer<T> rule)
      implements Sanitizer<Value> {
    @Override
    public Value sanitize(Value value) {
      if (value.isNull()) {
        return value;
      }
      Value result;
      try {
        result = rule.sanitize(narrow(value));
      } catch (SanitizationException e) {
        throw new SanitizationException(name + ": " + e.detail());
      } catch (Throwable e) {
        throw new SanitizationException(name + " failed with an unexpected exception");
      }
      if (result == null) {
        throw new SanitizationException(name + " returned Java null instead of a value");
      }
      if (!result.isNull() && result.type() != value.type()) {
        throw new SanitizationException(
            name
                + " turned a "
                + value.type().wireName()
                + " value into a "
                + result.type().wireName()
                + " value");
      }
      return result;
    }
  }

  private record CustomValidator<T extends Value>(String name, Validator<T> rule)
      implements Validator<Value> {
    @Override
    public void validate(Value value) {
      if (value.isNull()) {
        return;
      }
      try {
        rule.validate(narrow(value));
      } catch (ValidationException e) {
        throw new ValidationException(name + ": " + e.detail());
      } catch (Throwable e) {
        throw new ValidationException(name + " failed with an unexpected exception");
      }
    }
  }

  /**
   * The value as the rule's type. Unchecked because {@code T} is erased; a rule given values it was
   * not written for fails inside its own bridge method, within the try blocks above.
   */
  @SuppressWarnings("unchecked")
  private static <T extends Value> T narrow(Value value) {
    return (T) value;
  }
}
