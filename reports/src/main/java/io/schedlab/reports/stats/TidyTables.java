package io.schedlab.reports.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.schedlab.reports.Metric;
import io.schedlab.reports.RunResult;
import io.schedlab.reports.Series;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The tidy outputs of compare, ready for pandas or R: {@code summary.csv} (one row per profile ×
 * seed × metric), {@code summary.json} (the same rows plus the statistics and rankings) and
 * {@code latency.csv} and {@code throughput.csv} (wall-clock, apart because they differ from run
 * to run).
 *
 * <p>Outputs are byte-identical for equal inputs: rows sorted by profile, seed, metric (or latency
 * name); UTF-8, '\n' line ends; numbers as the shortest decimal that reads back as the same double,
 * never in exponent notation (see {@link #number}); NaN and infinities as {@code NaN}, {@code Inf},
 * {@code -Inf} in CSV and as null in JSON.
 */
public final class TidyTables {
  public static final String SUMMARY_CSV = "summary.csv";
  public static final String SUMMARY_JSON = "summary.json";
  public static final String LATENCY_CSV = "latency.csv";
  public static final String THROUGHPUT_CSV = "throughput.csv";

  private TidyTables() {}

  /** Writes summary.csv and summary.json into {@code dir} (which must exist). */
  public static void writeSummary(Path dir, List<RunResult> runs, Aggregation aggregation)
      throws IOException {
    Files.writeString(dir.resolve(SUMMARY_CSV), summaryCsv(runs, aggregation.metrics()),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(SUMMARY_JSON), summaryJson(runs, aggregation),
        StandardCharsets.UTF_8);
  }

  /** Writes the wall-clock files, latency.csv and throughput.csv, into {@code dir}. */
  public static void writeLatency(Path dir, List<RunResult> runs) throws IOException {
    Files.writeString(dir.resolve(LATENCY_CSV), latencyCsv(runs), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(THROUGHPUT_CSV), throughputCsv(runs), StandardCharsets.UTF_8);
  }

  /**
   * Columns profile,seed,attempts,scheduled,cycle_wall_s,pods_per_s: each run's {@link
   * Throughput}; runs that timed no attempt have no row.
   */
  public static String throughputCsv(List<RunResult> runs) {
    StringBuilder out = new StringBuilder("profile,seed,attempts,scheduled,cycle_wall_s,pods_per_s\n");
    for (RunResult r : Aggregation.sortedRuns(runs)) {
      io.schedlab.reports.Throughput t = io.schedlab.reports.Throughput.of(r);
      if (t != null) {
        out.append(csv(r.profile())).append(',').append(r.seed()).append(',')
            .append(t.attempts()).append(',').append(t.scheduled()).append(',')
            .append(csvNumber(t.cycleSeconds())).append(',')
            .append(csvNumber(t.podsPerSecond())).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Columns profile,seed,metric,unit,value; a row for every metric of {@code metrics} a run
   * reports, whatever its value. Metrics a run reports but {@code metrics} does not define have no
   * unit and are left out.
   */
  public static String summaryCsv(List<RunResult> runs, List<Metric> metrics) {
    StringBuilder out = new StringBuilder("profile,seed,metric,unit,value\n");
    List<Metric> byName = sortedByName(metrics);
    for (RunResult r : Aggregation.sortedRuns(runs)) {
      for (Metric m : byName) {
        Double v = r.metrics().get(m.name());
        if (v != null) {
          out.append(csv(r.profile())).append(',').append(r.seed()).append(',')
              .append(csv(m.name())).append(',').append(csv(m.unit())).append(',')
              .append(csvNumber(v)).append('\n');
        }
      }
    }
    return out.toString();
  }

  /**
   * Columns profile,seed,name,count,p50,p90,p99,max over each run's {@link RunResult#latencies()}
   * in their recorded unit; percentiles are nearest-rank (an observed value).
   */
  public static String latencyCsv(List<RunResult> runs) {
    StringBuilder out = new StringBuilder("profile,seed,name,count,p50,p90,p99,max\n");
    for (RunResult r : Aggregation.sortedRuns(runs)) {
      for (Map.Entry<String, double[]> e : r.latencies().entrySet()) {
        double[] sorted = e.getValue().clone();
        Arrays.sort(sorted);
        out.append(csv(r.profile())).append(',').append(r.seed()).append(',')
            .append(csv(e.getKey())).append(',').append(sorted.length).append(',')
            .append(csvNumber(nearestRank(sorted, 50))).append(',')
            .append(csvNumber(nearestRank(sorted, 90))).append(',')
            .append(csvNumber(nearestRank(sorted, 99))).append(',')
            .append(csvNumber(nearestRank(sorted, 100))).append('\n');
      }
    }
    return out.toString();
  }

  /** One run's series as {@code series,t,value} rows, series by name, samples in time order. */
  public static String seriesCsv(RunResult run) {
    StringBuilder sb = new StringBuilder("series,t,value\n");
    for (Series s : run.series().values()) {
      for (int i = 0; i < s.size(); i++) {
        sb.append(s.name()).append(',').append(number(s.t()[i])).append(',')
            .append(number(s.v()[i])).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * {@code {"test", "alpha", "rows": [...], "metrics": [{name, unit, direction, description,
   * summaries, pair_tests, ranking}], "overall_ranking": [...]}}, pretty-printed; metrics by
   * name, so the order the metrics were defined in does not change the bytes.
   */
  public static String summaryJson(List<RunResult> runs, Aggregation aggregation) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
      DefaultPrettyPrinter pretty = new DefaultPrettyPrinter();
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      pretty.indentObjectsWith(indenter);
      pretty.indentArraysWith(indenter);
      g.setPrettyPrinter(pretty);
      g.writeStartObject();
      g.writeStringField("test", aggregation.method().label());
      g.writeFieldName("alpha");
      number(g, PairTest.ALPHA);
      g.writeArrayFieldStart("rows");
      List<Metric> byName = sortedByName(aggregation.metrics());
      for (RunResult r : Aggregation.sortedRuns(runs)) {
        for (Metric m : byName) {
          Double v = r.metrics().get(m.name());
          if (v != null) {
            g.writeStartObject();
            g.writeStringField("profile", r.profile());
            g.writeNumberField("seed", r.seed());
            g.writeStringField("metric", m.name());
            g.writeStringField("unit", m.unit());
            g.writeFieldName("value");
            number(g, v);
            g.writeEndObject();
          }
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("metrics");
      for (Metric m : byName) {
        writeMetric(g, aggregation.stats(m.name()));
      }
      g.writeEndArray();
      g.writeArrayFieldStart("overall_ranking");
      for (Ranking.OverallEntry e : aggregation.overall()) {
        g.writeStartObject();
        g.writeNumberField("rank", e.rank());
        g.writeStringField("profile", e.profile());
        g.writeFieldName("mean_rank");
        number(g, e.meanRank());
        g.writeNumberField("metrics", e.metrics());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.append('\n').toString();
  }

  private static void writeMetric(JsonGenerator g, Aggregation.MetricStats s) throws IOException {
    Metric m = s.metric();
    g.writeStartObject();
    g.writeStringField("name", m.name());
    g.writeStringField("unit", m.unit());
    g.writeStringField("direction", m.direction().name());
    g.writeStringField("description", m.description());
    g.writeArrayFieldStart("summaries");
    for (Map.Entry<String, Summary> e : s.summaries().entrySet()) {
      Summary x = e.getValue();
      g.writeStartObject();
      g.writeStringField("profile", e.getKey());
      g.writeNumberField("n", x.n());
      numberField(g, "mean", x.mean());
      numberField(g, "sd", x.sd());
      numberField(g, "ci95_half_width", x.ciHalfWidth());
      numberField(g, "ci95_low", x.ciLow());
      numberField(g, "ci95_high", x.ciHigh());
      numberField(g, "min", x.min());
      numberField(g, "median", x.median());
      numberField(g, "max", x.max());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("pair_tests");
    for (PairTest t : s.pairTests()) {
      g.writeStartObject();
      g.writeStringField("first", t.first());
      g.writeStringField("second", t.second());
      numberField(g, "p_value", t.pValue());
      g.writeBooleanField("significant", t.significant());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("ranking");
    for (Ranking.Entry e : s.ranking().entries()) {
      g.writeStartObject();
      g.writeNumberField("rank", e.rank());
      g.writeStringField("profile", e.profile());
      numberField(g, "mean", e.mean());
      numberField(g, "p_to_next", e.pToNext());
      g.writeBooleanField("significantly_better_than_next", e.significantlyBetterThanNext());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void numberField(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    number(g, v);
  }

  private static void number(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(number(v));
    } else {
      g.writeNull();
    }
  }

  /**
   * A finite double as the shortest decimal that reads back as the same double, in plain notation
   * without trailing zeros: 3.0 → "3", 1.0E-5 → "0.00001", 0.1 + 0.2 → "0.30000000000000004".
   */
  public static String number(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("number: " + v + " is not finite");
    }
    if (v == 0) {
      return "0"; // also for -0.0, which would otherwise print as "0" or "-0" by path
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String csvNumber(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Inf" : "-Inf";
    }
    return number(v);
  }

  /** The value at or below which p % of the sorted values lie (nearest rank); NaN when empty. */
  static double nearestRank(double[] sorted, int percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    // Integer ceiling: 0.9 * 10 in doubles is 9.000000000000002, whose ceiling is 10.
    int rank = (int) ((percent * (long) sorted.length + 99) / 100);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** Quotes a field that holds a comma, quote or line break (RFC 4180). */
  static String csv(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + field.replace("\"", "\"\"") + '"';
      }
    }
    return field;
  }

  private static List<Metric> sortedByName(List<Metric> metrics) {
    Metric[] a = metrics.toArray(new Metric[0]);
    Arrays.sort(a, (x, y) -> x.name().compareTo(y.name()));
    return List.of(a);
  }
}
