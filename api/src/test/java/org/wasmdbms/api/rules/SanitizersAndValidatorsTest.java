package org.wasmdbms.api.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.SanitizationException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.api.value.Value;

class SanitizersAndValidatorsTest {
  @Test
  void textSanitizersTransformTextAndPassNull() {
    assertEquals(new TextValue("a b"), Sanitizers.trim().sanitize(new TextValue("  a b ")));
    assertEquals(
        new TextValue("a b"), Sanitizers.collapseWhitespace().sanitize(new TextValue(" a   b ")));
    assertEquals(new TextValue("abc"), Sanitizers.lowerCase().sanitize(new TextValue("AbC")));
    assertEquals(new TextValue("ABC"), Sanitizers.upperCase().sanitize(new TextValue("AbC")));
    assertEquals(new TextValue("a-b"), Sanitizers.slug().sanitize(new TextValue("A  B!")));
    assertSame(NullValue.INSTANCE, Sanitizers.trim().sanitize(NullValue.INSTANCE));
  }

  @Test
  void textSanitizerOnANumberIsASanitizationError() {
    SanitizationException e =
        assertThrows(
            SanitizationException.class, () -> Sanitizers.trim().sanitize(new Int32Value(1)));
    assertTrue(e.getMessage().contains("trim") && e.getMessage().contains("Int32"), e.getMessage());
  }

  @Test
  void nullIfEmptyTurnsBlankTextIntoNull() {
    assertSame(NullValue.INSTANCE, Sanitizers.nullIfEmpty().sanitize(new TextValue(" \t")));
    assertEquals(new TextValue(" x"), Sanitizers.nullIfEmpty().sanitize(new TextValue(" x")));
  }

  @Test
  void clampKeepsTheValueTypeAcrossIntegerWidths() {
    Sanitizer<Value> clamp = Sanitizers.clamp(new Int64Value(0), new Int64Value(100));
    assertEquals(new Int32Value(100), clamp.sanitize(new Int32Value(250)));
    assertEquals(new Int32Value(0), clamp.sanitize(new Int32Value(-5)));
    assertEquals(new Int32Value(42), clamp.sanitize(new Int32Value(42)));
    assertEquals(new Uint8Value(100), clamp.sanitize(new Uint8Value(200)));
    assertThrows(SanitizationException.class, () -> clamp.sanitize(new TextValue("x")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Sanitizers.clamp(new Int32Value(2), new Int32Value(1)));
  }

  @Test
  void roundToScaleRoundsHalfAwayFromZero() {
    Sanitizer<Value> round = Sanitizers.roundToScale(2);
    assertEquals(
        new DecimalValue(new BigDecimal("19.99")),
        round.sanitize(new DecimalValue(new BigDecimal("19.985"))));
    assertEquals(
        new DecimalValue(new BigDecimal("-1.01")),
        round.sanitize(new DecimalValue(new BigDecimal("-1.005"))));
    assertEquals(new Float64Value(2.57), round.sanitize(new Float64Value(2.5671)));
    assertEquals(new Int32Value(7), round.sanitize(new Int32Value(7)));
    assertThrows(SanitizationException.class, () -> round.sanitize(new TextValue("1.5")));
  }

  @Test
  void lengthValidatorsCountCodePoints() {
    Validator<Value> range = Validators.lengthRange(2, 5);
    assertDoesNotThrow(() -> range.validate(new TextValue("h\u00e9llo")));
    assertDoesNotThrow(() -> range.validate(new TextValue("\uD83D\uDE00\uD83D\uDE00")));
    ValidationException tooLong =
        assertThrows(ValidationException.class, () -> range.validate(new TextValue("abcdef")));
    assertTrue(tooLong.getMessage().contains("maximum 5"), tooLong.getMessage());
    assertThrows(ValidationException.class, () -> range.validate(new TextValue("a")));
    assertThrows(
        ValidationException.class, () -> Validators.minLength(1).validate(new TextValue("")));
    assertThrows(
        ValidationException.class, () -> Validators.maxLength(1).validate(new TextValue("ab")));
    assertDoesNotThrow(() -> range.validate(NullValue.INSTANCE));
  }

  @Test
  void emailAndUrlValidators() {
    assertDoesNotThrow(() -> Validators.email().validate(new TextValue("alice@example.com")));
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> Validators.email().validate(new TextValue("alice@")));
    assertTrue(e.getMessage().contains("e-mail"), e.getMessage());
    assertDoesNotThrow(() -> Validators.url().validate(new TextValue("https://example.com/x")));
    assertThrows(ValidationException.class, () -> Validators.url().validate(new TextValue("nope")));
    assertThrows(ValidationException.class, () -> Validators.url().validate(new Int32Value(3)));
  }
}
