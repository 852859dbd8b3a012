package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.AggregatedValue;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.row.ColumnValue;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.api.value.BlobValue;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DateTimeValue;
import org.wasmdbms.api.value.DateValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int16Value;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.Int8Value;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint16Value;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.api.value.UuidValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueText;
import org.wasmdbms.demo.ExampleGuest;
import org.wasmdbms.host.abi.DatabaseAbi;
import org.wasmdbms.wit.DbmsTypes;
import org.wasmdbms.wit.WitQuery;

/**
 * Catches a canonical-ABI mistake made the same way in the guest and in this host, which no test of
 * the host against the guest can see (a field at the wrong offset on both sides round-trips
 * perfectly).
 *
 * <p>The same steps run twice on fresh database directories: once through this host's {@link
 * DatabaseAbi}, and once through the Component that jco builds from the same core module and {@code
 * wit/dbms.wit} and transpiles to JavaScript, where jco's generated code (not ours) lowers every
 * argument and lifts every result from the WIT file. Both print one canonical JSON line per step;
 * the lines must be equal. If the host and the guest agreed on a wrong layout, the guest would
 * misread jco's correct one (a wrong table name, a filter read from the joins field, a transaction
 * id read as its option flag...) and the outputs would differ. The steps use every function, every
 * query field, both delete behaviours, every {@code value} case and every reachable {@code
 * dbms-error} case.
 *
 * <p>Needs Node.js and {@code @bytecodealliance/jco} 1.35.0: taken from the {@code component}
 * module's {@code node_modules} if present, otherwise installed with npm into {@code target/jco}.
 * Skipped (not passed) when Node.js or npm is missing.
 */
class JcoCrossCheckTest {
  private static final String JCO_VERSION = "1.35.0";

  @TempDir Path work;

  /** One step: its JSON form for the Node driver and the same call through the Java host. */
  private record Step(String json, Function<DatabaseAbi, String> java) {}

