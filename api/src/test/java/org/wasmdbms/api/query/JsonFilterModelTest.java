package org.wasmdbms.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.json.JsonParser;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;

/**
 * Random documents and random JSON filters: {@link JsonMatcher}, which reads the document text in
 * place, must agree with a plain recursive evaluator over a tree model of the same document. The
 * documents repeat keys, spell one number many ways, escape characters at random and vary their
 * whitespace; filters mostly follow paths that exist and use patterns cut from the document, so
 * both answers are common. Seed printed; rerun one with {@code -DjsonModel.seed=...}.
 */
class JsonFilterModelTest {
  private static final String[] KEYS = {"a", "b", "c", "0", "a.b", "q\"", "", "\u00e9"};
  private static final String[] STRINGS = {
    "x", "y", "", "\u00e9", "\ud83d\ude00", "\uff5e", "a\"b"
  };

  /** Spellings of a few numbers; each inner array is one value. */
  private static final String[][] NUMBERS = {
    {"0", "-0", "0.0", "0e5"},
    {"1", "1.0", "10e-1", "0.1E1"},
    {"-1", "-1.00", "-1e0"},
    {"1.5", "15e-1", "1.50"},
    {"0.1", "1e-1"},
    {"36", "3.6e1", "36.0"},
    {"100", "1e2", "1E+2", "100.000"},
    {"18446744073709551615", "1.8446744073709551615e19"},
  };

  /** The model: a document tree that keeps repeated keys, as the text does. */
  private sealed interface Node {}

  private record Obj(List<Map.Entry<String, Node>> members) implements Node {}

  private record Arr(List<Node> items) implements Node {}

  private record Str(String value) implements Node {}

  private record Num(String literal) implements Node {}

  private record Bool(boolean value) implements Node {}

  private record Null() implements Node {}

  private Random random;

  @Test
  void matcherAgreesWithARecursiveModel() {
    long seed = Long.getLong("jsonModel.seed", System.nanoTime());
    System.out.println("JsonFilterModelTest seed " + seed);
    random = new Random(seed);
    int matched = 0;
    int checks = 0;
    for (int doc = 0; doc < 400; doc++) {
      Node document = random.nextInt(20) == 0 ? null : node(4);
      String text = document == null ? null : print(document);
      for (int f = 0; f < 40; f++) {
        JsonFilter filter = filter(document);
        // Through the wire form, so that shape is exercised on every filter too.
        Filter wire = WireFormat.parseFilter(WireFormat.printFilter(new Filter.Json("m", filter)));
        boolean actual = JsonMatcher.compile(((Filter.Json) wire).operation()).matches(text);
        boolean expected = evaluate(filter, document);
        assertEquals(
            expected, actual, "seed " + seed + ": " + WireFormat.printFilter(wire) + " on " + text);
        matched += actual ? 1 : 0;
        checks++;
      }
    }
    // Guard against a generator that only ever produces one answer.
    assertEquals(true, matched > checks / 10 && matched < checks * 9 / 10, matched + "/" + checks);
  }

  // ---- generating documents ----

