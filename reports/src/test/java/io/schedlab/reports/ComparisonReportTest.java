package io.schedlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.reports.html.HeadlessBrowser;
import io.schedlab.reports.stats.Aggregation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole comparison report from fixed runs: its files, its determinism, its rendering. */
class ComparisonReportTest {
  static final List<Metric> METRICS = List.of(
      new Metric("pods_scheduled", "pods", Metric.Direction.HIGHER_IS_BETTER, "pods bound"),
      new Metric("queueing_delay_p50_s", "s", Metric.Direction.LOWER_IS_BETTER, "median delay"));

  static List<RunResult> runs() {
    List<RunResult> out = new ArrayList<>();
    String[] profiles = {"spread", "pack"};
    for (int p = 0; p < 2; p++) {
      for (long seed = 1; seed <= 3; seed++) {
        double[] t = {0, 10, 20, 30};
        double[] alloc = {0, 20 + 10 * p + seed, 40 + 10 * p, 50 + 10 * p};
        double[] pending = {0, 5 - p, 2, 0};
        double[] delays = new double[20];
        for (int i = 0; i < delays.length; i++) {
          delays[i] = (i * 0.37 + seed + p * 2) % 7;
        }
        out.add(new RunResult(profiles[p], seed,
            Map.of("pods_scheduled", 90.0 + 3 * p + seed, "queueing_delay_p50_s", 2.0 + p + seed / 10.0),
            Map.of("allocation_cpu", new Series("allocation_cpu", "%", t, alloc),
                "pending_pods", new Series("pending_pods", "pods", t, pending)),
            Map.of("queueing_delay_s", delays),
            Map.of("filter/NodeResourcesFit", new double[] {1200, 1500, 900},
                "SchedulingAttempt/scheduled", new double[] {40_000 + 1000 * seed, 50_000})));
      }
    }
    return out;
  }

  @Test
  void writesTablesSeriesChartsAndReportTheSameEveryTime(@TempDir Path dir) throws Exception {
    List<RunResult> runs = runs();
    Aggregation a = Aggregation.of(runs, METRICS);
    Path one = Files.createDirectory(dir.resolve("one"));
    Path two = Files.createDirectory(dir.resolve("two"));
    ComparisonReport.write(one, "t", "d", runs, a, List.of("pods_scheduled"));
    ComparisonReport.write(two, "t", "d", runs, a, List.of("pods_scheduled"));
    for (String f : List.of("summary.csv", "summary.json", "report.html",
        "series/pack-2.csv")) {
      assertThat(Files.readString(one.resolve(f))).as(f).isEqualTo(Files.readString(two.resolve(f)));
    }
    assertThat(Files.readAllLines(one.resolve("summary.csv"))).hasSize(1 + 2 * 3 * 2);
    assertThat(one.resolve("latency.csv")).exists();
    assertThat(Files.readAllLines(one.resolve("throughput.csv"))).hasSize(1 + 2 * 3)
        .contains("pack,1,2,2,0.000091,21978.021978021978");
    // Time series (2), queueing delay CDF and box plot, plugin latency, throughput.
    try (var charts = Files.list(one.resolve("charts"))) {
      assertThat(charts.count()).isEqualTo(6);
    }
    String html = Files.readString(one.resolve("report.html"));
    assertThat(html.indexOf("id=\"ranking\"")).isLessThan(html.indexOf("<img"));
    assertThat(ComparisonReport.rankingLines(a).get(0)).contains("1.").contains("pack");

    if (HeadlessBrowser.available()) {
      HeadlessBrowser.Check c = HeadlessBrowser.check(one.resolve("report.html"),
          Files.createDirectory(dir.resolve("chromium")));
      assertThat(c.allImagesLoaded()).as(c.toString()).isTrue();
      assertThat(c.total()).isEqualTo(6);
      assertThat(c.rankingTable()).isTrue();
    }
  }

  @Test
  void drawsTheLineChartsItIsGivenInsteadOfComparesTimeSeries(@TempDir Path dir)
      throws Exception {
    List<RunResult> runs = runs();
    Aggregation a = Aggregation.of(runs, METRICS);
    Path given = Files.createDirectory(dir.resolve("given"));
    ComparisonReport.write(given, "t", "d", runs, a, List.of("pods_scheduled"), List.of(
        new ComparisonReport.LineChart("pending_pods", "Pending pods by load",
            "arrived load (%)", "pods"),
        new ComparisonReport.LineChart("no_such_series", "Never drawn", "x", "y")));
    try (var charts = Files.list(given.resolve("charts"))) {
      // One line chart (the missing series is left out), the delay CDF and box plot, latency,
      // throughput.
      assertThat(charts.count()).isEqualTo(5);
    }
    String html = Files.readString(given.resolve("report.html"));
    assertThat(html).contains("Pending pods by load").doesNotContain("Never drawn")
        .doesNotContain("CPU allocation over time");
  }
}
