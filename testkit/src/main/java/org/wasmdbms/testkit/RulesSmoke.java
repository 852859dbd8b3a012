package org.wasmdbms.testkit;

import java.io.PrintStream;
import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.rules.CustomRules;
import org.wasmdbms.api.rules.Sanitizer;
import org.wasmdbms.api.rules.Sanitizers;
import org.wasmdbms.api.rules.Validator;
import org.wasmdbms.api.rules.Validators;
import org.wasmdbms.api.value.DateTimeValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueText;

/**
 * A deterministic smoke scenario for the sanitizers and validators that follow the reference
 * implementation: every rule on ASCII, non-ASCII and edge-case input, and user-defined rules that
 * fail in the ways TeaVM treats differently from the JVM (index out of bounds, null dereference).
 * The Unicode case and letter tests behind the case validators come from each platform's own
 * tables, so identical output on the JVM and in WebAssembly shows they agree. Output is ASCII only.
 * Stateless; safe to run from any thread.
 */
public final class RulesSmoke {
  private static final List<String> TEXTS =
      List.of(
          "",
          "a",
          "HelloWorld2",
          "helloWorld",
          "hello-world",
          "hello_world",
          "_x",
          "x-",
          "\u00c4pfel",
          "\u00fcber-stra\u00dfe",
          "\u00e7a_va",
          "X\u00b2",
          "a\u2460",
          "\u03a9mega",
          "\u24b6bc", // circled capital A: Other_Uppercase, not an upper-case letter
          "\u0661\u0662\u0663",
          "+44 20 7946 0958",
          "(202) 555-0173",
          "123\u00a04567",
          "123\u001c4567",
          "++1 202 555 0173",
          "application/vnd.api+json",
          "text/plain; charset=utf-8",
          "#1A2b3C",
          "#fff",
          "en",
          "EN",
          "iw",
          "US",
          "TW",
          "UK",
          "\u4f60\u597d rust",
          "\uD83D\uDE00 -_.~");

  private RulesSmoke() {}

  /** Runs the scenario, printing its report to {@code out}. */
  public static void run(PrintStream out) {
    out.println("rules-smoke");
    validators(out);
    sanitizers(out);
    customRules(out);
    out.println("rules-smoke done");
  }

  private static void validators(PrintStream out) {
    List<Validator<Value>> rules =
        List.of(
            Validators.phoneNumber(),
            Validators.mimeType(),
            Validators.rgbColor(),
            Validators.camelCase(),
            Validators.kebabCase(),
            Validators.snakeCase(),
            Validators.iso639(),
            Validators.iso3166());
    for (String text : TEXTS) {
      StringBuilder line = new StringBuilder(ascii(text)).append(" ->");
      for (Validator<Value> rule : rules) {
        line.append(' ').append(accepts(rule, new TextValue(text)) ? '1' : '0');
      }
      out.println(line);
    }
  }

  private static boolean accepts(Validator<Value> rule, Value value) {
    try {
      rule.validate(value);
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  private static void sanitizers(PrintStream out) {
    Sanitizer<Value> encode = Sanitizers.urlEncode();
    for (String text : TEXTS) {
      out.println("url " + ascii(text) + " -> " + show(encode, new TextValue(text)));
    }
    Sanitizer<Value> clamp = Sanitizers.clampUnsigned(new Uint64Value(10), new Uint64Value(-1));
    out.println("clamp-unsigned 3 -> " + show(clamp, new Uint8Value(3)));
    out.println("clamp-unsigned 255 -> " + show(clamp, new Uint8Value(255)));
    out.println("clamp-unsigned 2^64-1 -> " + show(clamp, new Uint64Value(-1)));
    List<DateTimeValue> times =
        List.of(
            new DateTimeValue(2024, 3, 1, 0, 30, 0, 0, 60),
            new DateTimeValue(2024, 2, 29, 23, 59, 59, 999_999, -1439),
            new DateTimeValue(1, 1, 1, 0, 0, 0, 0, 0),
            new DateTimeValue(9999, 12, 31, 23, 30, 0, 0, -60));
    for (int offset : new int[] {0, 120, -1439, 1439}) {
      Sanitizer<Value> rule = Sanitizers.timezoneOffset(offset);
      for (DateTimeValue time : times) {
        out.println("offset " + offset + " " + ValueText.display(time) + " -> " + show(rule, time));
      }
    }
  }

  private static void customRules(PrintStream out) {
    Validator<TextValue> outOfBounds =
        value -> {
          int[] small = new int[1];
          small[value.value().length()] = 1;
        };
    Validator<TextValue> nullPointer =
        value -> {
          String missing = value.value().isEmpty() ? "" : null;
          missing.length();
        };
    Sanitizer<TextValue> badIndex = value -> new TextValue(value.value().substring(9));
    Validator<TextValue> refuses =
        value -> {
          throw new ValidationException("refused " + value.value());
        };
    TextValue text = new TextValue("abc");
    out.println(error(() -> CustomRules.validator("OutOfBounds", outOfBounds).validate(text)));
    out.println(error(() -> CustomRules.validator("NullPointer", nullPointer).validate(text)));
    out.println(error(() -> CustomRules.sanitizer("BadIndex", badIndex).sanitize(text)));
    out.println(error(() -> CustomRules.validator("Refuses", refuses).validate(text)));
  }

  private static String show(Sanitizer<Value> rule, Value value) {
    try {
      return ascii(ValueText.display(rule.sanitize(value)));
    } catch (DbmsException e) {
      return e.kind().witName();
    }
  }

  private static String error(Runnable call) {
    try {
      call.run();
      return "no error";
    } catch (DbmsException e) {
      return e.kind().witName() + " | " + e.detail();
    }
  }

  /** {@code text} with every character outside printable ASCII written as {@code \\uXXXX}. */
  private static String ascii(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= ' ' && c < 0x7f) {
        out.append(c);
      } else {
        String hex = Integer.toHexString(c);
        out.append("\\u").append("0000".substring(hex.length())).append(hex);
      }
    }
    return out.append('"').toString();
  }
}
