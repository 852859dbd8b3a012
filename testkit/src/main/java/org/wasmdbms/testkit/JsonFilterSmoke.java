package org.wasmdbms.testkit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.JsonMatcher;
import org.wasmdbms.api.query.JsonPath;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * A deterministic scenario for JSON column filters: each operation on a set of documents, hostile
 * input at the limits (documents 512 deep, the deepest pattern and path, huge and very long
 * numbers), seeded mutations of wire filters and of paths (each either parses within the limits and
 * evaluates, or is refused with a typed error), and JSON filters through the engine. Run on the JVM
 * and compiled to WebAssembly it must print identical lines, so it shows that none of it traps in
 * the guest. Output is ASCII only.
 */
public final class JsonFilterSmoke {
  private static final long SEED = 0x15_0F11_7E25L;
  private static final int MUTANTS = 1500;
  private static final int PATHS = 3000;

  private static final String[] DOCUMENTS = {
    "{\"user\":{\"name\":\"Ada\",\"age\":36,\"tags\":[\"wasm\",\"db\"],\"nick\":null},\"n\":1.0}",
    "{\"user\":{\"name\":\"Bob\",\"age\":17.5,\"tags\":[\"java\"]},\"a\":1,\"a\":2,\"n\":10e-1}",
    "[1,\"wasm\",{\"user\":{\"age\":\"36\"}},[2,3]]",
    "{\"a.b\":{\"\":[null,true]},\"\\u00e9\":\"\\ud83d\\ude00\",\"n\":1e999999999}",
    "\"wasm\"",
  };

  private static final String[] OPERATIONS = {
    "{\"HasKey\":\"user.tags[0]\"}",
    "{\"HasKey\":\"user.nick\"}",
    "{\"HasKey\":\"[3][1]\"}",
    "{\"HasKey\":\"\\\"a.b\\\".\\\"\\\"[1]\"}",
    "{\"Extract\":[\"user.age\",{\"Gt\":{\"Int64\":18}}]}",
    "{\"Extract\":[\"user.age\",{\"Le\":{\"Decimal\":\"17.50\"}}]}",
    "{\"Extract\":[\"user.name\",{\"Lt\":{\"Text\":\"B\"}}]}",
    "{\"Extract\":[\"n\",{\"Eq\":{\"Int8\":1}}]}",
    "{\"Extract\":[\"n\",{\"Gt\":{\"Float64\":1.7976931348623157e308}}]}",
    "{\"Extract\":[\"a\",{\"In\":[{\"Int64\":2},{\"Text\":\"x\"}]}]}",
    "{\"Extract\":[\"user.tags\",{\"Eq\":{\"Json\":\"[\\\"wasm\\\",\\\"db\\\"]\"}}]}",
    "{\"Extract\":[\"user.nick\",\"IsNull\"]}",
    "{\"Extract\":[\"user.age\",\"NotNull\"]}",
    "{\"Extract\":[\"\\u00e9\",{\"Ne\":{\"Text\":\"\\ud83d\\ude00\"}}]}",
    "{\"Contains\":{\"user\":{\"tags\":[\"wasm\"]}}}",
    "{\"Contains\":[[3],{\"user\":{}}]}",
    "{\"Contains\":\"wasm\"}",
    "{\"Contains\":{\"n\":1}}",
  };

  private JsonFilterSmoke() {}

  /** Runs the scenario, printing its report to {@code out}. */
  public static void run(PrintStream out) {
    out.println("json-smoke seed=" + Long.toHexString(SEED));
    operations(out);
    limits(out);
    SplitMix64 rng = new SplitMix64(SEED);
    mutatedFilters(out, rng);
    randomPaths(out, rng);
    engine(out);
    out.println("json-smoke done");
  }

  private static JsonMatcher matcher(String operation) {
    Filter f = WireFormat.parseFilter("{\"Json\":[\"m\"," + operation + "]}");
    return JsonMatcher.compile(((Filter.Json) f).operation());
  }

  /** Every operation on every document (and a null column), one line of match bits each. */
  private static void operations(PrintStream out) {
    for (String operation : OPERATIONS) {
      JsonMatcher m = matcher(operation);
      StringBuilder bits = new StringBuilder();
      for (String document : DOCUMENTS) {
        bits.append(m.matches(document) ? '1' : '0');
      }
      bits.append(m.matches(null) ? '1' : '0');
      out.println(bits + " " + operation);
    }
  }

