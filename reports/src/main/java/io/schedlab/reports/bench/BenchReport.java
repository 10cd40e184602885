package io.schedlab.reports.bench;

import io.schedlab.reports.Metric;
import io.schedlab.reports.chart.Charts;
import io.schedlab.reports.html.HtmlReport;
import io.schedlab.reports.html.ReportModel;
import io.schedlab.reports.stats.TidyTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JMH results as a report: {@code bench.csv} (one row per benchmark, with the baseline and the
 * verdict when there is one) and {@code report.html} (a table per benchmark, and per score unit a
 * chart of the scores with their error bars, baseline beside current).
 */
public final class BenchReport {
  public static final String CSV = "bench.csv";

  private BenchReport() {}

  public static void write(Path dir, List<JmhResult> results, List<JmhResult> baseline) {
    List<BenchComparison.Row> rows = BenchComparison.compare(results,
        baseline == null ? List.of() : baseline);
    try {
      Files.writeString(dir.resolve(CSV), csv(rows));
      HtmlReport.write(model(rows, baseline != null), dir.resolve("report.html"));
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot write: " + e.getMessage(), e);
    }
  }

  static String csv(List<BenchComparison.Row> rows) {
    StringBuilder sb = new StringBuilder(
        "benchmark,mode,score,error,unit,baseline_score,baseline_error,change_pct,verdict\n");
    for (BenchComparison.Row r : rows) {
      JmhResult c = r.result();
      JmhResult b = r.baseline();
      sb.append(quote(c.key())).append(',').append(c.mode()).append(',')
          .append(num(c.score())).append(',').append(num(c.error()))
          .append(',').append(quote(c.unit())).append(',')
          .append(b == null ? "" : num(b.score())).append(',')
          .append(b == null ? "" : num(b.error())).append(',')
          .append(Double.isNaN(r.changePercent()) ? "" : num(r.changePercent()))
          .append(',').append(r.verdict()).append('\n');
    }
    return sb.toString();
  }

  static ReportModel model(List<BenchComparison.Row> rows, boolean withBaseline) {
    List<String> summary = new ArrayList<>();
    summary.add(rows.size() + " benchmarks; scores are JMH's, errors its 99.9 % half-widths.");
    if (withBaseline) {
      List<String> regressions = new ArrayList<>();
      for (BenchComparison.Row r : rows) {
        if (r.verdict() == BenchComparison.Verdict.REGRESSION) {
          regressions.add(r.result().key() + String.format(java.util.Locale.ROOT, " (%+.1f %%)",
              r.changePercent()));
        }
      }
      summary.add(regressions.isEmpty() ? "No regression beyond the errors."
          : "Regressions beyond the errors: " + String.join("; ", regressions) + ".");
    }
    List<ReportModel.MetricTable> tables = new ArrayList<>();
    Map<String, Map<String, Map<String, double[]>>> byUnit = new TreeMap<>();
    for (BenchComparison.Row r : rows) {
      JmhResult c = r.result();
      Metric m = new Metric(c.key(), c.unit(), c.higherIsBetter() ? Metric.Direction.HIGHER_IS_BETTER
          : Metric.Direction.LOWER_IS_BETTER, "JMH " + c.mode() + ", " + r.verdict());
      List<ReportModel.MetricRow> mr = new ArrayList<>();
      mr.add(row("current", c));
      if (r.baseline() != null) {
        mr.add(row("baseline", r.baseline()));
      }
      tables.add(new ReportModel.MetricTable(m, "JMH 99.9 % error; verdict " + r.verdict(), mr,
          List.of()));
      Map<String, Map<String, double[]>> groups = byUnit.computeIfAbsent(c.unit(),
          k -> new TreeMap<>());
      groups.computeIfAbsent("current", k -> new TreeMap<>())
          .put(c.key(), new double[] {c.score(), c.error()});
      if (r.baseline() != null) {
        groups.computeIfAbsent("baseline", k -> new TreeMap<>())
            .put(c.key(), new double[] {r.baseline().score(), r.baseline().error()});
      }
    }
    List<ReportModel.Chart> charts = new ArrayList<>();
    for (Map.Entry<String, Map<String, Map<String, double[]>>> e : byUnit.entrySet()) {
      charts.add(new ReportModel.Chart("Scores in " + e.getKey() + " with error bars",
          Charts.barsWithErrors("Benchmarks (" + e.getKey() + ")", e.getKey(), e.getValue())));
    }
    return new ReportModel("schedlab benchmarks", "JMH results" + (withBaseline
        ? " against a baseline." : "."), summary, List.of(), List.of(), tables, charts);
  }

  private static ReportModel.MetricRow row(String name, JmhResult r) {
    double err = Double.isNaN(r.error()) ? 0 : r.error();
    return new ReportModel.MetricRow(name, 1, r.score(), Double.NaN, r.score() - err,
        r.score() + err);
  }

  /** A CSV number; empty for NaN (a single-shot run has no error). */
  private static String num(double v) {
    return Double.isFinite(v) ? TidyTables.number(v) : "";
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
