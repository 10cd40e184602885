package io.schedlab.cli;

import io.schedlab.plugins.gpushare.DiscreteSeries;
import io.schedlab.reports.ComparisonReport;
import io.schedlab.reports.Metric;
import io.schedlab.reports.RunResult;
import io.schedlab.reports.Series;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One FGD run (a policy with a seed) as the {@link RunResult} compare's report aggregates: the
 * figures of the artifact-layout summary.csv as metrics, taken from the same binned row so both
 * files agree, and the binned allocation and fragmentation as series over the arrived workload.
 * The run's wall time is left out: the report's summary must not vary between runs.
 */
final class FgdRunMetrics {
  static final String ALLOCATION_SERIES = "gpu_allocation_pct";
  static final String FRAG_SERIES = "gpu_frag_pct";

  private static final Metric.Direction HIGHER = Metric.Direction.HIGHER_IS_BETTER;
  private static final Metric.Direction LOWER = Metric.Direction.LOWER_IS_BETTER;

  /** Every metric a run reports, in report order. */
  static final List<Metric> DEFINITIONS = List.of(
      new Metric("gpu_allocation_at_130_pct", "%", HIGHER,
          "GPUs allocated, as % of the cluster's, when the arrived GPU requests reach 130 %"),
      new Metric("gpu_allocation_at_100_pct", "%", HIGHER,
          "GPUs allocated, as % of the cluster's, when the arrived GPU requests reach 100 %"),
      new Metric("gpu_frag_at_130_pct", "%", LOWER,
          "fragmented GPU (idle GPU the typical pods cannot use), as % of the cluster's GPUs,"
              + " at 130 % arrived"),
      new Metric("gpu_frag_at_100_pct", "%", LOWER,
          "fragmented GPU, as % of the cluster's GPUs, at 100 % arrived"),
      new Metric("gpu_frag_ratio_at_130_pct", "%", LOWER,
          "fragmented GPU as % of the idle GPU, at 130 % arrived"),
      new Metric("pods_scheduled", "pods", HIGHER, "pods placed on a node"),
      new Metric("pods_unschedulable", "pods", LOWER, "pods no node could take"),
      new Metric("failed_gpu_milli", "milli-GPU", LOWER,
          "GPU requested by the pods no node could take"));

  /** The metrics the ranking table shows beside the overall rank. */
  static final List<String> KEY_METRICS = List.of("gpu_allocation_at_130_pct",
      "gpu_frag_at_130_pct", "pods_unschedulable");

  static final String ARRIVED = "arrived workload, % of GPU capacity";

  /** The report's line charts: the binned curves the artifact plots. */
  static final List<ComparisonReport.LineChart> LINE_CHARTS = List.of(
      new ComparisonReport.LineChart(ALLOCATION_SERIES, "GPU allocation by arrived workload",
          ARRIVED, "% of GPU capacity"),
      new ComparisonReport.LineChart(FRAG_SERIES, "Fragmented GPU by arrived workload",
          ARRIVED, "% of GPU capacity"));

  private FgdRunMetrics() {}

  /**
   * The run's result, profile = the policy's id. A figure whose bin is empty (the workload never
   * arrived that far, e.g. with a small --tune) is left out rather than given a made-up value;
   * the artifact-layout summary leaves that cell empty.
   */
  static RunResult of(FgdReport.Row row) {
    Map<String, Double> metrics = new HashMap<>();
    put(metrics, "gpu_allocation_at_100_pct", row.allocation()[100]);
    put(metrics, "gpu_allocation_at_130_pct", row.allocation()[130]);
    put(metrics, "gpu_frag_at_100_pct", row.fragAmount()[100]);
    put(metrics, "gpu_frag_at_130_pct", row.fragAmount()[130]);
    put(metrics, "gpu_frag_ratio_at_130_pct", row.fragRatio()[130]);
    metrics.put("pods_scheduled", (double) (row.pods() - row.failed()));
    metrics.put("pods_unschedulable", (double) row.failed());
    metrics.put("failed_gpu_milli", (double) row.failedGpuMilli());
    return new RunResult(row.policy().id(), row.seed(), metrics,
        Map.of(ALLOCATION_SERIES, binned(ALLOCATION_SERIES, row.allocation()),
            FRAG_SERIES, binned(FRAG_SERIES, row.fragAmount())),
        Map.of(), Map.of());
  }

  private static void put(Map<String, Double> metrics, String name, double v) {
    if (!Double.isNaN(v)) {
      metrics.put(name, v);
    }
  }

  /** The filled bins, x = the bin (arrived GPU, % of capacity). */
  private static Series binned(String name, double[] bins) {
    int n = 0;
    for (double v : bins) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    double[] x = new double[n];
    double[] y = new double[n];
    int k = 0;
    for (int b = 0; b < DiscreteSeries.BINS; b++) {
      if (!Double.isNaN(bins[b])) {
        x[k] = b;
        y[k++] = bins[b];
      }
    }
    return new Series(name, "%", x, y);
  }
}
