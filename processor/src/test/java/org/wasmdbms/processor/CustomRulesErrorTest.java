package org.wasmdbms.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each compile-time error about a sanitizer or validator annotation, user-defined or built-in, with
 * its message and its position: the line of the field, marked {@code // HERE}.
 */
class CustomRulesErrorTest {
  private static final String HEADER =
      """
      package p;

      import org.wasmdbms.api.annotation.*;
      import org.wasmdbms.api.value.*;
      import q.R;

      """;

  /** Rules in another package, as a user's library would hold them. */
  private static final String RULES =
      """
      package q;

      import org.wasmdbms.api.rules.Sanitizer;
      import org.wasmdbms.api.rules.Validator;
      import org.wasmdbms.api.value.*;

      public final class R {
        private R() {}

        public static final class Good implements Validator<TextValue> {
          @Override
          public void validate(TextValue value) {}
        }

        public static final class Numbers implements Validator<IntegerValue> {
          @Override
          public void validate(IntegerValue value) {}
        }

        public static final class NoDefault implements Sanitizer<Value> {
          public NoDefault(int limit) {}

          @Override
          public Value sanitize(Value value) {
            return value;
          }
        }

        public static final class Hidden implements Sanitizer<Value> {
          Hidden() {}

          @Override
          public Value sanitize(Value value) {
            return value;
          }
        }

        static final class NotPublic implements Validator<Value> {
          @Override
          public void validate(Value value) {}
        }

        public abstract static class Abstract implements Validator<Value> {}

        public final class Inner implements Validator<Value> {
          @Override
          public void validate(Value value) {}
        }

        @SuppressWarnings("rawtypes")
        public static final class Raw implements Validator {
          @Override
          public void validate(Value value) {}
        }

        public static final class Generic<T extends Value> implements Validator<T> {
          @Override
          public void validate(T value) {}
        }

        public static final class Pair implements Validator<Value> {
          public Pair(int a, long b) {}

          public Pair(String a, boolean b) {}

          @Override
          public void validate(Value value) {}
        }

        public static final class Twice implements Validator<Value> {
          public Twice(int a) {}

          public Twice(long a) {}

          @Override
          public void validate(Value value) {}
        }

        public static final class Odd implements Validator<Value> {
          public Odd(char c) {}

          @Override
          public void validate(Value value) {}
        }
      }
      """;

  private static List<Diagnostic<? extends JavaFileObject>> errors(String body) {
    return InMemoryCompiler.compile(Map.of("q.R", RULES, "p.T", HEADER + body)).errors();
  }

  private static long markedLine(String body) {
    String[] lines = (HEADER + body).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// HERE")) {
        return i + 1;
      }
    }
    throw new AssertionError("no // HERE in " + body);
  }

  /**
   * Asserts that {@code field} (marked) is the only field with errors, and one says {@code
   * message}.
   */
  private static void assertErrorOnField(String field, String message) {
    String body =
        """
        @Table("t")
        record T(
            @PrimaryKey int id,
            %s) {} // HERE
        """
            .formatted(field);
    List<Diagnostic<? extends JavaFileObject>> errors = errors(body);
    List<String> texts = new ArrayList<>();
    boolean found = false;
    for (Diagnostic<? extends JavaFileObject> error : errors) {
      String text = error.getMessage(null);
      texts.add(error.getLineNumber() + ": " + text);
      assertTrue(error.getSource().getName().endsWith("p/T.java"), error.toString());
      assertEquals(markedLine(body), error.getLineNumber(), text);
      found |= text.contains(message);
    }
    assertTrue(found, "expected \"" + message + "\" among " + texts);
  }

  @Test
  void classNotFound() {
    assertErrorOnField(
        "@Validate(R.Missing.class) String name",
        "@Validate names a validator class that is not found or not accessible");
    assertErrorOnField(
        "@Validate(R.NotPublic.class) String name",
        "@Validate names a validator class that is not found or not accessible");
  }

  @Test
  void noPublicNoArgumentConstructor() {
    assertErrorOnField(
        "@Sanitize(R.NoDefault.class) String name",
        "sanitizer class NoDefault has no public no-argument constructor");
    assertErrorOnField(
        "@Sanitize(R.Hidden.class) String name",
        "sanitizer class Hidden has no public no-argument constructor");
  }

  @Test
  void wrongValueType() {
    assertErrorOnField(
        "@Validate(R.Numbers.class) String name",
        "validator Numbers takes IntegerValue values, but column name holds Text values"
            + " (TextValue)");
    assertErrorOnField(
        "@Validate(R.Good.class) long count",
        "validator Good takes TextValue values, but column count holds Int64 values");
  }

  @Test
  void classThatGeneratedCodeCannotCreate() {
    for (String rule : List.of("Abstract", "Inner")) {
      assertErrorOnField(
          "@Validate(R." + rule + ".class) String name",
          "validator class " + rule + " must be a public, non-abstract class");
    }
  }

  @Test
  void classWithoutAFixedValueType() {
    // javac itself refuses a raw or generic Validator as the annotation's value.
    assertErrorOnField("@Validate(R.Generic.class) String name", "incompatible types");
    assertErrorOnField("@Validate(R.Raw.class) String name", "incompatible types");
  }

  @Test
  void argumentsThatFitNoConstructor() {
    assertErrorOnField(
        "@Validate(value = R.Pair.class, args = \"1\") String name",
        "validator class Pair has no public constructor taking 1 argument");
    assertErrorOnField(
        "@Validate(value = R.Pair.class, args = {\"x\", \"2\"}) String name",
        "the args of validator Pair do not fit its constructor: \"2\" is not a boolean");
    assertErrorOnField(
        "@Validate(value = R.Twice.class, args = \"7\") String name",
        "the args of validator Twice fit 2 of its constructors");
    assertErrorOnField(
        "@Validate(value = R.Odd.class, args = \"c\") String name",
        "parameter type char is not supported");
  }

  @Test
  void builtInRulesOnTheWrongColumnType() {
    assertErrorOnField(
        "@PhoneNumber int phone", "@PhoneNumber applies to text columns, but phone is Int32");
    assertErrorOnField("@UrlEncode long path", "@UrlEncode applies to text columns");
    assertErrorOnField("@Utc String when", "@Utc applies to DateTime columns, but when is Text");
    assertErrorOnField(
        "@TimezoneOffset(60) DateValue day", "@TimezoneOffset applies to DateTime columns");
    assertErrorOnField(
        "@ClampUnsigned(min = \"0\", max = \"9\") int level",
        "@ClampUnsigned applies to unsigned integer columns, but level is Int32");
  }

  @Test
  void builtInRulesWithBadParameters() {
    assertErrorOnField(
        "@TimezoneOffset(1440) DateTimeValue when", "@TimezoneOffset must be within -1439..1439");
    assertErrorOnField(
        "@ClampUnsigned(min = \"9\", max = \"1\") Uint8Value level",
        "@ClampUnsigned bounds of column level are reversed");
    assertErrorOnField(
        "@ClampUnsigned(min = \"256\", max = \"300\") Uint8Value level",
        "@ClampUnsigned minimum of column level does not fit Uint8");
    assertErrorOnField(
        "@ClampUnsigned(min = \"-1\", max = \"3\") Uint8Value level",
        "bad @ClampUnsigned min for column level: \"-1\" is not an unsigned 64-bit number");
  }
}
