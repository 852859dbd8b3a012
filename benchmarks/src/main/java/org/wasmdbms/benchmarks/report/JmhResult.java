package org.wasmdbms.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasmdbms.api.json.JsonNode;
import org.wasmdbms.api.json.JsonNode.JsonArray;
import org.wasmdbms.api.json.JsonNode.JsonNumber;
import org.wasmdbms.api.json.JsonNode.JsonObject;
import org.wasmdbms.api.json.JsonNode.JsonString;
import org.wasmdbms.api.json.JsonParser;

/**
 * One benchmark result of JMH's JSON output ({@code -rf json}), its time converted to microseconds
 * per operation. A throughput result ({@code ops/s}: JMH sums it over the benchmark's threads) is
 * inverted, so its time is that of one operation of all the threads together.
 *
 * @param benchmark the benchmark's full name, for example {@code ...CompareBenchmark.steady}
 * @param params the benchmark's parameters (empty if it has none)
 * @param micros the mean time of one operation, in microseconds (of all threads together for a
 *     throughput result)
 * @param errorMicros JMH's 99.9 % confidence half-width, in microseconds, or NaN if JMH had too few
 *     iterations to give one
 * @param settings how it was measured, for example {@code "1 fork, 1 warm-up iteration of 1 s, 3
 *     iterations of 1 s"}
 */
public record JmhResult(
    String benchmark,
    Map<String, String> params,
    double micros,
    double errorMicros,
    List<Double> iterationsMicros,
    String settings) {
  private static final int MAX_DEPTH = 16;

  /** Checks the parameters and copies them. */
  public JmhResult {
    params = Map.copyOf(params);
    iterationsMicros = List.copyOf(iterationsMicros);
  }

  /**
   * How far apart the fastest and the slowest measured iteration are, as a share of the mean: a
   * plainer measure of noise than JMH's confidence interval, which three iterations make wide.
   */
  public double spread() {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double iteration : iterationsMicros) {
      min = Math.min(min, iteration);
      max = Math.max(max, iteration);
    }
    return iterationsMicros.isEmpty() ? 0 : (max - min) / micros;
  }

  /**
   * Reads every result of one JMH JSON file's text.
   *
   * @throws IllegalArgumentException if the text is not JMH's JSON output or a result is neither a
   *     time per operation nor operations per time
   */
  public static List<JmhResult> parse(String json) {
    List<JmhResult> results = new ArrayList<>();
    for (JsonNode item : as(JsonArray.class, JsonParser.parse(json, MAX_DEPTH)).items()) {
      JsonObject result = as(JsonObject.class, item);
      String benchmark = string(member(result, "benchmark"));
      Map<String, String> params = new LinkedHashMap<>();
      JsonNode paramsNode = result.members().get("params");
      if (paramsNode != null) {
        for (Map.Entry<String, JsonNode> param :
            as(JsonObject.class, paramsNode).members().entrySet()) {
          params.put(param.getKey(), string(param.getValue()));
        }
      }
      JsonObject metric = as(JsonObject.class, member(result, "primaryMetric"));
      String unit = string(member(metric, "scoreUnit"));
      double score = number(member(metric, "score"));
      // An inverted throughput keeps its relative error (to first order).
      double error = micros(score, unit) * number(member(metric, "scoreError")) / score;
      String settings =
          plural(string(member(result, "forks")), "fork")
              + ", "
              + plural(string(member(result, "warmupIterations")), "warm-up iteration")
              + " of "
              + string(member(result, "warmupTime"))
              + ", "
              + plural(string(member(result, "measurementIterations")), "measured iteration")
              + " of "
              + string(member(result, "measurementTime"));
      List<Double> iterations = new ArrayList<>();
      for (JsonNode fork : as(JsonArray.class, member(metric, "rawData")).items()) {
        for (JsonNode iteration : as(JsonArray.class, fork).items()) {
          iterations.add(micros(number(iteration), unit));
        }
      }
      results.add(
          new JmhResult(benchmark, params, micros(score, unit), error, iterations, settings));
    }
    return results;
  }

  private static String plural(String count, String noun) {
    return count + " " + noun + (count.equals("1") ? "" : "s");
  }

  /**
   * Microseconds per operation of a score in {@code unit}: a time per operation or a throughput.
   */
  private static double micros(double score, String unit) {
    if (unit.startsWith("ops/")) {
      return microsPer(unit.substring("ops/".length()), unit) / score;
    }
    return unit.endsWith("/op")
        ? score * microsPer(unit.substring(0, unit.length() - "/op".length()), unit)
        : microsPer("", unit);
  }

  private static double microsPer(String time, String unit) {
    return switch (time) {
      case "ns" -> 1e-3;
      case "us" -> 1;
      case "ms" -> 1e3;
      case "s" -> 1e6;
      default ->
          throw new IllegalArgumentException("not a time per operation nor a throughput: " + unit);
    };
  }

  private static JsonNode member(JsonObject object, String name) {
    JsonNode node = object.members().get(name);
    if (node == null) {
      throw new IllegalArgumentException("no \"" + name + "\" in a JMH result");
    }
    return node;
  }

  private static String string(JsonNode node) {
    if (node instanceof JsonString string) {
      return string.value();
    }
    if (node instanceof JsonNumber number) {
      return number.literal();
    }
    throw new IllegalArgumentException("expected a string, found " + node.kindName());
  }

  /** A number, or NaN written as JMH writes it: the string {@code "NaN"}. */
  private static double number(JsonNode node) {
    if (node instanceof JsonNumber number) {
      return Double.parseDouble(number.literal());
    }
    if (node instanceof JsonString string && string.value().equals("NaN")) {
      return Double.NaN;
    }
    throw new IllegalArgumentException("expected a number, found " + node.kindName());
  }

  private static <T extends JsonNode> T as(Class<T> kind, JsonNode node) {
    if (!kind.isInstance(node)) {
      throw new IllegalArgumentException("unexpected " + node.kindName() + " in JMH's JSON");
    }
    return kind.cast(node);
  }
}
