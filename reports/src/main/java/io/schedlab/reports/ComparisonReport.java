package io.schedlab.reports;

import io.schedlab.reports.chart.Charts;
import io.schedlab.reports.html.HtmlReport;
import io.schedlab.reports.html.ReportModel;
import io.schedlab.reports.stats.Aggregation;
import io.schedlab.reports.stats.PairTest;
import io.schedlab.reports.stats.Ranking;
import io.schedlab.reports.stats.Summary;
import io.schedlab.reports.stats.TidyTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a comparison writes into its directory: {@code summary.csv} and {@code
 * summary.json} (tidy, one row per profile × seed × metric), {@code latency.csv} (wall-clock,
 * apart since it varies), every run's series under {@code series/}, the charts under {@code
 * charts/} and the self-contained {@code report.html} (summary and ranking first, then tables,
 * then charts).
 */
public final class ComparisonReport {
  /**
   * A line chart of one series, drawn when the runs have it: per profile the mean over its seeds
   * and each seed.
   *
   * @param series the {@link RunResult#series()} key
   * @param xLabel what the series' {@code t} measures
   */
  public record LineChart(String series, String title, String xLabel, String yLabel) {}

  /** compare's line charts: series over virtual time. */
  public static final List<LineChart> TIME_SERIES = List.of(
      new LineChart("allocation_cpu", "CPU allocation over time", "time (s)", "% of allocatable"),
      new LineChart("allocation_memory", "Memory allocation over time", "time (s)",
          "% of allocatable"),
      new LineChart("pending_pods", "Pending pods over time", "time (s)", "pods"));

  /** The sample distributions drawn, when the runs have them, after the line charts. */
  static final List<String[]> DISTRIBUTIONS = List.of(
      new String[] {"queueing_delay_s", "Queueing delay (CDF)", "seconds"},
      new String[] {"jct_s", "Job completion time (CDF)", "seconds"});

  private ComparisonReport() {}

  /** The aggregation's overall ranking as text lines, for the terminal. */
  public static List<String> rankingLines(Aggregation a) {
    List<String> out = new ArrayList<>();
    for (Ranking.OverallEntry e : a.overall()) {
      out.add(String.format(java.util.Locale.ROOT, "%2d. %-24s mean rank %.2f over %d metrics",
          e.rank(), e.profile(), e.meanRank(), e.metrics()));
    }
    return out;
  }

  /**
   * Writes the report into {@code dir} (which must exist and be empty), with compare's line
   * charts, {@link #TIME_SERIES}.
   *
   * @param keyMetrics metric names shown in the ranking table
   */
  public static void write(Path dir, String title, String description, List<RunResult> runs,
      Aggregation aggregation, List<String> keyMetrics) {
    write(dir, title, description, runs, aggregation, keyMetrics, TIME_SERIES);
  }

  /**
   * Writes the report into {@code dir} (which must exist and be empty), with the given line
   * charts in their order (those no run has a series for are left out).
   *
   * @param keyMetrics metric names shown in the ranking table
   */
  public static void write(Path dir, String title, String description, List<RunResult> runs,
      Aggregation aggregation, List<String> keyMetrics, List<LineChart> lineCharts) {
    try {
      TidyTables.writeSummary(dir, runs, aggregation);
      TidyTables.writeLatency(dir, runs);
      writeSeries(dir.resolve("series"), runs);
      List<ReportModel.Chart> charts = charts(runs, lineCharts);
      Path chartDir = dir.resolve("charts");
      Files.createDirectories(chartDir);
      for (int i = 0; i < charts.size(); i++) {
        Files.write(chartDir.resolve(String.format(java.util.Locale.ROOT, "%02d.png", i + 1)),
            charts.get(i).png());
      }
      HtmlReport.write(model(title, description, aggregation, keyMetrics, charts),
          dir.resolve("report.html"));
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot write the report: " + e.getMessage(), e);
    }
  }

  static ReportModel model(String title, String description, Aggregation a,
      List<String> keyMetrics, List<ReportModel.Chart> charts) {
    List<String> keys = new ArrayList<>();
    for (String k : keyMetrics) {
      if (a.byMetric().containsKey(k)) {
        keys.add(k);
      }
    }
    List<ReportModel.RankingRow> ranking = new ArrayList<>();
    for (Ranking.OverallEntry e : a.overall()) {
      List<Double> values = new ArrayList<>();
      for (String k : keys) {
        Summary s = a.stats(k).summaries().get(e.profile());
        values.add(s == null ? Double.NaN : s.mean());
      }
      ranking.add(new ReportModel.RankingRow(e.rank(), e.profile(), e.meanRank(), values));
    }
    List<ReportModel.MetricTable> tables = new ArrayList<>();
    for (Metric m : a.metrics()) {
      Aggregation.MetricStats st = a.stats(m.name());
      List<ReportModel.MetricRow> rows = new ArrayList<>();
      for (Ranking.Entry e : st.ranking().entries()) {
        Summary s = st.summaries().get(e.profile());
        rows.add(new ReportModel.MetricRow(e.profile(), s.n(), s.mean(), s.sd(), s.ciLow(),
            s.ciHigh()));
      }
      List<ReportModel.Comparison> comparisons = new ArrayList<>();
      for (PairTest t : st.pairTests()) {
        comparisons.add(new ReportModel.Comparison(t.first(), t.second(), t.pValue(),
            t.significant()));
      }
      tables.add(new ReportModel.MetricTable(m, a.method().label(), rows, comparisons));
    }
    List<String> summary = new ArrayList<>();
    summary.add(a.profiles().size() + " profiles; " + a.metrics().size() + " metrics; pairwise "
        + a.method().label() + ", significance at p < " + PairTest.ALPHA + ".");
    if (!a.overall().isEmpty()) {
      summary.add("Best overall: " + a.overall().get(0).profile() + " (lowest mean rank over"
          + " the metrics).");
    }
    return new ReportModel(title, description, summary, keys, ranking, tables, charts);
  }

