package io.schedlab.reports.html;

import io.schedlab.reports.Metric;
import io.schedlab.reports.Metric.Direction;
import io.schedlab.reports.Series;
import io.schedlab.reports.chart.Charts;
import io.schedlab.reports.html.ReportModel.Chart;
import io.schedlab.reports.html.ReportModel.Comparison;
import io.schedlab.reports.html.ReportModel.MetricRow;
import io.schedlab.reports.html.ReportModel.MetricTable;
import io.schedlab.reports.html.ReportModel.RankingRow;
import java.util.List;
import java.util.Map;

/** A small report of two profiles with two charts, as compare would build it. */
final class DemoReport {
  private DemoReport() {}

  static ReportModel model() {
    Metric delay = new Metric("queueing_delay_p50_s", "s", Direction.LOWER_IS_BETTER,
        "Median time from creation to binding");
    Metric allocation = new Metric("cpu_allocation_mean", "%", Direction.HIGHER_IS_BETTER,
        "Mean share of allocatable CPU requested by bound pods");
    byte[] pending = Charts.timeSeries("Pending pods", "pods", Map.of(
        "binpack", List.of(new Series("pending", "pods", new double[] {0, 10, 20},
            new double[] {8, 4, 1})),
        "spread", List.of(new Series("pending", "pods", new double[] {0, 10, 20},
            new double[] {8, 5, 2}))));
    byte[] cdf = Charts.cdf("Queueing delay", "delay (s)", Map.of(
        "binpack", new double[] {0.5, 1, 1.5, 4}, "spread", new double[] {0.7, 1.2, 2, 6}));
    return new ReportModel("binpack vs spread <demo>",
        "Two profiles, five seeds each, on the 100-node trace.\n\nScores weigh each metric by "
            + "its rank; lower delay & higher allocation are better.",
        List.of("binpack ranks first on 2 of 2 metrics."),
        List.of("queueing_delay_p50_s (s)", "cpu_allocation_mean (%)"),
        List.of(new RankingRow(1, "binpack", 0.8125, List.of(1.02, 81.4)),
            new RankingRow(2, "spread", 0.1875, List.of(1.41, 73.25))),
        List.of(
            new MetricTable(delay, "Welch t-test, two-sided, α = 0.05",
                List.of(new MetricRow("binpack", 5, 1.02, 0.1104, 0.8829, 1.157),
                    new MetricRow("spread", 5, 1.41, 0.2, 1.162, 1.658)),
                List.of(new Comparison("binpack", "spread", 0.0042, true))),
            new MetricTable(allocation, "Welch t-test, two-sided, α = 0.05",
                List.of(new MetricRow("binpack", 5, 81.4, 2.5, 78.3, 84.5),
                    new MetricRow("spread", 5, 73.25, 3, 69.53, 76.97)),
                List.of(new Comparison("binpack", "spread", 0.0007, true)))),
        List.of(new Chart("Pending pods over virtual time, mean of seeds", pending),
            new Chart("CDF of queueing delay, all pods of all seeds", cdf)));
  }
}
