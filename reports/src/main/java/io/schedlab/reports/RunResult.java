package io.schedlab.reports;

import java.util.Map;
import java.util.TreeMap;

/**
 * One run of one profile with one seed, as compare gathers it: scalar metrics (by {@link
 * Metric#name()}), time series (e.g. allocation, pending pods), samples (e.g. every pod's
 * queueing delay, for CDFs and box plots), and wall-clock latencies per extension point or plugin
 * (kept apart: they vary from run to run, the rest does not).
 */
public record RunResult(String profile, long seed, Map<String, Double> metrics,
    Map<String, Series> series, Map<String, double[]> samples, Map<String, double[]> latencies) {
  public RunResult {
    metrics = new TreeMap<>(metrics);
    series = new TreeMap<>(series);
    samples = new TreeMap<>(samples);
    latencies = new TreeMap<>(latencies);
  }
}