  private Node node(int depth) {
    int pick = random.nextInt(depth <= 0 ? 4 : 7);
    return switch (pick) {
      case 0 -> new Str(STRINGS[random.nextInt(STRINGS.length)]);
      case 1 -> new Num(number());
      case 2 -> new Bool(random.nextBoolean());
      case 3 -> new Null();
      case 4 -> {
        List<Node> items = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          items.add(node(depth - 1));
        }
        yield new Arr(items);
      }
      default -> {
        List<Map.Entry<String, Node>> members = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
          members.add(Map.entry(KEYS[random.nextInt(KEYS.length)], node(depth - 1)));
        }
        yield new Obj(members);
      }
    };
  }

  private String number() {
    String[] spellings = NUMBERS[random.nextInt(NUMBERS.length)];
    return spellings[random.nextInt(spellings.length)];
  }

  private String print(Node node) {
    StringBuilder sb = new StringBuilder();
    print(sb, node);
    return sb.toString();
  }

  private void print(StringBuilder sb, Node node) {
    space(sb);
    if (node instanceof Obj o) {
      sb.append('{');
      for (int i = 0; i < o.members().size(); i++) {
        sb.append(i > 0 ? "," : "");
        space(sb);
        string(sb, o.members().get(i).getKey());
        space(sb);
        sb.append(':');
        print(sb, o.members().get(i).getValue());
      }
      space(sb);
      sb.append('}');
    } else if (node instanceof Arr a) {
      sb.append('[');
      for (int i = 0; i < a.items().size(); i++) {
        sb.append(i > 0 ? "," : "");
        print(sb, a.items().get(i));
      }
      space(sb);
      sb.append(']');
    } else if (node instanceof Str s) {
      string(sb, s.value());
    } else if (node instanceof Num n) {
      sb.append(n.literal());
    } else if (node instanceof Bool b) {
      sb.append(b.value());
    } else {
      sb.append("null");
    }
    space(sb);
  }

  private void space(StringBuilder sb) {
    if (random.nextInt(4) == 0) {
      sb.append(" \n\t\r".charAt(random.nextInt(4)));
    }
  }

  /** A JSON string, escaping code points at random (and quotes and backslashes always). */
  private void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // A surrogate pair is escaped or written raw as a whole: raw text must stay well-formed.
      int units = Character.isHighSurrogate(c) && i + 1 < s.length() ? 2 : 1;
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (random.nextInt(3) == 0) {
        for (int k = 0; k < units; k++) {
          sb.append("\\u").append(String.format("%04X", (int) s.charAt(i + k)));
        }
      } else {
        sb.append(s, i, i + units);
      }
      i += units - 1;
    }
    sb.append('"');
  }

  // ---- generating filters ----

  private JsonFilter filter(Node document) {
    return switch (random.nextInt(3)) {
      case 0 -> new JsonFilter.HasKey(path(document));
      case 1 -> extract(document);
      default -> new JsonFilter.Contains(pattern(document, true));
    };
  }

  /** Mostly a path that exists, sometimes one step off or made up. */
  private JsonPath path(Node document) {
    List<JsonPath.Step> steps = new ArrayList<>();
    Node at = document;
    int length = 1 + random.nextInt(4);
    while (steps.size() < length) {
      boolean follow = at != null && random.nextInt(6) != 0;
      if (follow && at instanceof Obj o && !o.members().isEmpty()) {
        Map.Entry<String, Node> e = o.members().get(random.nextInt(o.members().size()));
        steps.add(new JsonPath.Key(e.getKey()));
        at = lookup(at, steps.get(steps.size() - 1));
      } else if (follow && at instanceof Arr a && !a.items().isEmpty()) {
        int i = random.nextInt(a.items().size());
        steps.add(new JsonPath.Index(i));
        at = a.items().get(i);
      } else {
        steps.add(
            random.nextBoolean()
                ? new JsonPath.Key(KEYS[random.nextInt(KEYS.length)])
                : new JsonPath.Index(random.nextInt(3)));
        at = at == null ? null : lookup(at, steps.get(steps.size() - 1));
      }
      if (random.nextInt(3) == 0) {
        break;
      }
    }
    return new JsonPath(steps);
  }

  private JsonFilter extract(Node document) {
    JsonPath path = path(document);
    Node target = document;
    for (JsonPath.Step step : path.steps()) {
      target = target == null ? null : lookup(target, step);
    }
    JsonFilter.Test test =
        JsonFilter.Test.values()[random.nextInt(JsonFilter.Test.values().length)];
    int count = test.operandCount() >= 0 ? test.operandCount() : random.nextInt(4);
    List<Value> operands = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      operands.add(operand(target));
    }
    return new JsonFilter.Extract(path, test, operands);
  }

  /** An operand, often derived from the value the path reaches so that equality is common. */
  private Value operand(Node target) {
    int pick = random.nextInt(6);
    if (pick == 0 || target == null) {
      return switch (random.nextInt(4)) {
        case 0 -> new Int64Value(random.nextInt(5) - 1);
        case 1 -> new TextValue(STRINGS[random.nextInt(STRINGS.length)]);
        case 2 -> new BooleanValue(random.nextBoolean());
        default -> new JsonValue(printDistinct(node(2)));
      };
    }
    if (target instanceof Num n) {
      BigDecimal v = new BigDecimal(n.literal());
      return switch (pick) {
        case 1 -> new DecimalValue(v.add(BigDecimal.valueOf(random.nextInt(3) - 1)));
        case 2 -> new Float64Value(v.doubleValue());
        case 3 ->
            v.stripTrailingZeros().scale() <= 0 && v.abs().compareTo(BigDecimal.TEN) < 0
                ? new Int64Value(v.longValue())
                : new DecimalValue(v);
        default -> new DecimalValue(v);
      };
    }
    if (target instanceof Str s) {
      return new TextValue(pick == 1 ? STRINGS[random.nextInt(STRINGS.length)] : s.value());
    }
    if (target instanceof Bool b) {
      return new BooleanValue(pick == 1 ? random.nextBoolean() : b.value());
    }
    return new JsonValue(printDistinct(pick == 1 ? node(2) : target));
  }

  /** Prints with repeated keys dropped (the last one kept), as a Json operand must be. */
  private String printDistinct(Node node) {
    return print(distinct(node));
  }

  private static Node distinct(Node node) {
    if (node instanceof Obj o) {
      Map<String, Node> last = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : o.members()) {
        last.remove(e.getKey());
        last.put(e.getKey(), distinct(e.getValue()));
      }
      return new Obj(new ArrayList<>(last.entrySet()));
    }
    if (node instanceof Arr a) {
      List<Node> items = new ArrayList<>();
      for (Node item : a.items()) {
        items.add(distinct(item));
      }
      return new Arr(items);
    }
    return node;
  }

  /** A pattern cut from the document (members and elements dropped), or a random one. */
  private org.wasmdbms.api.json.JsonNode pattern(Node document, boolean top) {
    Node source = document == null || random.nextInt(5) == 0 ? node(2) : document;
    if (top && source instanceof Arr a && !a.items().isEmpty() && random.nextInt(3) == 0) {
      source = a.items().get(random.nextInt(a.items().size()));
    }
    return JsonParser.parse(printDistinct(cut(distinct(source))), 64);
  }

  private Node cut(Node node) {
    if (node instanceof Obj o) {
      List<Map.Entry<String, Node>> kept = new ArrayList<>();
      for (Map.Entry<String, Node> e : o.members()) {
        if (random.nextInt(3) != 0) {
          kept.add(Map.entry(e.getKey(), cut(e.getValue())));
        }
      }
      return new Obj(kept);
    }
    if (node instanceof Arr a) {
      List<Node> kept = new ArrayList<>();
      for (Node item : a.items()) {
        if (random.nextInt(3) != 0) {
          kept.add(0, cut(item));
        }
      }
      return new Arr(kept);
    }
    if (node instanceof Num && random.nextInt(4) == 0) {
      return new Num(number());
    }
    return node;
  }

  // ---- the plain recursive evaluator ----

  private static Node lookup(Node node, JsonPath.Step step) {
    if (step instanceof JsonPath.Key k && node instanceof Obj o) {
      Node found = null;
      for (Map.Entry<String, Node> e : o.members()) {
        if (e.getKey().equals(k.name())) {
          found = e.getValue();
        }
      }
      return found;
    }
    if (step instanceof JsonPath.Index i && node instanceof Arr a) {
      return i.position() < a.items().size() ? a.items().get(i.position()) : null;
    }
    return null;
  }

  private static boolean evaluate(JsonFilter filter, Node document) {
    if (filter instanceof JsonFilter.Contains c) {
      Node pattern = fromJson(c.pattern());
      if (document == null) {
        return false;
      }
      boolean scalar = !(pattern instanceof Obj || pattern instanceof Arr);
      if (scalar && document instanceof Arr a) {
        return a.items().stream().anyMatch(item -> contains(item, pattern));
      }
      return contains(document, pattern);
    }
    JsonPath path =
        filter instanceof JsonFilter.HasKey h ? h.path() : ((JsonFilter.Extract) filter).path();
    Node target = document;
    for (JsonPath.Step step : path.steps()) {
      target = target == null ? null : lookup(target, step);
    }
    if (filter instanceof JsonFilter.HasKey) {
      return target != null;
    }
    JsonFilter.Extract e = (JsonFilter.Extract) filter;
    Node t = target;
    return switch (e.test()) {
      case IS_NULL -> t == null || t instanceof Null;
      case NOT_NULL -> t != null && !(t instanceof Null);
      case EQ -> t != null && equalsOperand(t, e.operands().get(0));
      case NE -> t == null || !equalsOperand(t, e.operands().get(0));
      case IN -> t != null && e.operands().stream().anyMatch(v -> equalsOperand(t, v));
      case GT -> order(t, e.operands().get(0)) == 1;
      case GE -> order(t, e.operands().get(0)) == 1 || order(t, e.operands().get(0)) == 0;
      case LT -> order(t, e.operands().get(0)) == -1;
      case LE -> order(t, e.operands().get(0)) == -1 || order(t, e.operands().get(0)) == 0;
    };
  }

  private static boolean equalsOperand(Node t, Value v) {
    if (v instanceof BooleanValue b) {
      return t instanceof Bool x && x.value() == b.value();
    }
    if (v instanceof TextValue s) {
      return t instanceof Str x && x.value().equals(s.value());
    }
    if (v instanceof JsonValue j) {
      return equal(t, fromJson(JsonParser.parse(j.text(), 512)));
    }
    return order(t, v) == 0;
  }

  /** -1, 0 or 1, or 2 when the pair is not ordered. */
  private static int order(Node t, Value v) {
    if (t instanceof Num n && v instanceof Int64Value i) {
      return new BigDecimal(n.literal()).compareTo(BigDecimal.valueOf(i.value()));
    }
    if (t instanceof Num n && v instanceof DecimalValue d) {
      return new BigDecimal(n.literal()).compareTo(d.value());
    }
    if (t instanceof Num n && v instanceof Float64Value f) {
      return Double.compare(Double.parseDouble(n.literal()) + 0.0, f.value() + 0.0);
    }
    if (t instanceof Str s && v instanceof TextValue x) {
      return Integer.signum(
          Arrays.compare(s.value().codePoints().toArray(), x.value().codePoints().toArray()));
    }
    return 2;
  }

  private static Map<String, Node> effective(Obj o) {
    Map<String, Node> map = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : o.members()) {
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }

  private static boolean equal(Node a, Node b) {
    if (a instanceof Obj x && b instanceof Obj y) {
      Map<String, Node> mx = effective(x);
      Map<String, Node> my = effective(y);
      if (!mx.keySet().equals(my.keySet())) {
        return false;
      }
      return mx.entrySet().stream().allMatch(e -> equal(e.getValue(), my.get(e.getKey())));
    }
    if (a instanceof Arr x && b instanceof Arr y) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!equal(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Num x && b instanceof Num y) {
      return new BigDecimal(x.literal()).compareTo(new BigDecimal(y.literal())) == 0;
    }
    return !(a instanceof Obj || a instanceof Arr) && a.equals(b);
  }

  private static boolean contains(Node target, Node pattern) {
    if (pattern instanceof Obj p) {
      if (!(target instanceof Obj t)) {
        return false;
      }
      Map<String, Node> mt = effective(t);
      return effective(p).entrySet().stream()
          .allMatch(e -> mt.containsKey(e.getKey()) && contains(mt.get(e.getKey()), e.getValue()));
    }
    if (pattern instanceof Arr p) {
      return target instanceof Arr t
          && p.items().stream().allMatch(pe -> t.items().stream().anyMatch(te -> contains(te, pe)));
    }
    return equal(target, pattern);
  }

  private static Node fromJson(org.wasmdbms.api.json.JsonNode node) {
    if (node instanceof org.wasmdbms.api.json.JsonNode.JsonObject o) {
      List<Map.Entry<String, Node>> members = new ArrayList<>();
      o.members().forEach((k, v) -> members.add(Map.entry(k, fromJson(v))));
      return new Obj(members);
    }
    if (node instanceof org.wasmdbms.api.json.JsonNode.JsonArray a) {
      return new Arr(a.items().stream().map(JsonFilterModelTest::fromJson).toList());
    }
    if (node instanceof org.wasmdbms.api.json.JsonNode.JsonString s) {
      return new Str(s.value());
    }
    if (node instanceof org.wasmdbms.api.json.JsonNode.JsonNumber n) {
      return new Num(n.literal());
    }
    if (node instanceof org.wasmdbms.api.json.JsonNode.JsonBoolean b) {
      return new Bool(b.value());
    }
    return new Null();
  }
}
