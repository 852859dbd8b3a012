package org.wasmdbms.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.json.JsonParser;
import org.wasmdbms.api.json.JsonWriter;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.value.DataType;

/**
 * Hostile JSON: random characters, mutations and every truncation of valid documents. Each input
 * must either parse (and then print canonically) or fail with {@link InvalidQueryException};
 * nothing else may escape.
 */
class JsonParserFuzzTest {
  private static final String ALPHABET = "{}[]\",:0123456789-+.eE tfnrulasNIy\\\u00e9";

  private static long seed() {
    long seed = Long.getLong("seed", System.currentTimeMillis());
    System.out.println("seed=" + seed);
    return seed;
  }

  /** Feeds one input to every entry point; returns how many accepted it. */
  private static int feed(String input, long seed) {
    int accepted = 0;
    try {
      accepted += check(WireFormat.printValue(WireFormat.parseValue(input)), true);
    } catch (InvalidQueryException expected) {
      // refused cleanly
    } catch (RuntimeException e) {
      fail("seed=" + seed + " value input " + input, e);
    }
    try {
      accepted += check(WireFormat.printFilter(WireFormat.parseFilter(input)), false);
    } catch (InvalidQueryException expected) {
      // refused cleanly
    } catch (RuntimeException e) {
      fail("seed=" + seed + " filter input " + input, e);
    }
    try {
      WireFormat.parseJoin(input);
      accepted++;
    } catch (InvalidQueryException expected) {
      // refused cleanly
    } catch (RuntimeException e) {
      fail("seed=" + seed + " join input " + input, e);
    }
    try {
      String canonical = JsonWriter.write(JsonParser.parse(input, WireFormat.MAX_JSON_DEPTH));
      assertEquals(canonical, JsonWriter.write(JsonParser.parse(canonical, 64)));
      JsonParser.validate(input, 64);
      accepted++;
    } catch (InvalidQueryException expected) {
      // refused cleanly
    } catch (RuntimeException e) {
      fail("seed=" + seed + " json input " + input, e);
    }
    return accepted;
  }

  private static int check(String printed, boolean isValue) {
    String again =
        isValue
            ? WireFormat.printValue(WireFormat.parseValue(printed))
            : WireFormat.printFilter(WireFormat.parseFilter(printed));
    assertEquals(printed, again);
    return 1;
  }

  private static List<String> validDocuments(long seed) {
    RandomValues values = new RandomValues(new SplitMix64(seed));
    RandomFilters filters = new RandomFilters(values);
    List<String> docs = new ArrayList<>();
    for (DataType t : DataType.values()) {
      docs.add(WireFormat.printValue(values.value(t)));
    }
    for (int i = 0; i < 40; i++) {
      docs.add(WireFormat.printFilter(filters.filter(4)));
    }
    docs.add(WireFormat.printJoin(filters.join()));
    return docs;
  }

  @Test
  void everyTruncationOfValidDocumentsIsRefusedCleanly() {
    long seed = seed();
    for (String doc : validDocuments(seed)) {
      for (int cut = 0; cut < doc.length(); cut++) {
        feed(doc.substring(0, cut), seed);
      }
      assertEquals(true, feed(doc, seed) > 0, "valid document refused: " + doc);
    }
  }

  @Test
  void randomMutationsNeverEscapeAsOtherExceptions() {
    long seed = seed();
    SplitMix64 rng = new SplitMix64(seed);
    List<String> docs = validDocuments(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder(docs.get(rng.nextInt(docs.size())));
      int edits = rng.between(1, 4);
      for (int e = 0; e < edits && sb.length() > 0; e++) {
        int at = rng.nextInt(sb.length());
        switch (rng.nextInt(3)) {
          case 0 -> sb.deleteCharAt(at);
          case 1 -> sb.insert(at, ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
          default -> sb.setCharAt(at, ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
        }
      }
      feed(sb.toString(), seed);
    }
  }

  @Test
  void randomCharacterSoupNeverEscapesAsOtherExceptions() {
    long seed = seed();
    SplitMix64 rng = new SplitMix64(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = rng.between(0, 30);
      for (int k = 0; k < n; k++) {
        sb.append(
            rng.oneIn(8)
                ? (char) rng.nextInt(0x10000)
                : ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
      }
      feed(sb.toString(), seed);
    }
  }

  @Test
  void deepNestingIsRefusedWithoutStackOverflow() {
    for (String open : new String[] {"[", "{\"a\":", "{\"Not\":"}) {
      String doc = open.repeat(100_000);
      InvalidQueryException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              InvalidQueryException.class, () -> WireFormat.parseFilter(doc));
      org.junit.jupiter.api.Assertions.assertTrue(
          e.getMessage().contains("nesting deeper than 64"), e.getMessage());
    }
  }
}
