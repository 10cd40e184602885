package io.schedlab.reports;

import io.schedlab.framework.runtime.LatencyRecorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Keeps the framework's per-plugin latencies in one HdrHistogram per {@code point/plugin}, with
 * three significant digits (0.1 % resolution) and auto-resizing ranges.
 *
 * <p>Implementation note: {@link #record} is on the scheduling path of sampled attempts, and at
 * Filter and Score on the parallelizer's threads, hence synchronized; histograms are found in a
 * two-level map so a record call builds no key string.
 */
public final class HdrLatencyRecorder implements LatencyRecorder {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Map<String, Map<String, Histogram>> byPoint = new HashMap<>();

  @Override
  public synchronized void record(String point, String plugin, long nanos) {
    Map<String, Histogram> byPlugin = byPoint.get(point);
    if (byPlugin == null) {
      byPlugin = new HashMap<>();
      byPoint.put(point, byPlugin);
    }
    Histogram h = byPlugin.get(plugin);
    if (h == null) {
      h = new Histogram(SIGNIFICANT_DIGITS);
      byPlugin.put(plugin, h);
    }
    h.recordValue(Math.max(0, nanos));
  }

  /** The histograms by {@code point/plugin}, sorted. */
  public synchronized Map<String, Histogram> histograms() {
    Map<String, Histogram> out = new TreeMap<>();
    for (Map.Entry<String, Map<String, Histogram>> p : byPoint.entrySet()) {
      for (Map.Entry<String, Histogram> e : p.getValue().entrySet()) {
        out.put(p.getKey() + "/" + e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /**
   * Every recorded value (at the histogram's resolution) in ascending order, by
   * {@code point/plugin}: the form {@link RunResult#latencies()} keeps.
   */
  public synchronized Map<String, double[]> values() {
    Map<String, double[]> out = new TreeMap<>();
    for (Map.Entry<String, Histogram> e : histograms().entrySet()) {
      Histogram h = e.getValue();
      double[] v = new double[(int) Math.min(Integer.MAX_VALUE, h.getTotalCount())];
      int i = 0;
      for (HistogramIterationValue r : h.recordedValues()) {
        long value = h.medianEquivalentValue(r.getValueIteratedTo());
        for (long c = 0; c < r.getCountAtValueIteratedTo() && i < v.length; c++) {
          v[i++] = value;
        }
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  /** The keys recorded so far, sorted. */
  public List<String> keys() {
    return new ArrayList<>(histograms().keySet());
  }
}
