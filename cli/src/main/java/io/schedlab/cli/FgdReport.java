package io.schedlab.cli;

import io.schedlab.plugins.gpushare.DiscreteSeries;
import io.schedlab.plugins.gpushare.EventSeries;
import io.schedlab.plugins.gpushare.FgdProtocol;
import io.schedlab.plugins.gpushare.GpuPod;
import io.schedlab.plugins.gpushare.GpuPolicy;
import io.schedlab.reports.ComparisonReport;
import io.schedlab.reports.RunResult;
import io.schedlab.reports.stats.Aggregation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The results of an FGD experiment: the artifact's three discrete tables, a summary per run,
 * optionally every run's per-pod series, compare's report over the runs (in {@code report/}),
 * and the table of seed means. Files appear only once all
 * are written (they are written into a hidden sibling directory, then moved), so a failed run
 * leaves no partial report.
 */
final class FgdReport {
  static final String ALLOCATION = "analysis_allo_discrete.csv";
  static final String FRAG_AMOUNT = "analysis_frag_discrete.csv";
  static final String FRAG_RATIO = "analysis_frag_ratio_discrete.csv";
  static final String SUMMARY = "summary.csv";
  /** compare's report over the runs: summary.csv/json, series/, charts/, report.html. */
  static final String REPORT_DIR = "report";

  /** One run, binned. */
  record Row(GpuPolicy policy, long seed, int pods, int failed, long failedGpuMilli,
      long totalGpuMilli, double[] allocation, double[] fragAmount, double[] fragRatio,
      FgdProtocol.Run run) {
    static Row of(GpuPolicy policy, long seed, FgdProtocol.Run run) {
      EventSeries s = run.series();
      long failedMilli = 0;
      for (int i = 0; i < s.size(); i++) {
        if (s.node(i) < 0) {
          failedMilli += run.pods().get(i).demand().totalGpuMilli();
        }
      }
      int failed = s.size() == 0 ? 0 : s.failed(s.size() - 1);
      return new Row(policy, seed, s.size(), failed, failedMilli, s.totalGpuMilli(),
          DiscreteSeries.allocation(s), DiscreteSeries.fragAmount(s), DiscreteSeries.fragRatio(s),
          run);
    }
  }

  private final String workload;
  private final double tune;
  private final List<Row> rows;

  FgdReport(String workload, double tune, List<Row> rows) {
    this.workload = workload;
    this.tune = tune;
    this.rows = rows;
  }

  void write(Path out, boolean withEvents) {
    OutputDir.write("--out", out, tmp -> {
      table(tmp.resolve(ALLOCATION), true, Row::allocation);
      table(tmp.resolve(FRAG_AMOUNT), false, Row::fragAmount);
      table(tmp.resolve(FRAG_RATIO), false, Row::fragRatio);
      summary(tmp.resolve(SUMMARY));
      if (withEvents) {
        Files.createDirectories(tmp.resolve("events"));
        for (Row r : rows) {
          events(tmp.resolve("events").resolve(r.policy().id() + "_" + r.seed() + ".csv"), r);
        }
      }
      comparison(Files.createDirectory(tmp.resolve(REPORT_DIR)));
    });
  }

  /** compare's statistics and HTML report over the runs, profile = policy. */
  private void comparison(Path dir) {
    List<RunResult> results = new ArrayList<>(rows.size());
    Set<String> policyNames = new LinkedHashSet<>();
    Set<Long> seedSet = new TreeSet<>();
    for (Row r : rows) {
      results.add(FgdRunMetrics.of(r));
      policyNames.add(r.policy().id());
      seedSet.add(r.seed());
    }
    Aggregation aggregation = Aggregation.of(results, FgdRunMetrics.DEFINITIONS);
    List<String> seedNames = new ArrayList<>();
    for (long s : seedSet) {
      seedNames.add(Long.toString(s));
    }
    String description = String.format(Locale.ROOT, "Workload %s tuned to %s x the cluster's"
            + " GPUs; policies %s; seeds %s; %s. Allocation and fragmentation are the artifact's"
            + " binned figures at arrived GPU = 100 %% and 130 %% of capacity.", workload, tune,
        String.join(", ", policyNames), String.join(", ", seedNames),
        aggregation.method().label());
    ComparisonReport.write(dir, "FGD experiment: " + workload + ", tune " + tune, description,
        results, aggregation, FgdRunMetrics.KEY_METRICS, FgdRunMetrics.LINE_CHARTS);
  }

  private interface Column {
    double[] of(Row r);
  }

