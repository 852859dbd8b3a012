package org.wasmdbms.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.query.Filter;

/**
 * What a filter costs to parse: the leaf filters a host sends on every key lookup are read without
 * a JSON tree (counted in bytes allocated per parse, so a slow path cannot silently come back), and
 * reading them that way answers exactly what the general parser answers, filter or error.
 */
class FilterParseCostTest {
  private static final String PK_FILTER = "{\"Eq\":[\"id\",{\"Uint32\":424242}]}";
  private static final int PARSES = 20_000;

  @Test
  void aKeyLookupFilterIsParsedWithFewAllocations() {
    long fast = bytesPerParse(() -> WireFormat.parseFilter(PK_FILTER));
    long general =
        bytesPerParse(
            () ->
                WireFormat.filterFromJson(JsonParser.parse(PK_FILTER, WireFormat.MAX_JSON_DEPTH)));
    System.out.println(
        "bytes allocated per parse of "
            + PK_FILTER
            + ": "
            + fast
            + " (general parser "
            + general
            + ")");
    // The filter, its Uint32 value and the column name: about 100 bytes on a 64-bit JVM.
    assertTrue(fast <= 160, "a key lookup filter allocates " + fast + " bytes per parse");
    assertTrue(general > 4 * fast, "the general parser allocates " + general + " bytes");
  }

  @Test
  void leafFiltersParseAsTheGeneralParserParsesThem() {
    long seed = System.nanoTime();
    System.out.println("FilterParseCostTest seed " + seed);
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>(List.of(CANONICAL));
    texts.addAll(List.of(OTHER));
    for (String leaf : List.copyOf(texts)) {
      for (int i = 0; i < 40; i++) {
        texts.add(mutate(leaf, random));
      }
    }
    int fastHits = 0;
    for (String text : texts) {
      if (outcomeOfFast(text) != null) {
        fastHits++;
      }
      assertEquals(outcome(() -> general(text)), outcome(() -> WireFormat.parseFilter(text)), text);
    }
    assertTrue(fastHits >= CANONICAL.length, "seed " + seed);
  }

  @Test
  void theCanonicalLeavesTakeTheFastPath() {
    for (String leaf : CANONICAL) {
      assertNotNull(outcomeOfFast(leaf), leaf);
    }
    for (String other : OTHER) {
      assertNull(outcomeOfFast(other), other);
    }
  }

  /** Leaves in the form the fast path reads (some of them invalid filters). */
  private static final String[] CANONICAL = {
    PK_FILTER,
    "{\"Eq\":[\"id\",{\"Int8\":-128}]}",
    "{\"Ne\":[\"id\",{\"Int16\":-0}]}",
    "{\"Gt\":[\"age\",{\"Int32\":2147483647}]}",
    "{\"Lt\":[\"age\",{\"Int32\":2147483648}]}",
    "{\"Ge\":[\"n\",{\"Int64\":-999999999999999999}]}",
    "{\"Le\":[\"n\",{\"Uint64\":999999999999999999}]}",
    "{\"Le\":[\"n\",{\"Uint8\":256}]}",
    "{\"Eq\":[\"n\",{\"Uint16\":65535}]}",
    "{\"Eq\":[\"name\",{\"Text\":\"Alice\"}]}",
    "{\"Ge\":[\"name\",{\"Text\":\"\"}]}",
    "{\"Eq\":[\"flag\",{\"Boolean\":true}]}",
    "{\"Ne\":[\"flag\",{\"Boolean\":false}]}",
    "{\"Eq\":[\"c\",\"Null\"]}",
    "{\"Like\":[\"name\",\"A%\"]}",
    "{\"Like\":[\"name\",\"[\"]}",
    "{\"IsNull\":\"email\"}",
    "{\"NotNull\":\"email\"}",
  };

  /** Filters the fast path leaves to the general parser, well-formed or not. */
  private static final String[] OTHER = {
    "{\"Eq\":[\"name\",{\"Text\":\"a\\\"b\"}]}",
    "{\"Eq\":[\"x\",{\"Float64\":1.5}]}",
    "{ \"Eq\":[\"id\",{\"Uint32\":1}]}",
    "{\"Eq\":[\"id\",{\"Uint32\":01}]}",
    "{\"Eq\":[\"id\",{\"Uint32\":1},{\"Uint32\":2}]}",
    "{\"Eq\":[\"id\",{\"Text\":\"a\"},{\"Text\":\"b\"}]}",
    "{\"Eq\":[\"id\",{\"Uint32\":1}],\"Ne\":1}",
    "{\"Eqq\":[\"id\",{\"Uint32\":1}]}",
    "{\"Eq\":[\"id\",{\"Uint33\":1}]}",
    "{\"Eq\":[1,{\"Uint32\":1}]}",
  };

  private static String mutate(String text, Random random) {
    StringBuilder b = new StringBuilder(text);
    int at = random.nextInt(b.length());
    switch (random.nextInt(4)) {
      case 0 -> b.setLength(at);
      case 1 -> b.deleteCharAt(at);
      case 2 -> b.insert(at, "\"{}[],:-0 1a\\".charAt(random.nextInt(13)));
      default -> b.setCharAt(at, "\"{}[],:-09a".charAt(random.nextInt(11)));
    }
    return b.toString();
  }

  private static Filter general(String text) {
    return WireFormat.filterFromJson(JsonParser.parse(text, WireFormat.MAX_JSON_DEPTH));
  }

  private static Object outcomeOfFast(String text) {
    return outcome(() -> LeafFilterReader.read(text));
  }

  /** The filter, or the error's class and detail. */
  private static Object outcome(java.util.function.Supplier<Filter> parse) {
    try {
      return parse.get();
    } catch (InvalidQueryException e) {
      return "InvalidQueryException: " + e.detail();
    }
  }

  private static long bytesPerParse(Runnable parse) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < PARSES; i++) {
      parse.run();
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < PARSES; i++) {
      parse.run();
    }
    return (threads.getCurrentThreadAllocatedBytes() - before) / PARSES;
  }
}