  @Test
  void hostAndJcoAgreeOnEveryStep() throws Exception {
    assumeTrue(commandWorks("node", "--version"), "node is not installed");
    Path jco = jcoDirectory();
    Path transpiled = jco.resolve("out-" + ProcessHandle.current().pid());
    Path componentize = copyScript(jco, "componentize.mjs");
    Path drive = copyScript(jco, "drive.mjs");
    // jco's scripts must sit beside its node_modules; what they leave there is removed after.
    try {
      Path input = Path.of(System.getProperty("guest.wasm"));
      run(
          jco,
          "node",
          componentize.toString(),
          input.toString(),
          System.getProperty("wit.file"),
          transpiled.toString());

      List<Step> steps = steps();
      Path stepsFile = work.resolve("steps.json");
      Files.writeString(
          stepsFile, steps.stream().map(Step::json).collect(Collectors.joining(",\n", "[", "]")));
      Path nodeData = Files.createDirectories(work.resolve("node-data"));
      List<String> viaJco =
          run(
              jco,
              "node",
              drive.toString(),
              transpiled.toString(),
              nodeData.toString(),
              stepsFile.toString());

      List<String> viaHost = new ArrayList<>();
      Path hostData = Files.createDirectories(work.resolve("host-data"));
      try (DbmsHost host =
          DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(hostData))) {
        for (Step step : steps) {
          viaHost.add(host.call((abi, generation) -> outcome(step, abi)));
        }
      }
      assertEquals(steps.size(), viaJco.size(), "jco output:\n" + String.join("\n", viaJco));
      for (int i = 0; i < steps.size(); i++) {
        assertEquals(viaJco.get(i), viaHost.get(i), "step " + i + ": " + steps.get(i).json());
      }
    } finally {
      deleteTree(transpiled);
      Files.deleteIfExists(componentize);
      Files.deleteIfExists(drive);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String outcome(Step step, DatabaseAbi abi) {
    try {
      return "{\"ok\":" + step.java().apply(abi) + "}";
    } catch (DbmsException e) {
      boolean payload = DbmsTypes.carriesDetail(e.kind());
      return "{\"err\":{\"tag\":"
          + str(e.kind().witName())
          + (payload ? ",\"val\":" + str(e.detail()) : "")
          + "}}";
    }
  }

  // ---- the steps ----

  private static List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    steps.add(insert("users", user(new Uint32Value(1), "  Ada  ", "ada@example.com"), null));
    steps.add(
        insert("users", user(new Uint32Value(2), "Zo\u00eb \u2603", "zoe@example.com"), null));
    for (int i = 3; i <= 6; i++) {
      steps.add(
          insert("users", user(new Uint32Value(i), "user" + i, "u" + i + "@example.com"), null));
    }
    for (Value id : everyValueCase()) {
      steps.add(insert("users", user(id, "case", "case@example.com"), null));
    }
    steps.add(insert("users", user(new Uint32Value(1), "dup", "dup@example.com"), null));
    steps.add(insert("users", Row.builder().set("id", new Uint32Value(40)).build(), null));
    steps.add(insert("users", user(new Uint32Value(41), "bad", "no-email"), null));
    steps.add(insert("nope", user(new Uint32Value(1), "n", "n@example.com"), null));
    steps.add(insert("posts", post(10, 99), null));
    steps.add(insert("posts", post(10, 1), null));
    steps.add(insert("posts", post(11, 2), null));

    String gt1 = "{\"Gt\":[\"id\",{\"Uint32\":1}]}";
    List<OrderKey> byNameDesc =
        List.of(
            new OrderKey("name", OrderDirection.DESCENDING),
            new OrderKey("id", OrderDirection.ASCENDING));
    steps.add(
        select(
            "users",
            query(gt1, List.of(), List.of(), List.of(), List.of(), null, byNameDesc, 3L, 1L),
            null));
    steps.add(select("users", limited(2L), null));
    steps.add(select("users", offset(4L), null));
    steps.add(select("users", filtered("{\"Eq\":[\"colour\",{\"Uint32\":1}]}"), null));
    steps.add(
        select(
            "users", orderedBy(List.of(new OrderKey("colour", OrderDirection.ASCENDING))), null));
    steps.add(select("users", filtered("{\"Eq\":"), null));
    steps.add(select("users", distinctBy(List.of("name")), null));
    steps.add(select("users", eager(List.of("posts")), null));
    steps.add(
        select(
            "users",
            joined(
                List.of(
                    "{\"join_type\":\"Inner\",\"table\":\"posts\",\"left_column\":\"id\",\"right_column\":\"user\"}")),
            null));
    steps.add(select("users", groupedBy(List.of("name")), null));
    steps.add(select("users", having(gt1), null));
    steps.add(select("users", limited(-1L), null));
    steps.add(select("missing", WitQuery.ALL, null));
    steps.add(select("users", WitQuery.ALL, 77L));

    List<AggregateFunction> aggregates =
        List.of(
            AggregateFunction.countRows(),
            AggregateFunction.of(AggregateFunction.Kind.COUNT, "id"),
            AggregateFunction.of(AggregateFunction.Kind.SUM, "id"),
            AggregateFunction.of(AggregateFunction.Kind.AVG, "id"),
            AggregateFunction.of(AggregateFunction.Kind.MIN, "name"),
            AggregateFunction.of(AggregateFunction.Kind.MAX, "name"));
    steps.add(aggregate("nowhere", WitQuery.ALL, aggregates, null));
    steps.add(aggregate("users", filtered("{\"Eq\":"), aggregates, null));
    steps.add(aggregate("users", WitQuery.ALL, aggregates, 88L));
    steps.add(aggregate("users", WitQuery.ALL, aggregates, null));

    steps.add(begin());
    steps.add(insert("users", user(new Uint32Value(50), "in tx", "tx@example.com"), 1L));
    steps.add(select("users", filtered("{\"Ge\":[\"id\",{\"Uint32\":6}]}"), 1L));
    steps.add(
        update(
            "users",
            Row.builder().set("name", new TextValue("renamed")).build(),
            "{\"Eq\":[\"id\",{\"Uint32\":50}]}",
            1L));
    steps.add(delete("users", DeleteBehavior.RESTRICT, "{\"Eq\":[\"id\",{\"Uint32\":3}]}", 1L));
    steps.add(commit(1L));
    steps.add(commit(1L));
    steps.add(begin());
    steps.add(delete("users", DeleteBehavior.CASCADE, null, 2L));
    steps.add(rollback(2L));
    steps.add(rollback(2L));
    steps.add(beginIsolated(Isolation.READ_COMMITTED));
    steps.add(rollback(3L));
    // Transaction 4 loses to the write outside it: serialization-conflict at its commit.
    steps.add(beginIsolated(Isolation.SNAPSHOT));
    Row renamed = Row.builder().set("name", new TextValue("in snapshot")).build();
    steps.add(update("users", renamed, "{\"Eq\":[\"id\",{\"Uint32\":4}]}", 4L));
    steps.add(update("users", renamed, "{\"Eq\":[\"id\",{\"Uint32\":4}]}", null));
    steps.add(commit(4L));
    steps.add(
        update(
            "users",
            Row.builder().set("email", new TextValue("all@example.com")).build(),
            null,
            null));
    steps.add(
        update("users", Row.builder().set("colour", new TextValue("red")).build(), null, null));
    steps.add(delete("users", DeleteBehavior.RESTRICT, "{\"Eq\":[\"id\",{\"Uint32\":1}]}", null));
    steps.add(
        delete(
            "users",
            DeleteBehavior.CASCADE,
            "{\"In\":[\"id\",[{\"Uint32\":1},{\"Uint32\":2}]]}",
            null));
    steps.add(select("users", WitQuery.ALL, null));
    steps.add(select("posts", WitQuery.ALL, null));
    return steps;
  }