  /** Input at and beyond the limits: the limit itself works, beyond it is refused, never a trap. */
  private static void limits(PrintStream out) {
    String deepArrays = repeat("[", 512) + repeat("]", 512);
    String deepObjects = repeat("{\"a\":", 511) + "[1]" + repeat("}", 511);
    String path64 = "a" + repeat(".a", 63);
    attempt(out, "64-step path", () -> bit(matcher(hasKey(path64)).matches(deepObjects)));
    attempt(out, "65-step path", () -> bit(matcher(hasKey(path64 + ".a")).matches(deepObjects)));
    attempt(out, "63 indices", () -> bit(matcher(hasKey(repeat("[0]", 63))).matches(deepArrays)));
    String pattern29 = repeat("[", 29) + repeat("]", 29);
    attempt(
        out,
        "pattern 29 deep",
        () -> bit(matcher("{\"Contains\":" + pattern29 + "}").matches(deepArrays)));
    attempt(
        out,
        "pattern 30 deep",
        () -> bit(matcher("{\"Contains\":[" + pattern29 + "]}").matches(deepArrays)));
    String operand = repeat("{\\\"a\\\":", 500) + "[1.0]" + repeat("}", 500);
    attempt(
        out,
        "500-deep Json operand",
        () ->
            bit(
                matcher(
                        "{\"Extract\":[\"a.a.a.a.a.a.a.a.a.a.a\",{\"Eq\":{\"Json\":\""
                            + operand
                            + "\"}}]}")
                    .matches(deepObjects)));
    String longNumber = "0." + repeat("3", 5000) + "e1";
    attempt(
        out,
        "5000-digit number",
        () ->
            bit(
                matcher("{\"Extract\":[\"[0]\",{\"Eq\":{\"Float64\":3.3333333333333335}}]}")
                    .matches("[" + longNumber + "]")));
    attempt(
        out,
        "huge exponents",
        () ->
            bit(
                matcher("{\"Contains\":[1e99999999999999999999]}")
                    .matches("[10e99999999999999999998,-1e-99999999999999999999]")));
    attempt(
        out,
        "31 filter levels",
        () -> bit(WireFormat.parseFilter(nots(29, extractLeaf())) != null));
    attempt(
        out,
        "30 filter levels",
        () -> bit(WireFormat.parseFilter(nots(28, extractLeaf())) != null));
  }

  private static String extractLeaf() {
    return "{\"Json\":[\"m\",{\"Extract\":[\"a\",{\"In\":[{\"Json\":\"[]\"}]}]}]}";
  }

  private static String nots(int n, String leaf) {
    return repeat("{\"Not\":", n) + leaf + repeat("}", n);
  }

  private static String hasKey(String path) {
    return "{\"HasKey\":\"" + path + "\"}";
  }

  private static String bit(boolean b) {
    return b ? "true" : "false";
  }

  /** Seeded mutations of valid wire filters; prints a digest of every outcome. */
  private static void mutatedFilters(PrintStream out, SplitMix64 rng) {
    String noise = "{}[]\",:.\\0123456789-eE+ aIsNullTrue";
    CRC32 crc = new CRC32();
    int parsed = 0;
    for (int i = 0; i < MUTANTS; i++) {
      StringBuilder sb =
          new StringBuilder(
              "{\"Json\":[\"m\"," + OPERATIONS[rng.nextInt(OPERATIONS.length)] + "]}");
      for (int e = rng.between(1, 4); e > 0; e--) {
        int at = rng.nextInt(sb.length() + 1);
        char c = noise.charAt(rng.nextInt(noise.length()));
        switch (rng.nextInt(6)) {
          case 0 -> sb.insert(at, c);
          case 1 -> sb.insert(at, repeat(".a", rng.nextInt(70)));
          case 2 -> sb.insert(at, repeat("[", rng.nextInt(40)));
          case 3 -> sb.setLength(at);
          default -> {
            if (at < sb.length()) {
              sb.setCharAt(at, c);
            }
          }
        }
      }
      String text = sb.toString();
      String outcome;
      try {
        Filter f = WireFormat.parseFilter(text);
        parsed++;
        StringBuilder bits = new StringBuilder(WireFormat.printFilter(f)).append(' ');
        if (f instanceof Filter.Json json) {
          JsonMatcher m = JsonMatcher.compile(json.operation());
          for (String document : DOCUMENTS) {
            bits.append(m.matches(document) ? '1' : '0');
          }
        }
        outcome = bits.toString();
      } catch (DbmsException e) {
        outcome = e.kind().witName() + ": " + e.detail();
      }
      crc.update(outcome.getBytes(StandardCharsets.UTF_8));
    }
    out.println("mutated filters " + MUTANTS + " parsed=" + parsed + " crc=" + hex(crc));
  }

