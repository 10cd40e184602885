package io.schedlab.cli;

import io.schedlab.reports.RunMetrics;
import io.schedlab.reports.RunResult;
import io.schedlab.reports.stats.TidyTables;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code --metrics-out DIR} of a single run ({@code schedule}, {@code simulate}): the files
 * compare writes for each of its runs ({@code summary.csv}, {@code latency.csv}, {@code
 * throughput.csv}, {@code series.csv}), written atomically, and the headline figures on stdout.
 */
final class RunMetricsOut {
  static final List<String> HEADLINE = List.of("pods_scheduled", "pods_unschedulable",
      "queueing_delay_mean_s", "evictions", "cpu_allocation_mean_pct");

  private RunMetricsOut() {}

  static void write(Path dir, RunResult run, PrintWriter out) {
    List<RunResult> runs = List.of(run);
    OutputDir.write("--metrics-out", dir, d -> {
      Files.writeString(d.resolve("summary.csv"),
          TidyTables.summaryCsv(runs, RunMetrics.definitionsFor(runs)));
      TidyTables.writeLatency(d, runs);
      Files.writeString(d.resolve("series.csv"), TidyTables.seriesCsv(run));
    });
    for (String key : HEADLINE) {
      Double v = run.metrics().get(key);
      if (v != null) {
        out.printf(Locale.ROOT, "  %-24s %s%n", key, TidyTables.number(v));
      }
    }
    io.schedlab.reports.Throughput t = io.schedlab.reports.Throughput.of(run);
    if (t != null && !Double.isNaN(t.podsPerSecond())) {
      out.printf(Locale.ROOT, "  %-24s %.0f pods/s of scheduling-cycle wall time%n",
          "throughput", t.podsPerSecond());
    }
    out.println("metrics written to " + dir);
  }
}
