package org.wasmdbms.testkit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.json.JsonWriter;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Join;
import org.wasmdbms.api.query.LikePattern;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.SchemaCodec;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.RowCodec;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueCodec;
import org.wasmdbms.api.value.Values;

/**
 * A deterministic smoke scenario for the api module: value storage and key encodings, ordering, row
 * and schema codecs, JSON wire round trips of random values, filters and joins, LIKE matching, and
 * the errors malformed wire input must give. It prints a compact digest per batch, so running it on
 * the JVM and compiled to WebAssembly must print identical lines. Output is ASCII only.
 */
public final class ApiSmoke {
  private static final long SEED = 0x5EED_A11L;
  private static final int ITERATIONS = 300;
  private static final int BATCH = 50;

  private ApiSmoke() {}

  /** Runs the scenario, printing its report to {@code out}. */
  public static void run(PrintStream out) {
    SplitMix64 rng = new SplitMix64(SEED);
    RandomValues values = new RandomValues(rng);
    out.println("api-smoke seed=" + Long.toHexString(SEED));
    valueRoundTrips(out, values);
    ordering(out, values);
    rows(out, values);
    filters(out, new RandomFilters(values));
    schema(out);
    like(out);
    wireErrors(out);
    out.println("api-smoke done");
  }

  /** Storage codec, key encoding and JSON round trips of single values. */
  private static void valueRoundTrips(PrintStream out, RandomValues values) {
    CRC32 crc = new CRC32();
    int ok = 0;
    for (int i = 1; i <= ITERATIONS; i++) {
      DataType type = values.type();
      Value v = values.value(type);
      try {
        byte[] stored = ValueCodec.encode(type, v);
        String json = WireFormat.printValue(v);
        Value fromStore = ValueCodec.decode(type, stored);
        Value fromJson = WireFormat.parseValue(json);
        boolean same =
            fromStore.equals(v)
                && fromJson.equals(v)
                && Values.compare(v, fromJson) == 0
                && WireFormat.printValue(fromJson).equals(json);
        if (same) {
          ok++;
        } else {
          out.println("  MISMATCH " + type.wireName() + " " + json);
        }
        crc.update(stored);
        crc.update(KeyEncoding.encode(v));
        crc.update(json.getBytes(StandardCharsets.UTF_8));
      } catch (DbmsException e) {
        printError(out, "value " + type.wireName(), e);
      }
      if (i % BATCH == 0) {
        out.println("values batch " + (i / BATCH) + " ok=" + ok + " crc=" + hex(crc));
        ok = 0;
        crc.reset();
      }
    }
  }