  /** Random strings over the path alphabet; prints a digest of every outcome. */
  private static void randomPaths(PrintStream out, SplitMix64 rng) {
    String alphabet = "ab.[]\"\\0129 ";
    CRC32 crc = new CRC32();
    int parsed = 0;
    for (int i = 0; i < PATHS; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = rng.nextInt(i % 100 == 0 ? 300 : 12); n > 0; n--) {
        sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
      }
      String outcome;
      try {
        JsonPath path = JsonPath.parse(sb.toString());
        parsed++;
        outcome = path.text() + " " + path.equals(JsonPath.parse(path.text()));
      } catch (DbmsException e) {
        outcome = e.detail();
      }
      crc.update(outcome.getBytes(StandardCharsets.UTF_8));
    }
    out.println("random paths " + PATHS + " parsed=" + parsed + " crc=" + hex(crc));
  }

  /** JSON filters through the engine, on a table with a Json and a Text column. */
  private static void engine(PrintStream out) {
    Database db = Database.open(new HeapMemoryProvider(), Long.MAX_VALUE);
    db.register(
        TableSchema.of(
            TableDef.builder("docs")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("title", DataType.TEXT))
                .column(ColumnDef.builder("meta", DataType.JSON).nullable())
                .build()));
    for (int i = 0; i <= DOCUMENTS.length; i++) {
      db.insert(
          "docs",
          Row.builder()
              .set("id", new Uint32Value(i))
              .set("title", new TextValue("doc " + i))
              .set("meta", i < DOCUMENTS.length ? new JsonValue(DOCUMENTS[i]) : null)
              .build());
    }
    String[] filters = {
      "{\"Json\":[\"meta\",{\"Extract\":[\"user.age\",{\"Ge\":{\"Int64\":17}}]}]}",
      "{\"Not\":{\"Json\":[\"meta\",{\"HasKey\":\"user\"}]}}",
      "{\"Or\":[{\"Json\":[\"meta\",{\"Contains\":\"wasm\"}]},{\"Eq\":[\"id\",{\"Uint32\":0}]}]}",
      "{\"Json\":[\"meta\",{\"Extract\":[\"n\",{\"Ne\":{\"Int64\":1}}]}]}",
      "{\"Json\":[\"title\",{\"HasKey\":\"a\"}]}",
      "{\"Json\":[\"nope\",{\"HasKey\":\"a\"}]}",
      "{\"Json\":[\"meta\",{\"HasKey\":\"a[01]\"}]}",
    };
    for (String wire : filters) {
      attempt(
          out,
          wire,
          () -> {
            StringBuilder ids = new StringBuilder("ids");
            List<Row> rows =
                db.select("docs", Query.builder().filter(WireFormat.parseFilter(wire)).build());
            for (Row row : rows) {
              ids.append(' ').append(((Uint32Value) row.get("id")).value());
            }
            return ids.toString();
          });
    }
    db.close();
  }

  /** Something that yields a line or fails with a typed error. */
  private interface Step {
    String run();
  }

  private static void attempt(PrintStream out, String what, Step step) {
    try {
      out.println(what + " -> " + step.run());
    } catch (DbmsException e) {
      out.println(what + " -> " + e.kind().witName() + ": " + e.detail());
    }
  }

  private static String repeat(String s, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(s);
    }
    return sb.toString();
  }

  private static String hex(CRC32 crc) {
    return Long.toHexString(crc.getValue());
  }
}
