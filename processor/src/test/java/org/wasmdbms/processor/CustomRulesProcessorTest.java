package org.wasmdbms.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * User-defined sanitizers and validators ({@code @Sanitize}, {@code @Validate}) and the new
 * built-in rule annotations: the code the processor generates for them, that code run against the
 * engine, and each error reported on its field.
 */
class CustomRulesProcessorTest {
  private static final String RULES =
      """
      package shop.rules;

      import org.wasmdbms.api.error.ValidationException;
      import org.wasmdbms.api.rules.Sanitizer;
      import org.wasmdbms.api.rules.Validator;
      import org.wasmdbms.api.value.IntegerValue;
      import org.wasmdbms.api.value.TextValue;
      import org.wasmdbms.api.value.Value;

      public final class Rules {
        private Rules() {}

        public static final class Exclaim implements Sanitizer<TextValue> {
          public Exclaim() {}

          @Override
          public Value sanitize(TextValue value) {
            return new TextValue(value.value() + "!");
          }
        }

        public static final class Cut implements Sanitizer<TextValue> {
          private final int length;
          private final String marker;

          public Cut(int length, String marker) {
            this.length = length;
            this.marker = marker;
          }

          @Override
          public Value sanitize(TextValue value) {
            String text = value.value();
            return text.length() <= length
                ? value
                : new TextValue(text.substring(0, length) + marker);
          }
        }

        public static final class Positive implements Validator<IntegerValue> {
          @Override
          public void validate(IntegerValue value) {
            if (value.isNegative() || value.bits() == 0) {
              throw new ValidationException("must be positive");
            }
          }
        }

        public static final class Buggy implements Validator<Value> {
          @Override
          public void validate(Value value) {
            throw new IllegalStateException("bug");
          }
        }
      }
      """;

  private static final String NOTE =
      """
      package shop;

      import org.wasmdbms.api.annotation.*;
      import org.wasmdbms.api.value.*;
      import shop.rules.Rules;

      @Table("notes")
      public record Note(
          @PrimaryKey @Validate(Rules.Positive.class) int id,
          @Sanitize(Rules.Exclaim.class) @Trim @Sanitize(value = Rules.Cut.class, args = {"4", "~"})
              String title,
          @Nullable @Validate(Rules.Buggy.class) String flaky,
          @Nullable @UrlEncode @PhoneNumber String phone,
          @Nullable @ClampUnsigned(min = "1", max = "18446744073709551615") Uint8Value level,
          @Nullable @TimezoneOffset(-90) DateTimeValue local,
          @Nullable @Utc DateTimeValue utc,
          @Nullable @MimeType @RgbColor @CamelCase @KebabCase @SnakeCase @Iso639 @Iso3166
              String codes) {}
      """;

  private static final String DRIVER =
      """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.Supplier;
      import org.wasmdbms.api.error.DbmsException;
      import org.wasmdbms.api.value.*;
      import org.wasmdbms.engine.Database;
      import org.wasmdbms.engine.TableSchema;
      import org.wasmdbms.engine.typed.TypedSession;
      import org.wasmdbms.memory.HeapMemoryProvider;

      public class Driver implements Supplier<List<Object>> {
        @Override
        public List<Object> get() {
          Database db = Database.open(new HeapMemoryProvider());
          db.register(NoteTable.INSTANCE.schema());
          TypedSession s = TypedSession.autoCommit(db);
          List<Object> out = new ArrayList<>();
          Note note = s.insert(NoteInsert.builder().id(1).title(" ab ").level(new Uint8Value(0))
              .local(new DateTimeValue(2024, 1, 1, 0, 0, 0, 0, 0)).build());
          out.add(note.title());
          out.add(note.level());
          out.add(note.local());
          out.add(s.insert(NoteInsert.builder().id(2).title("abcdef").build()).title());
          out.add(error(() -> s.insert(NoteInsert.builder().id(0).title("x").build())));
          out.add(error(() -> s.insert(NoteInsert.builder().id(3).title("x").flaky("y").build())));
          return out;
        }

        private static String error(Runnable body) {
          try {
            body.run();
            return "no error";
          } catch (DbmsException e) {
            return e.kind().name() + " " + e.detail();
          }
        }
      }
      """;

  private static String unindented(String source) {
    return source.lines().map(String::strip).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void userRulesBecomeDirectConstructorCallsInWrittenOrder() throws ReflectiveOperationException {
    InMemoryCompiler.Result result =
        InMemoryCompiler.compile(
            Map.of("shop.rules.Rules", RULES, "shop.Note", NOTE, "shop.Driver", DRIVER));
    assertEquals(List.of(), result.diagnostics(), "diagnostics");
    String table = result.generated().get("shop.NoteTable");
    String expected =
        """
                .validate(Columns.id, CustomRules.validator("Positive", new shop.rules.Rules.Positive()))
                .sanitize(Columns.title, CustomRules.sanitizer("Exclaim", new shop.rules.Rules.Exclaim()))
                .sanitize(Columns.title, Sanitizers.trim())
                .sanitize(Columns.title, CustomRules.sanitizer("Cut", new shop.rules.Rules.Cut(4, "~")))
                .validate(Columns.flaky, CustomRules.validator("Buggy", new shop.rules.Rules.Buggy()))
                .sanitize(Columns.phone, Sanitizers.urlEncode())
                .validate(Columns.phone, Validators.phoneNumber())
                .sanitize(Columns.level, Sanitizers.clampUnsigned(new Uint64Value(1L), new Uint64Value(-1L)))
                .sanitize(Columns.local, Sanitizers.timezoneOffset(-90))
                .sanitize(Columns.utc, Sanitizers.utc())
                .validate(Columns.codes, Validators.mimeType())
                .validate(Columns.codes, Validators.rgbColor())
                .validate(Columns.codes, Validators.camelCase())
                .validate(Columns.codes, Validators.kebabCase())
                .validate(Columns.codes, Validators.snakeCase())
                .validate(Columns.codes, Validators.iso639())
                .validate(Columns.codes, Validators.iso3166())
        """;
    assertTrue(unindented(table).contains(unindented(expected)), table);
    assertTrue(!table.contains("reflect") && !table.contains("forName"), table);

    @SuppressWarnings("unchecked")
    Supplier<List<Object>> driver = (Supplier<List<Object>>) result.instantiate("shop.Driver");
    List<Object> out = driver.get();
    assertEquals("ab !", out.get(0), "Exclaim before Trim (Trim first would give \"ab!\")");
    assertEquals(
        List.of(
            "ab !",
            new org.wasmdbms.api.value.Uint8Value(1),
            new org.wasmdbms.api.value.DateTimeValue(2023, 12, 31, 22, 30, 0, 0, -90),
            "abcd~",
            "VALIDATION_ERROR column id: Positive: must be positive",
            "VALIDATION_ERROR column flaky: Buggy failed with an unexpected exception"),
        out);
  }
}
