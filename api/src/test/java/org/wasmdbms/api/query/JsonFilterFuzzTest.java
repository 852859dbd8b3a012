package org.wasmdbms.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.json.WireFormat;

/**
 * Seeded fuzzing of JSON filters and paths: mutated and hostile wire text must either parse to a
 * filter within the limits (which then evaluates on odd documents without failing) or be refused
 * with a typed {@link DbmsException}; nothing else may escape. Paths are refused with {@link
 * InvalidQueryException}. Seed printed; rerun one with {@code -DjsonFuzz.seed=...}.
 */
class JsonFilterFuzzTest {
  private static final String[] SEEDS = {
    "{\"Json\":[\"m\",{\"HasKey\":\"user.tags[0]\"}]}",
    "{\"Json\":[\"m\",{\"Extract\":[\"user.age\",{\"Gt\":{\"Int64\":18}}]}]}",
    "{\"Json\":[\"m\",{\"Extract\":[\"a\",{\"In\":[{\"Text\":\"x\"},{\"Json\":\"[1]\"}]}]}]}",
    "{\"Json\":[\"m\",{\"Extract\":[\"\\\"a.b\\\"[2]\",\"IsNull\"]}]}",
    "{\"Json\":[\"m\",{\"Contains\":{\"tags\":[\"wasm\",{\"x\":[1.5e3,null]}]}}]}",
    "{\"Not\":{\"Json\":[\"m\",{\"Extract\":[\"[0]\",{\"Eq\":{\"Decimal\":\"1.0\"}}]}]}}",
  };

  /** Characters that matter to the wire form and to paths. */
  private static final String NOISE = "{}[]\",:.\\0123456789-eE+ anIsNullTruefalse\"\u00e9";

  private static final String[] DOCUMENTS = {
    "{\"user\":{\"tags\":[\"wasm\"],\"age\":36},\"a\":null,\"a.b\":[1,2,{}]}",
    "[" + "[".repeat(500) + "]".repeat(500) + ",1e999999999,-0,\"\\ud83d\\ude00\"]",
    "{\"a\":1,\"a\":{\"x\":[1.5e3,null]},\"tags\":[\"wasm\",{\"x\":[1500,null]}]}",
    "\"just a string\"",
    "123456789012345678901234567890.5e-7",
  };

  @Test
  void mutatedFiltersParseWithinLimitsOrAreRefused() {
    long seed = Long.getLong("jsonFuzz.seed", System.nanoTime());
    System.out.println("JsonFilterFuzzTest seed " + seed);
    Random random = new Random(seed);
    int parsed = 0;
    for (int i = 0; i < 6_000; i++) {
      String text = mutate(random, SEEDS[random.nextInt(SEEDS.length)]);
      Filter filter;
      try {
        filter = WireFormat.parseFilter(text);
      } catch (DbmsException e) {
        assertTrue(e.detail() != null && !e.detail().isEmpty(), text);
        continue;
      }
      parsed++;
      assertTrue(filter.depth() <= Filter.MAX_DEPTH, text);
      assertEquals(filter, WireFormat.parseFilter(WireFormat.printFilter(filter)), text);
      evaluate(filter, "seed " + seed + ": " + text);
    }
    assertTrue(parsed > 100, "only " + parsed + " mutants parsed; seed " + seed);
  }

  /** Evaluates every Json leaf of {@code filter} on every document; only typed errors may occur. */
  private static void evaluate(Filter filter, String context) {
    if (filter instanceof Filter.Json json) {
      JsonMatcher matcher = JsonMatcher.compile(json.operation());
      for (String document : DOCUMENTS) {
        matcher.matches(document);
      }
      matcher.matches(null);
    } else if (filter instanceof Filter.Not not) {
      evaluate(not.operand(), context);
    } else if (filter instanceof Filter.And and) {
      and.operands().forEach(f -> evaluate(f, context));
    } else if (filter instanceof Filter.Or or) {
      or.operands().forEach(f -> evaluate(f, context));
    }
  }

  private static String mutate(Random random, String seed) {
    StringBuilder sb = new StringBuilder(seed);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = sb.length() == 0 ? 0 : random.nextInt(sb.length() + 1);
      switch (random.nextInt(8)) {
        case 0 -> sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
        case 1 -> {
          if (at < sb.length()) {
            sb.deleteCharAt(at);
          }
        }
        case 2 -> {
          if (at < sb.length()) {
            sb.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
          }
        }
        case 3 -> sb.setLength(at);
        case 4 -> sb.insert(at, ".a".repeat(random.nextInt(70)));
        case 5 -> sb.insert(at, "[9]".repeat(random.nextInt(70)));
        case 6 -> {
          int n = random.nextInt(40);
          sb.insert(at, "[".repeat(n)).append("]".repeat(n));
        }
        default -> {
          int n = random.nextInt(35);
          sb.insert(0, "{\"Not\":".repeat(n)).append("}".repeat(n));
        }
      }
    }
    return sb.toString();
  }

  @Test
  void randomPathsParseWithinLimitsOrAreRefused() {
    long seed = Long.getLong("jsonFuzz.seed", System.nanoTime());
    System.out.println("JsonFilterFuzzTest paths seed " + seed);
    Random random = new Random(seed);
    String alphabet = "ab.[]\"\\0129 \u00e9";
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(i % 100 == 0 ? 400 : 12);
      for (int k = 0; k < length; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      JsonPath path;
      try {
        path = JsonPath.parse(text);
      } catch (InvalidQueryException e) {
        assertTrue(e.detail().startsWith("malformed JSON path \""), e.detail());
        continue;
      }
      parsed++;
      assertTrue(path.steps().size() <= JsonPath.MAX_STEPS, text);
      assertEquals(path, JsonPath.parse(path.text()), "seed " + seed + ": " + text);
    }
    assertTrue(parsed > 1000, "only " + parsed + " paths parsed; seed " + seed);
  }
}