  /** Values.compare against unsigned comparison of keys, on random pairs of the same family. */
  private static void ordering(PrintStream out, RandomValues values) {
    int agree = 0;
    int disagree = 0;
    int less = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      DataType type = values.type();
      // Integers of another width in the same position must compare by value, too.
      DataType other = type.isInteger() && values.rng().nextBoolean() ? DataType.UINT64 : type;
      List<Value> a = tuple(values.valueOrNull(type, 6), values.valueOrNull(DataType.TEXT, 6));
      List<Value> b = tuple(values.valueOrNull(other, 6), values.valueOrNull(DataType.TEXT, 6));
      try {
        int byValue = Integer.signum(Values.compareTuples(a, b));
        int byKey =
            Integer.signum(
                KeyEncoding.compareUnsigned(KeyEncoding.encode(a), KeyEncoding.encode(b)));
        if (byValue == byKey) {
          agree++;
        } else {
          disagree++;
          out.println(
              "  ORDER MISMATCH "
                  + WireFormat.printValue(a.get(0))
                  + " "
                  + WireFormat.printValue(b.get(0)));
        }
        less += byValue < 0 ? 1 : 0;
      } catch (DbmsException e) {
        printError(out, "order", e);
      }
    }
    out.println("order agree=" + agree + " disagree=" + disagree + " less=" + less);
    int integers = Values.compare(new Uint64Value(-1L), new Int64Value(Long.MAX_VALUE));
    out.println("order uint64max>int64max=" + (integers > 0));
    try {
      Values.compare(new TextValue("1"), new Int64Value(1));
      out.println("order text-vs-int accepted (WRONG)");
    } catch (DbmsException e) {
      printError(out, "order text-vs-int", e);
    }
  }

  /** Row codec round trips over random schemas with nulls. */
  private static void rows(PrintStream out, RandomValues values) {
    CRC32 crc = new CRC32();
    int ok = 0;
    for (int i = 0; i < 100; i++) {
      List<DataType> types = values.types(values.rng().between(1, 12));
      List<Value> row = values.row(types, 4);
      try {
        byte[] bytes = RowCodec.encode(types, row);
        if (RowCodec.decode(types, bytes).equals(row)) {
          ok++;
        }
        crc.update(bytes);
        byte[] cut = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, cut, 0, cut.length);
        RowCodec.decode(types, cut);
        out.println("  truncated row accepted (WRONG)");
      } catch (DbmsException e) {
        if (e.kind() != ErrorKind.MEMORY_ERROR) {
          printError(out, "row", e);
        }
      }
    }
    out.println("rows ok=" + ok + " crc=" + hex(crc));
  }

  /** Wire round trips of random filters and joins. */
  private static void filters(PrintStream out, RandomFilters filters) {
    CRC32 crc = new CRC32();
    int ok = 0;
    int maxDepth = 0;
    for (int i = 1; i <= ITERATIONS; i++) {
      Filter f = filters.filter(1 + (i % 6));
      try {
        String json = WireFormat.printFilter(f);
        Filter back = WireFormat.parseFilter(json);
        if (back.equals(f) && WireFormat.printFilter(back).equals(json)) {
          ok++;
        } else {
          out.println("  FILTER MISMATCH " + json);
        }
        maxDepth = f.depth() > maxDepth ? f.depth() : maxDepth;
        crc.update(json.getBytes(StandardCharsets.UTF_8));
      } catch (DbmsException e) {
        printError(out, "filter", e);
      }
      if (i % BATCH == 0) {
        out.println(
            "filters batch "
                + (i / BATCH)
                + " ok="
                + ok
                + " maxDepth="
                + maxDepth
                + " crc="
                + hex(crc));
        ok = 0;
        crc.reset();
      }
    }
    int joins = 0;
    for (int i = 0; i < 20; i++) {
      Join j = filters.join();
      joins += WireFormat.parseJoin(WireFormat.printJoin(j)).equals(j) ? 1 : 0;
    }
    out.println("joins ok=" + joins + "/20");
  }

  /** Schema codec round trip and a truncated stored definition. */
  private static void schema(PrintStream out) {
    TableDef posts =
        TableDef.builder("posts")
            .column(ColumnDef.builder("id", DataType.UINT64).primaryKey().autoIncrement())
            .column(
                ColumnDef.builder("title", DataType.TEXT).defaultValue(new TextValue("untitled")))
            .column(ColumnDef.builder("author", DataType.UINT64).references("users", "id"))
            .column(ColumnDef.builder("body", DataType.TEXT).nullable())
            .index("by_author", false, "author", "title")
            .build();
    byte[] bytes = SchemaCodec.encode(posts);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    out.println(
        "schema bytes="
            + bytes.length
            + " crc="
            + hex(crc)
            + " roundtrip="
            + SchemaCodec.decode(bytes).equals(posts));
    int refused = 0;
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] prefix = new byte[cut];
      System.arraycopy(bytes, 0, prefix, 0, cut);
      try {
        SchemaCodec.decode(prefix);
      } catch (DbmsException e) {
        refused += e.kind() == ErrorKind.MEMORY_ERROR ? 1 : 0;
      }
    }
    out.println("schema truncations refused=" + refused + "/" + bytes.length);
    try {
      TableDef.builder("t").column(ColumnDef.builder("a", DataType.TEXT)).build();
    } catch (DbmsException e) {
      printError(out, "schema no primary key", e);
    }
  }

  private static void like(PrintStream out) {
    String[][] cases = {
      {"a%", "abc"},
      {"a%", "bac"},
      {"_b_", "abc"},
      {"%c", "abc"},
      {"a\\%", "a%"},
      {"a\\%", "ab"},
      {"%a%a%a%b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
      {"", ""},
      {"\u00e9_", "\u00e9\ud83d\ude00"}
    };
    StringBuilder sb = new StringBuilder("like");
    for (String[] c : cases) {
      sb.append(' ').append(LikePattern.compile(c[0]).matches(c[1]) ? '1' : '0');
    }
    out.println(sb);
  }

  /** Malformed wire input: each must be refused with invalid-query and a clear message. */
  private static void wireErrors(PrintStream out) {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      deep.append("{\"Not\":");
    }
    deep.append("{\"IsNull\":\"a\"}");
    for (int i = 0; i < 40; i++) {
      deep.append('}');
    }
    String[] inputs = {
      "{\"Int8\":300}",
      "{\"Uint64\":-1}",
      "{\"Int64\":\"9223372036854775808\"}",
      "{\"Float64\":NaN}",
      "{\"Float64\":1e999}",
      "{\"Foo\":1}",
      "{\"Eq\":[\"a\"]}",
      "{\"And\":[{\"IsNull\":\"a\"}]}",
      "{\"Eq\":[\"a\",{\"Int8\":1}]} trailing",
      "{\"Date\":{\"year\":2023,\"month\":2,\"day\":29}}",
      "{\"Like\":[\"a\",\"x\\\\\"]}",
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
      deep.toString(),
      "{\"Text\":\"\\ud800\"}",
      "",
    };
    for (String input : inputs) {
      try {
        if (input.startsWith("{\"Eq\"")
            || input.startsWith("{\"And\"")
            || input.startsWith("{\"Like\"")
            || input.startsWith("{\"Not\"")) {
          WireFormat.parseFilter(input);
        } else {
          WireFormat.parseValue(input);
        }
        out.println("wire accepted (WRONG): " + ascii(shorten(input)));
      } catch (DbmsException e) {
        printError(out, "wire " + shorten(input), e);
      }
    }
  }

  private static List<Value> tuple(Value first, Value second) {
    List<Value> t = new ArrayList<>(2);
    t.add(first);
    t.add(second);
    return t;
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  private static void printError(PrintStream out, String context, DbmsException e) {
    out.println("error " + ascii(context) + " -> " + e.kind().witName() + ": " + ascii(e.detail()));
  }

  private static String hex(CRC32 crc) {
    String h = Long.toHexString(crc.getValue());
    return "00000000".substring(h.length()) + h;
  }

  /** {@code s} with every character outside printable ASCII written as a Unicode escape. */
  static String ascii(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        sb.append(c);
      } else {
        sb.append(JsonWriter.unicodeEscape(c));
      }
    }
    return sb.toString();
  }
}
