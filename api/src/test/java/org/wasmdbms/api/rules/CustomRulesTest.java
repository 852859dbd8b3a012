package org.wasmdbms.api.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.SanitizationException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;

class CustomRulesTest {
  private static final Sanitizer<TextValue> SHOUT =
      value -> new TextValue(value.value().toUpperCase(java.util.Locale.ROOT));

  @Test
  void sanitizerRunsOnValuesAndSkipsNull() {
    Sanitizer<Value> rule = CustomRules.sanitizer("Shout", SHOUT);
    assertEquals(new TextValue("HI"), rule.sanitize(new TextValue("hi")));
    Sanitizer<TextValue> neverNull =
        value -> {
          throw new AssertionError("called with " + value);
        };
    assertSame(
        NullValue.INSTANCE, CustomRules.sanitizer("Never", neverNull).sanitize(NullValue.INSTANCE));
  }

  @Test
  void sanitizerFailuresNameTheRule() {
    Sanitizer<TextValue> refuses =
        value -> {
          throw new SanitizationException("no");
        };
    assertEquals(
        "Refuses: no",
        assertThrows(
                SanitizationException.class,
                () -> CustomRules.sanitizer("Refuses", refuses).sanitize(new TextValue("x")))
            .detail());
    Sanitizer<TextValue> broken = value -> new TextValue(value.value().substring(5));
    assertEquals(
        "Broken failed with an unexpected exception",
        assertThrows(
                SanitizationException.class,
                () -> CustomRules.sanitizer("Broken", broken).sanitize(new TextValue("x")))
            .detail());
    Sanitizer<TextValue> wrongKind =
        value -> {
          throw new InvalidQueryException("not mine to throw");
        };
    assertThrows(
        SanitizationException.class,
        () -> CustomRules.sanitizer("WrongKind", wrongKind).sanitize(new TextValue("x")));
    Sanitizer<TextValue> returnsNull = value -> null;
    assertThrows(
        SanitizationException.class,
        () -> CustomRules.sanitizer("ReturnsNull", returnsNull).sanitize(new TextValue("x")));
    Sanitizer<TextValue> changesType = value -> new Int32Value(1);
    assertEquals(
        "ChangesType turned a Text value into a Int32 value",
        assertThrows(
                SanitizationException.class,
                () ->
                    CustomRules.sanitizer("ChangesType", changesType).sanitize(new TextValue("x")))
            .detail());
    Sanitizer<TextValue> toNull = value -> NullValue.INSTANCE;
    assertSame(
        NullValue.INSTANCE, CustomRules.sanitizer("ToNull", toNull).sanitize(new TextValue("x")));
  }

  @Test
  void sanitizerGivenAValueOfAnotherClassFailsNamingTheRule() {
    Sanitizer<Value> rule = CustomRules.sanitizer("Shout", SHOUT);
    assertThrows(SanitizationException.class, () -> rule.sanitize(new Int32Value(1)));
  }

  @Test
  void validatorFailuresNameTheRule() {
    Validator<IntegerValue> positive =
        value -> {
          if (value.isNegative()) {
            throw new ValidationException("must not be negative");
          }
        };
    Validator<Value> rule = CustomRules.validator("Positive", positive);
    rule.validate(new Int32Value(0));
    rule.validate(NullValue.INSTANCE);
    assertEquals(
        "Positive: must not be negative",
        assertThrows(ValidationException.class, () -> rule.validate(new Int32Value(-1))).detail());
    Validator<TextValue> broken =
        value -> {
          throw new IllegalStateException("bug");
        };
    assertEquals(
        "Broken failed with an unexpected exception",
        assertThrows(
                ValidationException.class,
                () -> CustomRules.validator("Broken", broken).validate(new TextValue("x")))
            .detail());
    Validator<TextValue> overflows =
        value -> {
          throw new StackOverflowError();
        };
    assertThrows(
        ValidationException.class,
        () -> CustomRules.validator("Overflows", overflows).validate(new TextValue("x")));
  }
}
