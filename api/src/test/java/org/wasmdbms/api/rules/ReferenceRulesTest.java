package org.wasmdbms.api.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmdbms.api.error.SanitizationException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.value.DateTimeValue;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.Int8Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint16Value;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.api.value.Value;

/**
 * The sanitizers and validators that match the reference implementation's, table by table: values
 * that pass and values that fail, with empty text, non-ASCII text and the limits of every range.
 */
class ReferenceRulesTest {
  /** A validator, the texts it accepts and the texts it rejects. */
  private record Case(String name, Validator<Value> rule, List<String> pass, List<String> fail) {}

  static Stream<Arguments> validators() {
    return Stream.of(
            new Case(
                "phone number",
                Validators.phoneNumber(),
                List.of(
                    "+1-202-555-0173",
                    "(202) 555-0173",
                    "+44 20 7946 0958",
                    "202.555.0173",
                    "2025550173",
                    "+91 (22) 1234-5678",
                    "1234567", // 7 characters, the minimum
                    "+1234567",
                    "12345678901234567890", // 20, the maximum
                    "+12345678901234567890",
                    "123\u00a04567", // no-break space is Unicode white space
                    "123\u30004567",
                    "123\t4567"),
                List.of(
                    "",
                    "+",
                    "123456", // 6
                    "+123456",
                    "123456789012345678901", // 21
                    "123-ABC-7890",
                    "++1-202-555-0173",
                    "202 555 0173 ext. 5",
                    "phone:2025550173",
                    "202/555/0173",
                    "202_555_0173",
                    "1234567+",
                    "\u0661\u0662\u0663\u0664\u0665\u0666\u0667", // Arabic-Indic digits
                    "123\u001c4567")), // Java white space, not Unicode White_Space
            new Case(
                "MIME type",
                Validators.mimeType(),
                List.of(
                    "text/plain",
                    "image/jpeg",
                    "application/json",
                    "application/vnd.api+json",
                    "a/b",
                    "x-Foo.1/Y+z"),
                List.of(
                    "",
                    "/",
                    "textplain",
                    "image//jpeg",
                    "/json",
                    "text/",
                    "application/vnd.api+json/extra",
                    "audio/mpeg/",
                    "audio/mpe g",
                    "text/plain; charset=utf-8",
                    "t\u00e9xt/plain")),
            new Case(
                "RGB colour",
                Validators.rgbColor(),
                List.of("#1A2B3C", "#000000", "#ffffff", "#aBcDeF"),
                List.of(
                    "",
                    "#",
                    "#fff",
                    "#1A2B3",
                    "#1A2B3C4",
                    "1A2B3C",
                    "#1A2B3G",
                    "#\uff21\uff22\uff23\uff24\uff25\uff26", // full-width letters
                    " #1A2B3C")),
            new Case(
                "CamelCase",
                Validators.camelCase(),
                List.of(
                    "ValidCamelCase", "AnotherExample123", "A", "\u00c4pfelUndBirnen", "X\u00b2"),
                List.of(
                    "",
                    "invalidCamelCase",
                    "Invalid-CamelCase!",
                    "Invalid_CamelCase",
                    "Hello World",
                    "1Abc",
                    "\u00e4pfel",
                    "\u01c5ungla", // titlecase letter first: not Lu
                    "\u24b6bc")), // circled capital: Other_Uppercase only, left out on purpose
            new Case(
                "kebab-case",
                Validators.kebabCase(),
                List.of(
                    "valid-kebab-case",
                    "kebab-case-123",
                    "a",
                    "a-",
                    "a--b",
                    "\u00fcber-stra\u00dfe"),
                List.of(
                    "",
                    "Invalid-Kebab-Case",
                    "1invalid-kebab-case",
                    "-a",
                    "a_b",
                    "a b",
                    "a-B",
                    "invalid-kebab-case!",
                    "\u00aa", // feminine ordinal: Other_Lowercase only, left out on purpose
                    "a\u2460")), // circled digit one: a number, not an ASCII digit
            new Case(
                "snake_case",
                Validators.snakeCase(),
                List.of(
                    "valid_snake_case", "_leading_underscore", "_", "snake_case_123", "\u00e7a_va"),
                List.of(
                    "",
                    "Invalid_Snake_Case",
                    "1invalid_snake_case",
                    "invalid-snake-case!",
                    "a b",
                    "aB",
                    "a\u0663")), // Arabic-Indic three
            new Case(
                "ISO 639-1",
                Validators.iso639(),
                List.of("en", "aa", "zu", "bh", "he", "id", "yi"),
                List.of("", "e", "EN", "En", "eng", "xx", "iw", "in", "ji", "mo", "\u00e9n", "e ")),
            new Case(
                "ISO 3166-1",
                Validators.iso3166(),
                List.of("US", "AD", "ZW", "FK", "TW", "SS"),
                List.of("", "U", "us", "Us", "USA", "XX", "UK", "AN", "\u00c9S", "U ", "S ")))
        .map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validators")
  void validatorAcceptsAndRejects(String name, Case c) {
    for (String text : c.pass()) {
      assertDoesNotThrow(
          () -> c.rule().validate(new TextValue(text)), name + " should accept " + text);
    }
    for (String text : c.fail()) {
      ValidationException e =
          assertThrows(
              ValidationException.class,
              () -> c.rule().validate(new TextValue(text)),
              name + " should reject \"" + text + "\"");
      assertTrue(e.detail().contains("\"" + text + "\""), e.detail());
    }
    assertDoesNotThrow(() -> c.rule().validate(NullValue.INSTANCE));
    assertThrows(ValidationException.class, () -> c.rule().validate(new Int32Value(1)));
  }

  /** The text sanitizers that were there before, with empty, non-ASCII and white-space edges. */
  static Stream<Arguments> textSanitizers() {
    return Stream.of(
        Arguments.of("trim", Sanitizers.trim(), "", ""),
        Arguments.of("trim", Sanitizers.trim(), "\u00a0 \u00e9 \u3000", "\u00e9"),
        Arguments.of("trim", Sanitizers.trim(), " \t\n ", ""),
        Arguments.of("collapse", Sanitizers.collapseWhitespace(), "", ""),
        Arguments.of("collapse", Sanitizers.collapseWhitespace(), " a \u00a0\t b ", "a b"),
        Arguments.of("lower", Sanitizers.lowerCase(), "", ""),
        Arguments.of("lower", Sanitizers.lowerCase(), "\u00c9COLE \u0130", "\u00e9cole i\u0307"),
        Arguments.of("upper", Sanitizers.upperCase(), "stra\u00dfe", "STRASSE"),
        Arguments.of("upper", Sanitizers.upperCase(), "", ""),
        Arguments.of("slug", Sanitizers.slug(), "", ""),
        Arguments.of("slug", Sanitizers.slug(), "\u4f60\u597d", ""),
        Arguments.of("slug", Sanitizers.slug(), "--\u00c0 la Carte--", "a-la-carte"),
        Arguments.of("url", Sanitizers.urlEncode(), "", ""));
  }

  @ParameterizedTest(name = "{0} \"{2}\"")
  @MethodSource("textSanitizers")
  void textSanitizer(String name, Sanitizer<Value> rule, String in, String out) {
    assertEquals(new TextValue(out), rule.sanitize(new TextValue(in)));
  }

  @Test
  void nullIfEmptyAndLengthsAtTheirEdges() {
    Sanitizer<Value> nullIfEmpty = Sanitizers.nullIfEmpty();
    assertSame(NullValue.INSTANCE, nullIfEmpty.sanitize(new TextValue("")));
    assertSame(NullValue.INSTANCE, nullIfEmpty.sanitize(new TextValue("\u00a0\u3000")));
    assertEquals(new TextValue("\u00e9"), nullIfEmpty.sanitize(new TextValue("\u00e9")));
    Validator<Value> range = Validators.lengthRange(0, 2);
    for (String ok : List.of("", "\u00e9", "\uD83D\uDE00\uD83D\uDE00")) {
      assertDoesNotThrow(() -> range.validate(new TextValue(ok)), ok);
    }
    assertThrows(ValidationException.class, () -> range.validate(new TextValue("abc")));
    assertThrows(
        ValidationException.class, () -> Validators.minLength(1).validate(new TextValue("")));
    assertDoesNotThrow(() -> Validators.maxLength(0).validate(new TextValue("")));
  }

  @Test
  void clampAtTheLimitsOfItsType() {
    Sanitizer<Value> int8 = Sanitizers.clamp(new Int8Value((byte) -128), new Int8Value((byte) 127));
    assertEquals(new Int8Value((byte) -128), int8.sanitize(new Int8Value((byte) -128)));
    assertEquals(new Int8Value((byte) 127), int8.sanitize(new Int8Value((byte) 127)));
    Sanitizer<Value> narrow = Sanitizers.clamp(new Int64Value(-1), new Int64Value(1));
    assertEquals(new Int64Value(-1), narrow.sanitize(new Int64Value(Long.MIN_VALUE)));
    assertEquals(new Int64Value(1), narrow.sanitize(new Int64Value(Long.MAX_VALUE)));
    assertEquals(new Uint64Value(1), narrow.sanitize(new Uint64Value(-1)));
  }

  @Test
  void urlEncodingKeepsOnlyAsciiLettersAndDigits() {
    Map<String, String> cases =
        Map.of(
            "", "",
            "AZaz09", "AZaz09",
            "\u4f60\u597d rust", "%E4%BD%A0%E5%A5%BD%20rust",
            "hello world", "hello%20world",
            "-_.~", "%2D%5F%2E%7E",
            "a/b?c=d&e", "a%2Fb%3Fc%3Dd%26e",
            "\u00e9", "%C3%A9",
            "\uD83D\uDE00", "%F0%9F%98%80",
            "\u0000\u007f", "%00%7F");
    Sanitizer<Value> encode = Sanitizers.urlEncode();
    cases.forEach(
        (in, out) -> assertEquals(new TextValue(out), encode.sanitize(new TextValue(in)), in));
    assertSame(NullValue.INSTANCE, encode.sanitize(NullValue.INSTANCE));
    assertThrows(SanitizationException.class, () -> encode.sanitize(new Int32Value(1)));
  }

  @Test
  void clampUnsignedLimitsEveryUnsignedWidth() {
    Sanitizer<Value> clamp = Sanitizers.clampUnsigned(new Uint64Value(10), new Uint64Value(100));
    assertEquals(new Uint8Value(10), clamp.sanitize(new Uint8Value(0)));
    assertEquals(new Uint8Value(10), clamp.sanitize(new Uint8Value(9)));
    assertEquals(new Uint8Value(10), clamp.sanitize(new Uint8Value(10)));
    assertEquals(new Uint8Value(100), clamp.sanitize(new Uint8Value(100)));
    assertEquals(new Uint8Value(100), clamp.sanitize(new Uint8Value(101)));
    assertEquals(new Uint8Value(100), clamp.sanitize(new Uint8Value(255)));
    assertEquals(new Uint16Value(100), clamp.sanitize(new Uint16Value(65_535)));
    assertEquals(new Uint32Value(100), clamp.sanitize(new Uint32Value(4_294_967_295L)));
    assertEquals(new Uint64Value(100), clamp.sanitize(new Uint64Value(-1))); // 2^64 - 1
    assertEquals(new Uint64Value(10), clamp.sanitize(new Uint64Value(0)));
    assertSame(NullValue.INSTANCE, clamp.sanitize(NullValue.INSTANCE));

    Sanitizer<Value> everything = Sanitizers.clampUnsigned(new Uint64Value(0), new Uint64Value(-1));
    assertEquals(new Uint64Value(-1), everything.sanitize(new Uint64Value(-1)));
    assertEquals(new Uint8Value(0), everything.sanitize(new Uint8Value(0)));

    Sanitizer<Value> wideMax = Sanitizers.clampUnsigned(new Uint64Value(0), new Uint64Value(300));
    assertEquals(new Uint8Value(255), wideMax.sanitize(new Uint8Value(255)));
    Sanitizer<Value> wideMin = Sanitizers.clampUnsigned(new Uint64Value(300), new Uint64Value(400));
    assertThrows(SanitizationException.class, () -> wideMin.sanitize(new Uint8Value(1)));
    assertEquals(new Uint16Value(300), wideMin.sanitize(new Uint16Value(1)));

    assertThrows(SanitizationException.class, () -> clamp.sanitize(new Int32Value(5)));
    assertThrows(SanitizationException.class, () -> clamp.sanitize(new TextValue("5")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Sanitizers.clampUnsigned(new Uint64Value(-1), new Uint64Value(0)));
  }

  private static DateTimeValue dt(
      int y, int mo, int d, int h, int mi, int s, int us, int offsetMinutes) {
    return new DateTimeValue(y, mo, d, h, mi, s, us, offsetMinutes);
  }

  /** The reference implementation's cases, then the limits of the year and offset ranges. */
  static Stream<Arguments> offsetCases() {
    return Stream.of(
        Arguments.of(120, dt(2024, 3, 10, 12, 30, 0, 0, 120), dt(2024, 3, 10, 12, 30, 0, 0, 120)),
        Arguments.of(120, dt(2024, 3, 10, 12, 0, 0, 0, 60), dt(2024, 3, 10, 13, 0, 0, 0, 120)),
        Arguments.of(0, dt(2024, 3, 10, 0, 30, 0, 0, 60), dt(2024, 3, 9, 23, 30, 0, 0, 0)),
        Arguments.of(0, dt(2024, 4, 1, 0, 15, 0, 0, 60), dt(2024, 3, 31, 23, 15, 0, 0, 0)),
        Arguments.of(0, dt(2024, 1, 1, 0, 0, 0, 0, 60), dt(2023, 12, 31, 23, 0, 0, 0, 0)),
        Arguments.of(0, dt(2024, 2, 29, 0, 30, 0, 0, 60), dt(2024, 2, 28, 23, 30, 0, 0, 0)),
        Arguments.of(
            60, dt(2024, 5, 20, 10, 0, 0, 999_999, 0), dt(2024, 5, 20, 11, 0, 0, 999_999, 60)),
        Arguments.of(0, dt(2023, 3, 1, 0, 0, 0, 0, 1), dt(2023, 2, 28, 23, 59, 0, 0, 0)),
        Arguments.of(0, dt(2000, 3, 1, 0, 0, 0, 0, 1), dt(2000, 2, 29, 23, 59, 0, 0, 0)),
        Arguments.of(0, dt(1900, 3, 1, 0, 0, 0, 0, 1), dt(1900, 2, 28, 23, 59, 0, 0, 0)),
        Arguments.of(0, dt(1970, 1, 1, 0, 0, 0, 0, 1), dt(1969, 12, 31, 23, 59, 0, 0, 0)),
        Arguments.of(1439, dt(1, 1, 1, 0, 0, 0, 0, 0), dt(1, 1, 1, 23, 59, 0, 0, 1439)),
        Arguments.of(
            -1439,
            dt(9999, 12, 31, 23, 59, 59, 999_999, 0),
            dt(9999, 12, 31, 0, 0, 59, 999_999, -1439)),
        Arguments.of(-1439, dt(2024, 6, 15, 0, 0, 0, 0, 1439), dt(2024, 6, 13, 0, 2, 0, 0, -1439)));
  }

  @ParameterizedTest
  @MethodSource("offsetCases")
  void timezoneOffsetKeepsTheInstant(int offset, DateTimeValue in, DateTimeValue expected) {
    Value out = Sanitizers.timezoneOffset(offset).sanitize(in);
    assertEquals(expected, out);
    assertEquals(in.epochMicros(), ((DateTimeValue) out).epochMicros());
    if (offset == 0) {
      assertEquals(expected, Sanitizers.utc().sanitize(in));
    }
  }

  @Test
  void timezoneOffsetOutsideTheYearsIsASanitizationError() {
    assertThrows(
        SanitizationException.class,
        () -> Sanitizers.utc().sanitize(dt(9999, 12, 31, 23, 30, 0, 0, -60)));
    assertThrows(
        SanitizationException.class, () -> Sanitizers.utc().sanitize(dt(1, 1, 1, 0, 30, 0, 0, 60)));
    assertThrows(
        SanitizationException.class,
        () -> Sanitizers.timezoneOffset(60).sanitize(dt(9999, 12, 31, 23, 0, 0, 0, 0)));
    assertThrows(SanitizationException.class, () -> Sanitizers.utc().sanitize(new TextValue("x")));
    assertSame(NullValue.INSTANCE, Sanitizers.utc().sanitize(NullValue.INSTANCE));
    assertThrows(IllegalArgumentException.class, () -> Sanitizers.timezoneOffset(1440));
    assertThrows(IllegalArgumentException.class, () -> Sanitizers.timezoneOffset(-1440));
  }

  /** Random date-times against {@code java.time}, which the JVM-only test may use. */
  @Test
  void timezoneOffsetAgreesWithJavaTime() {
    long seed = System.nanoTime();
    System.out.println("timezoneOffsetAgreesWithJavaTime seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      int year = 1 + random.nextInt(9999);
      int month = 1 + random.nextInt(12);
      int day = 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
      int from = random.nextInt(-1439, 1440);
      int to = random.nextInt(-1439, 1440);
      DateTimeValue in =
          dt(
              year,
              month,
              day,
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              random.nextInt(1_000_000),
              from);
      // java.time offsets stop at 18 hours, so shift the local date-time by hand.
      LocalDateTime expected =
          LocalDateTime.of(
                  year, month, day, in.hour(), in.minute(), in.second(), in.microsecond() * 1000)
              .plusMinutes(to - from);
      Sanitizer<Value> rule = Sanitizers.timezoneOffset(to);
      if (expected.getYear() < 1 || expected.getYear() > 9999) {
        assertThrows(SanitizationException.class, () -> rule.sanitize(in), "seed " + seed);
        continue;
      }
      assertEquals(
          dt(
              expected.getYear(),
              expected.getMonthValue(),
              expected.getDayOfMonth(),
              expected.getHour(),
              expected.getMinute(),
              expected.getSecond(),
              expected.getNano() / 1000,
              to),
          rule.sanitize(in),
          "seed " + seed + ", " + in);
    }
  }
}