  private void table(Path file, boolean withTotal, Column column) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("workload,sc_policy,tune,seed");
      if (withTotal) {
        w.write(",total_gpus");
      }
      for (int b = 0; b < DiscreteSeries.BINS; b++) {
        w.write("," + b);
      }
      w.write('\n');
      for (Row r : rows) {
        w.write(workload + "," + r.policy().id() + "," + tune + "," + r.seed());
        if (withTotal) {
          w.write("," + r.totalGpuMilli() / 1000);
        }
        for (double v : column.of(r)) {
          w.write(',');
          if (!Double.isNaN(v)) {
            w.write(Double.toString(v));
          }
        }
        w.write('\n');
      }
    }
  }

  private void summary(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("workload,sc_policy,tune,seed,pods,scheduled,failed,failed_gpu_milli,"
          + "gpu_alloc_at_100,gpu_alloc_at_130,frag_amount_at_130,frag_ratio_at_130\n");
      for (Row r : rows) {
        w.write(String.join(",", workload, r.policy().id(), Double.toString(tune),
            Long.toString(r.seed()), Integer.toString(r.pods()),
            Integer.toString(r.pods() - r.failed()), Integer.toString(r.failed()),
            Long.toString(r.failedGpuMilli()), cell(r.allocation()[100]),
            cell(r.allocation()[130]), cell(r.fragAmount()[130]), cell(r.fragRatio()[130])));
        w.write('\n');
      }
    }
  }

  private static void events(Path file, Row r) throws IOException {
    EventSeries s = r.run().series();
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("event,pod,node,arrived_gpu_milli,used_gpu_milli,frag_gpu_milli,frag_ratio,failed\n");
      for (int i = 0; i < s.size(); i++) {
        GpuPod pod = r.run().pods().get(i);
        String node = s.node(i) < 0 ? "" : r.run().nodes().get(s.node(i)).name();
        w.write(i + "," + pod.name() + "," + node + "," + s.arrivedMilli(i) + ","
            + s.usedMilli(i) + "," + String.format(Locale.ROOT, "%.2f", s.fragMilli(i)) + ","
            + String.format(Locale.ROOT, "%.4f", s.fragRatioPercent(i)) + "," + s.failed(i)
            + "\n");
      }
    }
  }

  private static String cell(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** Prints the seed means per policy, beside the artifact's where it has the workload. */
  void printMeans(PrintWriter out, FgdExpected published) {
    Map<GpuPolicy, List<Row>> byPolicy = new LinkedHashMap<>();
    for (Row r : rows) {
      byPolicy.computeIfAbsent(r.policy(), k -> new ArrayList<>()).add(r);
    }
    boolean compare = false;
    for (GpuPolicy p : byPolicy.keySet()) {
      compare |= published.has(p.id());
    }
    out.printf(Locale.ROOT, "workload %s, tune %s: seed means (GPU allocation and fragmented GPU"
        + " as %% of cluster GPUs, at arrived GPU = 100 %% and 130 %%)%n", workload, tune);
    String head = String.format(Locale.ROOT, "%-14s %5s %9s %9s %9s %8s", "policy", "seeds",
        "alloc@100", "alloc@130", "frag@130", "failed");
    if (compare) {
      head += String.format(Locale.ROOT, " | %13s %7s %12s %7s", "artifact@130", "delta",
          "art.frag@130", "delta");
    }
    out.println(head);
    List<Map.Entry<GpuPolicy, Double>> ours = new ArrayList<>();
    List<Map.Entry<GpuPolicy, Double>> theirs = new ArrayList<>();
    for (Map.Entry<GpuPolicy, List<Row>> e : byPolicy.entrySet()) {
      List<Row> rs = e.getValue();
      double a100 = mean(rs, r -> r.allocation()[100]);
      double a130 = mean(rs, r -> r.allocation()[130]);
      double f130 = mean(rs, r -> r.fragAmount()[130]);
      double failed = mean(rs, r -> r.failed());
      ours.add(Map.entry(e.getKey(), a130));
      String line = String.format(Locale.ROOT, "%-14s %5d %9.2f %9.2f %9.2f %8.1f",
          e.getKey().shortName(), rs.size(), a100, a130, f130, failed);
      String id = e.getKey().id();
      if (compare && published.has(id)) {
        double pa = published.allocationMean(id, 130);
        double pf = published.fragAmountMean(id, 130);
        theirs.add(Map.entry(e.getKey(), pa));
        line += String.format(Locale.ROOT, " | %13.2f %+7.2f %12.2f %+7.2f", pa, a130 - pa, pf,
            f130 - pf);
      }
      out.println(line);
    }
    if (ours.size() > 1) {
      out.println("ranking by allocation at 130 %: " + ranking(ours));
      if (theirs.size() == ours.size()) {
        String art = ranking(theirs);
        out.println("artifact's ranking:             " + art
            + (art.equals(ranking(ours)) ? "  (same order)" : "  (DIFFERENT order)"));
      }
    }
  }

  private interface Metric {
    double of(Row r);
  }

  private static double mean(List<Row> rs, Metric m) {
    double s = 0;
    for (Row r : rs) {
      s += m.of(r);
    }
    return s / rs.size();
  }

  private static String ranking(List<Map.Entry<GpuPolicy, Double>> scores) {
    List<Map.Entry<GpuPolicy, Double>> sorted = new ArrayList<>(scores);
    sorted.sort(Map.Entry.<GpuPolicy, Double>comparingByValue(Comparator.reverseOrder()));
    List<String> names = new ArrayList<>();
    for (Map.Entry<GpuPolicy, Double> e : sorted) {
      names.add(e.getKey().shortName());
    }
    return String.join(" > ", names);
  }

}
