package io.schedlab.reports.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark result from JMH's JSON output ({@code -rf json}): the benchmark and its params,
 * the mode, and the primary metric's score, error (99.9 % half-width, as JMH reports it) and
 * unit. A secondary metric (a profiler's, e.g. the scheduler_perf runner's pods/s and attempt
 * percentiles, or {@code -prof gc}'s allocation) is a result of its own, named
 * {@code benchmark:metric}.
 */
public record JmhResult(String benchmark, Map<String, String> params, String mode, double score,
    double error, String unit) {

  public JmhResult {
    params = new TreeMap<>(params);
  }

  /** The benchmark's short name with its params, e.g. {@code FgdRunBenchmark.run [policy=FGD]}. */
  public String key() {
    int colon = benchmark.indexOf(':');
    String b = colon < 0 ? benchmark : benchmark.substring(0, colon);
    int dot = b.lastIndexOf('.', b.lastIndexOf('.') - 1);
    String shortName = (dot < 0 ? b : b.substring(dot + 1))
        + (colon < 0 ? "" : benchmark.substring(colon));
    return params.isEmpty() ? shortName : shortName + " " + params;
  }

  /** Whether a higher score is better: throughput modes; time modes are the other way. */
  public boolean higherIsBetter() {
    return "thrpt".equals(mode);
  }

  /**
   * Reads JMH's JSON result file.
   *
   * @throws IllegalArgumentException naming the file and the entry when it is not JMH JSON
   */
  public static List<JmhResult> read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": expected JMH's JSON results (-rf json), got"
          + " malformed JSON");
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(file + ": expected JMH's JSON results (-rf json): an"
          + " array of benchmark results");
    }
    List<JmhResult> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode r = root.get(i);
      String at = file + ": [" + i + "]";
      JsonNode pm = r.path("primaryMetric");
      if (!r.path("benchmark").isTextual() || !r.path("mode").isTextual() || !pm.isObject()
          || !pm.path("score").isNumber()) {
        throw new IllegalArgumentException(at + ": expected benchmark, mode and"
            + " primaryMetric.score");
      }
      Map<String, String> params = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = r.path("params").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        params.put(e.getKey(), e.getValue().asText());
      }
      String benchmark = r.get("benchmark").asText();
      String mode = r.get("mode").asText();
      out.add(result(benchmark, params, mode, pm));
      Iterator<Map.Entry<String, JsonNode>> secondary = r.path("secondaryMetrics").fields();
      while (secondary.hasNext()) {
        Map.Entry<String, JsonNode> e = secondary.next();
        JsonNode m = e.getValue();
        if (m.path("score").isNumber()) {
          out.add(result(benchmark + ":" + e.getKey(), params,
              secondaryMode(e.getKey(), m.path("scoreUnit").asText("")), m));
        }
      }
    }
    return out;
  }

  private static JmhResult result(String benchmark, Map<String, String> params, String mode,
      JsonNode metric) {
    double error = metric.path("scoreError").isNumber()
        ? metric.get("scoreError").asDouble() : Double.NaN;
    return new JmhResult(benchmark, params, mode, metric.get("score").asDouble(), error,
        metric.path("scoreUnit").asText(""));
  }

  /**
   * A secondary metric's direction, as a mode: a rate ({@code pods/s}, {@code ops/s}) is better
   * higher ("thrpt"), except allocation and GC figures, which like times and sizes are better
   * lower ("avgt").
   */
  static String secondaryMode(String name, String unit) {
    boolean rate = unit.endsWith("/s") || unit.endsWith("/sec");
    return rate && !name.startsWith("gc.") ? "thrpt" : "avgt";
  }
}