  private static List<Value> everyValueCase() {
    return List.of(
        new BooleanValue(true),
        new Uint8Value(200),
        new Uint16Value(60000),
        new Uint64Value(-1L),
        new Uint64Value(20),
        new Int8Value((byte) -3),
        new Int16Value((short) 21),
        new Int32Value(22),
        new Int64Value(23),
        new Float32Value(1.5f),
        new Float64Value(-2.25),
        new TextValue("24"),
        new BlobValue(new byte[] {1, 2, (byte) 0xff}),
        DecimalValue.parse("25.50"),
        DateValue.parse("2024-06-15"),
        DateTimeValue.parse("2024-06-15T10:30:00.000000+02:00"),
        new JsonValue("{\"a\":[1,2]}"),
        UuidValue.parse("123e4567-e89b-12d3-a456-426614174000"),
        NullValue.INSTANCE);
  }

  private static Row user(Value id, String name, String email) {
    return Row.builder()
        .set("id", id)
        .set("name", new TextValue(name))
        .set("email", new TextValue(email))
        .build();
  }

  private static Row post(long id, long user) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("title", new TextValue("t" + id))
        .set("content", new TextValue("c" + id))
        .set("user", new Uint32Value(user))
        .build();
  }

  private static WitQuery query(
      String filter,
      List<String> distinctBy,
      List<String> eager,
      List<String> joins,
      List<String> groupBy,
      String having,
      List<OrderKey> orderBy,
      Long limit,
      Long offset) {
    return new WitQuery(filter, distinctBy, eager, joins, groupBy, having, orderBy, limit, offset);
  }

  // Queries that set one part and leave the others empty.

  private static WitQuery filtered(String filter) {
    return query(filter, List.of(), List.of(), List.of(), List.of(), null, List.of(), null, null);
  }

  private static WitQuery distinctBy(List<String> columns) {
    return query(null, columns, List.of(), List.of(), List.of(), null, List.of(), null, null);
  }

  private static WitQuery eager(List<String> relations) {
    return query(null, List.of(), relations, List.of(), List.of(), null, List.of(), null, null);
  }

  private static WitQuery joined(List<String> joins) {
    return query(null, List.of(), List.of(), joins, List.of(), null, List.of(), null, null);
  }

  private static WitQuery groupedBy(List<String> columns) {
    return query(null, List.of(), List.of(), List.of(), columns, null, List.of(), null, null);
  }

  private static WitQuery having(String having) {
    return query(null, List.of(), List.of(), List.of(), List.of(), having, List.of(), null, null);
  }

  private static WitQuery orderedBy(List<OrderKey> keys) {
    return query(null, List.of(), List.of(), List.of(), List.of(), null, keys, null, null);
  }

  private static WitQuery limited(Long limit) {
    return query(null, List.of(), List.of(), List.of(), List.of(), null, List.of(), limit, null);
  }

  private static WitQuery offset(Long offset) {
    return query(null, List.of(), List.of(), List.of(), List.of(), null, List.of(), null, offset);
  }

  private static Step select(String table, WitQuery query, Long tx) {
    return new Step(
        "{\"fn\":\"select\",\"table\":"
            + str(table)
            + ",\"query\":"
            + queryJson(query)
            + ",\"tx\":"
            + u64(tx)
            + "}",
        abi ->
            abi.select(table, query, tx).stream()
                .map(JcoCrossCheckTest::rowJson)
                .collect(Collectors.joining(",", "[", "]")));
  }

  private static Step aggregate(
      String table, WitQuery query, List<AggregateFunction> functions, Long tx) {
    String fns =
        functions.stream()
            .map(
                f ->
                    "["
                        + str(f.kind().name().toLowerCase(java.util.Locale.ROOT))
                        + ","
                        + (f.column() == null ? "null" : str(f.column()))
                        + "]")
            .collect(Collectors.joining(",", "[", "]"));
    return new Step(
        "{\"fn\":\"aggregate\",\"table\":"
            + str(table)
            + ",\"query\":"
            + queryJson(query)
            + ",\"aggregates\":"
            + fns
            + ",\"tx\":"
            + u64(tx)
            + "}",
        abi ->
            abi.aggregate(table, query, functions, tx).stream()
                .map(JcoCrossCheckTest::groupJson)
                .collect(Collectors.joining(",", "[", "]")));
  }

  private static Step insert(String table, Row values, Long tx) {
    return new Step(
        "{\"fn\":\"insert\",\"table\":"
            + str(table)
            + ",\"values\":"
            + rowJson(values)
            + ",\"tx\":"
            + u64(tx)
            + "}",
        abi -> rowJson(abi.insert(table, values, tx)));
  }

  private static Step update(String table, Row values, String filter, Long tx) {
    return new Step(
        "{\"fn\":\"update\",\"table\":"
            + str(table)
            + ",\"values\":"
            + rowJson(values)
            + ",\"filter\":"
            + optStr(filter)
            + ",\"tx\":"
            + u64(tx)
            + "}",
        abi -> str(Long.toUnsignedString(abi.update(table, values, filter, tx))));
  }

  private static Step delete(String table, DeleteBehavior behavior, String filter, Long tx) {
    String name = behavior == DeleteBehavior.RESTRICT ? "restrict" : "cascade";
    return new Step(
        "{\"fn\":\"delete\",\"table\":"
            + str(table)
            + ",\"behavior\":"
            + str(name)
            + ",\"filter\":"
            + optStr(filter)
            + ",\"tx\":"
            + u64(tx)
            + "}",
        abi -> str(Long.toUnsignedString(abi.delete(table, behavior, filter, tx))));
  }

  private static Step begin() {
    return new Step(
        "{\"fn\":\"begin-transaction\",\"tx\":null}",
        abi -> str(Long.toUnsignedString(abi.beginTransaction())));
  }

  private static Step beginIsolated(Isolation isolation) {
    return new Step(
        "{\"fn\":\"begin-transaction-isolated\",\"isolation\":"
            + str(isolation.witName())
            + ",\"tx\":null}",
        abi -> str(Long.toUnsignedString(abi.beginTransactionIsolated(isolation))));
  }

  private static Step commit(long tx) {
    return new Step(
        "{\"fn\":\"commit\",\"tx\":" + u64(tx) + "}",
        abi -> {
          abi.commit(tx);
          return "null";
        });
  }

  private static Step rollback(long tx) {
    return new Step(
        "{\"fn\":\"rollback\",\"tx\":" + u64(tx) + "}",
        abi -> {
          abi.rollback(tx);
          return "null";
        });
  }

  // ---- canonical JSON, as JSON.stringify writes it ----

  private static String queryJson(WitQuery q) {
    String keys =
        q.orderBy().stream()
            .map(
                k ->
                    "["
                        + str(k.column())
                        + ","
                        + str(k.direction() == OrderDirection.ASCENDING ? "asc" : "desc")
                        + "]")
            .collect(Collectors.joining(",", "[", "]"));
    return "{\"filter\":"
        + optStr(q.filter())
        + ",\"distinctBy\":"
        + strings(q.distinctBy())
        + ",\"eagerRelations\":"
        + strings(q.eagerRelations())
        + ",\"joins\":"
        + strings(q.joins())
        + ",\"groupBy\":"
        + strings(q.groupBy())
        + ",\"having\":"
        + optStr(q.having())
        + ",\"orderBy\":"
        + keys
        + ",\"limit\":"
        + u64(q.limit())
        + ",\"offset\":"
        + u64(q.offset())
        + "}";
  }

  private static String rowJson(Row row) {
    List<String> columns = new ArrayList<>();
    for (ColumnValue c : row.columns()) {
      columns.add("[" + str(c.name()) + "," + valueJson(c.value()) + "]");
    }
    return "[" + String.join(",", columns) + "]";
  }

  private static String groupJson(AggregatedRow group) {
    String keys =
        group.groupKeys().stream()
            .map(JcoCrossCheckTest::valueJson)
            .collect(Collectors.joining(",", "[", "]"));
    List<String> values = new ArrayList<>();
    for (AggregatedValue v : group.values()) {
      String tag = str(v.kind().name().toLowerCase(java.util.Locale.ROOT));
      String val =
          v.kind() == AggregateFunction.Kind.COUNT
              ? str(Long.toUnsignedString(((Uint64Value) v.value()).value()))
              : valueJson(v.value());
      values.add("{\"tag\":" + tag + ",\"val\":" + val + "}");
    }
    return "{\"groupKeys\":" + keys + ",\"values\":[" + String.join(",", values) + "]}";
  }

  private static String valueJson(Value value) {
    if (value.isNull()) {
      return "{\"tag\":\"null-val\"}";
    }
    String[] caseAndText =
        switch (value.type()) {
          case BOOLEAN -> new String[] {"bool-val", String.valueOf(((BooleanValue) value).value())};
          case UINT8 -> new String[] {"u8-val", String.valueOf(((Uint8Value) value).value())};
          case UINT16 -> new String[] {"u16-val", String.valueOf(((Uint16Value) value).value())};
          case UINT32 -> new String[] {"u32-val", String.valueOf(((Uint32Value) value).value())};
          case UINT64 ->
              new String[] {"u64-val", Long.toUnsignedString(((Uint64Value) value).value())};
          case INT8 -> new String[] {"i8-val", String.valueOf(((Int8Value) value).value())};
          case INT16 -> new String[] {"i16-val", String.valueOf(((Int16Value) value).value())};
          case INT32 -> new String[] {"i32-val", String.valueOf(((Int32Value) value).value())};
          case INT64 -> new String[] {"i64-val", String.valueOf(((Int64Value) value).value())};
          case FLOAT32 ->
              new String[] {
                "f32-val",
                hex(Float.floatToRawIntBits(((Float32Value) value).value()) & 0xFFFFFFFFL, 8)
              };
          case FLOAT64 ->
              new String[] {
                "f64-val", hex(Double.doubleToRawLongBits(((Float64Value) value).value()), 16)
              };
          case TEXT -> new String[] {"text-val", ((TextValue) value).value()};
          case BLOB -> new String[] {"blob-val", blobHex(((BlobValue) value).bytes())};
          case DECIMAL -> new String[] {"decimal-val", ((DecimalValue) value).text()};
          case DATE -> new String[] {"date-val", ValueText.display(value)};
          case DATETIME -> new String[] {"datetime-val", ValueText.display(value)};
          case JSON -> new String[] {"json-val", ((JsonValue) value).text()};
          case UUID -> new String[] {"uuid-val", ((UuidValue) value).text()};
        };
    return "{\"tag\":" + str(caseAndText[0]) + ",\"val\":" + str(caseAndText[1]) + "}";
  }

  private static String hex(long bits, int digits) {
    String text = Long.toHexString(bits);
    return "0".repeat(digits - text.length()) + text;
  }

  private static String blobHex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(hex(b & 0xFF, 2));
    }
    return out.toString();
  }

  private static String strings(List<String> strings) {
    return strings.stream().map(JcoCrossCheckTest::str).collect(Collectors.joining(",", "[", "]"));
  }

  private static String optStr(String text) {
    return text == null ? "null" : str(text);
  }

  private static String u64(Long value) {
    return value == null ? "null" : str(Long.toUnsignedString(value));
  }

  private static String str(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u").append(hex(c, 4));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // ---- tools ----

  /** A directory whose node_modules holds jco: the component module's, or one installed here. */
  private static Path jcoDirectory() throws IOException, InterruptedException {
    Path component =
        Path.of(System.getProperty("wit.file")).getParent().getParent().resolve("component");
    if (Files.isDirectory(component.resolve("node_modules/@bytecodealliance/jco"))) {
      return component;
    }
    Path own = Path.of("target", "jco").toAbsolutePath();
    if (!Files.isDirectory(own.resolve("node_modules/@bytecodealliance/jco"))) {
      assumeTrue(commandWorks("npm", "--version"), "npm is not installed");
      Files.createDirectories(own);
      run(
          own,
          "npm",
          "install",
          "--no-save",
          "--no-package-lock",
          "--no-fund",
          "--no-audit",
          "@bytecodealliance/jco@" + JCO_VERSION);
    }
    return own;
  }

  private static Path copyScript(Path jco, String name) throws IOException {
    Path target = jco.resolve("wasm-dbms-host-" + name);
    try (var in = JcoCrossCheckTest.class.getResourceAsStream("/jco/" + name)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static boolean commandWorks(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a command in {@code directory}; returns its standard output lines; fails if it fails. */
  private static List<String> run(Path directory, String... command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
    }
    return out.lines().filter(l -> l.startsWith("{")).toList();
  }
}
