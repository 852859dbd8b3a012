package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InternalDbmsException;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.demo.ExampleGuest;
import org.wasmdbms.wit.WitQuery;

/**
 * Malformed JSON column filters and paths sent raw to the example guest through the host: every
 * call answers rows or a typed error, none traps or reports an internal error, and the database
 * keeps its rows. Seeded (printed; {@code -Dfuzz.seed=} replays one run).
 */
class JsonFilterGuestFuzzTest {
  private static final int CALLS = 400;

  private static final List<String> VALID =
      List.of(
          "{\"Json\":[\"metadata\",{\"HasKey\":\"tags[0]\"}]}",
          "{\"Json\":[\"metadata\",{\"HasKey\":\"\\\"a.b\\\".\\\"c\\\"[2]\"}]}",
          "{\"Json\":[\"metadata\",{\"Extract\":[\"views\",{\"Gt\":{\"Int64\":18}}]}]}",
          "{\"Json\":[\"metadata\",{\"Extract\":[\"tags[1]\",{\"In\":[{\"Text\":\"db\"}]}]}]}",
          "{\"Json\":[\"metadata\",{\"Extract\":[\"owner.name\",\"IsNull\"]}]}",
          "{\"Json\":[\"metadata\",{\"Contains\":{\"tags\":[\"wasm\"],\"views\":42}}]}",
          "{\"Not\":{\"Json\":[\"metadata\",{\"Contains\":[[1,{\"a\":null}]]}]}}",
          "{\"And\":[{\"Json\":[\"metadata\",{\"HasKey\":\"[0]\"}]},{\"IsNull\":\"metadata\"}]}");

  private static final String NOISE = "{}[]\",:.\\0123456789aZ-eE+ \u00e9\u0000";

  @TempDir Path directory;

  @Test
  void malformedJsonFiltersNeverTrap() {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("JsonFilterGuestFuzzTest seed=" + seed);
    Random random = new Random(seed);
    try (DbmsHost host =
        DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(directory))) {
      DatabaseClient db = host.client();
      db.insert("users", DatabaseClientTest.user(1, "ada", "ada@example.com"));
      for (int id = 1; id <= 3; id++) {
        Row post =
            Row.builder()
                .set("id", new Uint32Value(id))
                .set("title", new TextValue("post " + id))
                .set("content", new TextValue("text"))
                .set("user", new Uint32Value(1))
                .set("metadata", new JsonValue("{\"tags\":[\"wasm\"],\"views\":" + id + "}"))
                .build();
        db.insert("posts", post);
      }
      int refused = 0;
      for (int call = 0; call < CALLS; call++) {
        String filter = mutate(VALID.get(random.nextInt(VALID.size())), random);
        try {
          db.select("posts", WitQuery.filtered(filter));
        } catch (InternalDbmsException e) {
          fail("seed=" + seed + " filter " + filter + ": internal error " + e.getMessage());
        } catch (DbmsException e) {
          refused++;
        } catch (RuntimeException e) {
          fail("seed=" + seed + " filter " + filter + ": the guest failed: " + e, e);
        }
      }
      assertFalse(refused == 0, "no mutated filter was refused: the fuzzing did nothing");
      assertEquals(3, db.selectAll("posts").size(), "seed=" + seed + ": rows lost");
    }
  }

  /** One of several kinds of damage, or a filter past a depth or length limit. */
  private static String mutate(String filter, Random random) {
    StringBuilder text = new StringBuilder(filter);
    switch (random.nextInt(7)) {
      case 0 -> text.setLength(random.nextInt(text.length()));
      case 1 -> {
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
          text.insert(
              random.nextInt(text.length() + 1), NOISE.charAt(random.nextInt(NOISE.length())));
        }
      }
      case 2 -> {
        for (int i = 1 + random.nextInt(4); i > 0 && text.length() > 0; i--) {
          text.deleteCharAt(random.nextInt(text.length()));
        }
      }
      case 3 -> {
        int at = random.nextInt(text.length());
        text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(12))));
      }
      case 4 -> {
        String path =
            "a" + ".b".repeat(40 + random.nextInt(60)) + (random.nextBoolean() ? "[" : "");
        return "{\"Json\":[\"metadata\",{\"HasKey\":\"" + path + "\"}]}";
      }
      case 5 -> {
        int depth = 20 + random.nextInt(60);
        return "{\"Json\":[\"metadata\",{\"Contains\":"
            + "{\"a\":".repeat(depth)
            + "1"
            + "}".repeat(depth)
            + "}]}";
      }
      default -> {
        int depth = 25 + random.nextInt(500);
        return "{\"Not\":".repeat(depth) + filter + "}".repeat(depth);
      }
    }
    return text.toString();
  }
}
