package io.schedlab.reports.stats;

import io.schedlab.reports.Metric;
import io.schedlab.reports.Metric.Direction;
import io.schedlab.reports.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small compare results: two or three profiles, three seeds, two metrics. */
final class Fixtures {
  static final Metric DELAY =
      new Metric("queueing_delay_mean_s", "s", Direction.LOWER_IS_BETTER, "mean queueing delay");
  static final Metric SCHEDULED =
      new Metric("pods_scheduled", "pods", Direction.HIGHER_IS_BETTER, "pods scheduled");
  static final List<Metric> METRICS = List.of(DELAY, SCHEDULED);

  private Fixtures() {}

  static RunResult run(String profile, long seed, double delay, double scheduled) {
    return new RunResult(profile, seed,
        Map.of(DELAY.name(), delay, SCHEDULED.name(), scheduled), Map.of(), Map.of(), Map.of());
  }

  static RunResult run(String profile, long seed, Map<String, Double> metrics,
      Map<String, double[]> latencies) {
    return new RunResult(profile, seed, metrics, Map.of(), Map.of(), latencies);
  }

  /** default: slower, schedules fewer; most-allocated: faster, more; tied: as default. */
  static List<RunResult> runs() {
    List<RunResult> runs = new ArrayList<>();
    runs.add(run("most-allocated", 2, 1.25, 100));
    runs.add(run("default", 1, 2.5, 97));
    runs.add(run("most-allocated", 1, 1.5, 99));
    runs.add(run("default", 3, 2.75, 96));
    runs.add(run("default", 2, 3.0, 98));
    runs.add(run("most-allocated", 3, 1.0, 101));
    return runs;
  }
}