  static List<ReportModel.Chart> charts(List<RunResult> runs, List<LineChart> lineCharts) {
    List<ReportModel.Chart> out = new ArrayList<>();
    for (LineChart lc : lineCharts) {
      Map<String, List<Series>> byProfile = new TreeMap<>();
      for (RunResult r : runs) {
        Series s = r.series().get(lc.series());
        if (s != null && s.size() > 0) {
          byProfile.computeIfAbsent(r.profile(), k -> new ArrayList<>()).add(s);
        }
      }
      if (!byProfile.isEmpty()) {
        out.add(new ReportModel.Chart(lc.title() + " (thick: mean over seeds)",
            Charts.lines(lc.title(), lc.xLabel(), lc.yLabel(), byProfile)));
      }
    }
    for (String[] d : DISTRIBUTIONS) {
      Map<String, double[]> byProfile = pooled(runs, d[0]);
      if (!byProfile.isEmpty()) {
        out.add(new ReportModel.Chart(d[1] + ", all seeds pooled",
            Charts.cdf(d[1], d[2], byProfile)));
        out.add(new ReportModel.Chart(d[1].replace(" (CDF)", "") + " per profile (box plot)",
            Charts.boxPlot(d[1].replace(" (CDF)", ""), d[2], byProfile)));
      }
    }
    Map<String, Double> latency = new TreeMap<>();
    for (RunResult r : runs) {
      for (Map.Entry<String, double[]> e : r.latencies().entrySet()) {
        double[] v = e.getValue();
        if (v.length > 0 && !Throughput.isAttemptLatency(e.getKey())) {
          double mean = 0;
          for (double x : v) {
            mean += x;
          }
          latency.merge(r.profile() + " " + e.getKey(), mean / v.length / 1000.0,
              (x, y) -> (x + y) / 2);
        }
      }
    }
    if (!latency.isEmpty()) {
      out.add(new ReportModel.Chart("Mean wall-clock latency per extension point and plugin"
          + " (µs, sampled attempts; varies between runs)",
          Charts.bars("Latency per plugin", "µs", latency)));
    }
    Map<String, Map<String, double[]>> throughput = throughputByProfile(runs);
    if (!throughput.isEmpty()) {
      out.add(new ReportModel.Chart("Scheduling throughput: pods placed per wall second of"
          + " scheduling cycles (mean ± sd over seeds; varies between runs)",
          Charts.barsWithErrors("Scheduling throughput", "pods/s", throughput)));
    }
    return out;
  }

  /** Per profile, the seeds' mean pods/s and its standard deviation, in one group. */
  private static Map<String, Map<String, double[]>> throughputByProfile(List<RunResult> runs) {
    Map<String, List<Double>> byProfile = new TreeMap<>();
    for (RunResult r : runs) {
      Throughput t = Throughput.of(r);
      if (t != null && !Double.isNaN(t.podsPerSecond())) {
        byProfile.computeIfAbsent(r.profile(), k -> new ArrayList<>()).add(t.podsPerSecond());
      }
    }
    Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
    byProfile.forEach((profile, values) -> {
      double[] v = new double[values.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = values.get(i);
      }
      Summary s = Summary.of(v);
      out.put(profile, Map.of("pods/s", new double[] {s.mean(), s.sd()}));
    });
    return out;
  }

  private static Map<String, double[]> pooled(List<RunResult> runs, String sample) {
    Map<String, List<double[]>> parts = new TreeMap<>();
    for (RunResult r : runs) {
      double[] s = r.samples().get(sample);
      if (s != null && s.length > 0) {
        parts.computeIfAbsent(r.profile(), k -> new ArrayList<>()).add(s);
      }
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    parts.forEach((p, list) -> {
      int n = 0;
      for (double[] s : list) {
        n += s.length;
      }
      double[] all = new double[n];
      int k = 0;
      for (double[] s : list) {
        System.arraycopy(s, 0, all, k, s.length);
        k += s.length;
      }
      out.put(p, all);
    });
    return out;
  }

  private static void writeSeries(Path dir, List<RunResult> runs) throws IOException {
    Files.createDirectories(dir);
    for (RunResult r : runs) {
      if (r.series().isEmpty()) {
        continue;
      }
      Files.writeString(dir.resolve(r.profile() + "-" + r.seed() + ".csv"),
          TidyTables.seriesCsv(r));
    }
  }
}
