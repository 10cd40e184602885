package io.schedlab.reports;

import io.schedlab.cluster.ClusterSampler;
import io.schedlab.cluster.PodMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what a simulated run observed (a {@link PodMetrics} log, a {@link ClusterSampler}, and
 * optionally an {@link HdrLatencyRecorder}) into the {@link RunResult} compare aggregates.
 * {@link #DEFINITIONS} lists every scalar metric it can report; a metric with no data in a run
 * (no pod completed, so no job completion time) is left out of that run's map rather than given
 * a made-up value.
 */
public final class RunMetrics {
  public static final String QUEUEING_DELAY = "queueing_delay_s";
  public static final String TIME_TO_BIND = "time_to_bind_s";
  public static final String JCT = "jct_s";
  /** Series of cumulative counts at each sample time. */
  public static final String EVICTIONS_SERIES = "evictions_total";
  public static final String PREEMPTIONS_SERIES = "preemptions_total";

  private static final Metric.Direction HIGHER = Metric.Direction.HIGHER_IS_BETTER;
  private static final Metric.Direction LOWER = Metric.Direction.LOWER_IS_BETTER;

  /** Every metric a run can report, in report order. */
  public static final List<Metric> DEFINITIONS = List.of(
      new Metric("pods_scheduled", "pods", HIGHER, "pods the scheduler placed"),
      new Metric("pods_unschedulable", "pods", LOWER,
          "pods still unplaced at the end after at least one failed attempt"),
      new Metric("queueing_delay_mean_s", "s", LOWER, "mean time from creation to scheduled"),
      new Metric("queueing_delay_p50_s", "s", LOWER, "median time from creation to scheduled"),
      new Metric("queueing_delay_p95_s", "s", LOWER,
          "95th percentile time from creation to scheduled"),
      new Metric("time_to_bind_mean_s", "s", LOWER, "mean time from creation to bound"),
      new Metric("time_to_bind_p50_s", "s", LOWER, "median time from creation to bound"),
      new Metric("time_to_bind_p95_s", "s", LOWER, "95th percentile time from creation to bound"),
      new Metric("jct_mean_s", "s", LOWER, "mean time from creation to completed or failed"),
      new Metric("jct_p95_s", "s", LOWER,
          "95th percentile time from creation to completed or failed"),
      new Metric("attempts_mean", "attempts", LOWER, "mean scheduling attempts per placed pod"),
      new Metric("evictions", "pods", LOWER, "pods evicted by kubelets or taint eviction"),
      new Metric("preemptions", "pods", LOWER, "pods the scheduler deleted to make room"),
      new Metric("cpu_allocation_mean_pct", "%", HIGHER,
          "mean share of Ready nodes' allocatable cpu that pods request"),
      new Metric("memory_allocation_mean_pct", "%", HIGHER,
          "mean share of Ready nodes' allocatable memory that pods request"),
      new Metric("pending_pods_mean", "pods", LOWER, "mean number of Pending pods"),
      new Metric("running_pods_mean", "pods", HIGHER, "mean number of Running pods"));

  private static final Map<String, String> SERIES_UNITS = Map.of(
      ClusterSampler.PENDING_PODS, "pods",
      ClusterSampler.RUNNING_PODS, "pods",
      ClusterSampler.NODES_READY, "nodes");

  private RunMetrics() {}

  /** The definition of a metric by name; an unknown name is an error. */
  static final String ALLOCATION_PREFIX = "allocation_";
  static final String EXTENDED_ALLOCATION_SUFFIX = "_allocation_mean_pct";

  /** The metric of an extended resource's mean allocation, e.g. GPUs: a name without dots or slashes. */
  static String extendedAllocationMetric(String resource) {
    return resource.replaceAll("[^A-Za-z0-9]+", "_") + EXTENDED_ALLOCATION_SUFFIX;
  }

  /**
   * {@link #DEFINITIONS} plus, for every extended resource the runs sampled (GPUs in the openb
   * traces), its mean allocation, higher being better as for CPU.
   */
  public static List<Metric> definitionsFor(List<RunResult> runs) {
    java.util.Set<String> known = new java.util.HashSet<>();
    for (Metric m : DEFINITIONS) {
      known.add(m.name());
    }
    java.util.TreeSet<String> extra = new java.util.TreeSet<>();
    for (RunResult r : runs) {
      for (String name : r.metrics().keySet()) {
        if (!known.contains(name) && name.endsWith(EXTENDED_ALLOCATION_SUFFIX)) {
          extra.add(name);
        }
      }
    }
    List<Metric> out = new java.util.ArrayList<>(DEFINITIONS);
    for (String name : extra) {
      out.add(new Metric(name, "%", Metric.Direction.HIGHER_IS_BETTER,
          "mean allocation of an extended resource over Ready nodes"));
    }
    return out;
  }

  public static Metric definition(String name) {
    for (Metric m : DEFINITIONS) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("metric: no metric named \"" + name + "\"");
  }

  /**
   * The run's result.
   *
   * @param latencies null when the run did not record latencies
   */
  public static RunResult of(String profile, long seed, PodMetrics pods, ClusterSampler sampler,
      HdrLatencyRecorder latencies) {
    List<Double> queueing = new ArrayList<>();
    List<Double> bind = new ArrayList<>();
    List<Double> jct = new ArrayList<>();
    long attempts = 0;
    int placed = 0;
    for (PodMetrics.PodTimes p : pods.pods()) {
      if (p.prebound()) {
        continue; // never went through the scheduler
      }
      if (p.scheduled()) {
        queueing.add(p.queueingDelayNanos() / 1e9);
        attempts += p.attempts();
        placed++;
      }
      if (p.timeToBindNanos() >= 0) {
        bind.add(p.timeToBindNanos() / 1e9);
      }
      if (p.completionNanos() >= 0) {
        jct.add(p.completionNanos() / 1e9);
      }
    }
    Map<String, Double> metrics = new HashMap<>();
    metrics.put("pods_scheduled", (double) pods.scheduled());
    metrics.put("pods_unschedulable", (double) pods.unschedulableAtEnd());
    metrics.put("evictions", (double) pods.evictions());
    metrics.put("preemptions", (double) pods.preemptions());
    double[] q = sorted(queueing);
    double[] b = sorted(bind);
    double[] j = sorted(jct);
    putStats(metrics, "queueing_delay", q);
    putStats(metrics, "time_to_bind", b);
    if (j.length > 0) {
      metrics.put("jct_mean_s", mean(j));
      metrics.put("jct_p95_s", percentile(j, 95));
    }
    if (placed > 0) {
      metrics.put("attempts_mean", (double) attempts / placed);
    }

    Map<String, Series> series = new TreeMap<>();
    double[] t = sampler.times();
    for (String name : sampler.names()) {
      double[] v = sampler.values(name);
      series.put(name, new Series(name, SERIES_UNITS.getOrDefault(name, "%"), t, v));
    }
    if (t.length > 0) {
      series.put(EVICTIONS_SERIES, new Series(EVICTIONS_SERIES, "pods", t, pods.evictionsBy(t)));
      series.put(PREEMPTIONS_SERIES,
          new Series(PREEMPTIONS_SERIES, "pods", t, pods.preemptionsBy(t)));
    }
    putMean(metrics, "cpu_allocation_mean_pct", series.get("allocation_cpu"));
    putMean(metrics, "memory_allocation_mean_pct", series.get("allocation_memory"));
    for (Map.Entry<String, Series> e : series.entrySet()) {
      String res = e.getKey().startsWith(ALLOCATION_PREFIX)
          ? e.getKey().substring(ALLOCATION_PREFIX.length()) : null;
      if (res != null && !res.equals("cpu") && !res.equals("memory")) {
        putMean(metrics, extendedAllocationMetric(res), e.getValue());
      }
    }
    putMean(metrics, "pending_pods_mean", series.get(ClusterSampler.PENDING_PODS));
    putMean(metrics, "running_pods_mean", series.get(ClusterSampler.RUNNING_PODS));

    Map<String, double[]> samples = new TreeMap<>();
    samples.put(QUEUEING_DELAY, q);
    samples.put(TIME_TO_BIND, b);
    samples.put(JCT, j);
    Map<String, double[]> lat = latencies == null ? Map.of() : latencies.values();
    return new RunResult(profile, seed, metrics, series, samples, lat);
  }

  /**
   * The {@code p}th percentile of ascending {@code sorted} values, interpolating linearly between
   * the closest ranks (position {@code (n - 1) * p / 100}); NaN for no values.
   */
  public static double percentile(double[] sorted, double p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("percentile: expected 0 to 100, got " + p);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = (sorted.length - 1) * p / 100.0;
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  private static void putStats(Map<String, Double> metrics, String prefix, double[] v) {
    if (v.length == 0) {
      return;
    }
    metrics.put(prefix + "_mean_s", mean(v));
    metrics.put(prefix + "_p50_s", percentile(v, 50));
    metrics.put(prefix + "_p95_s", percentile(v, 95));
  }

  private static void putMean(Map<String, Double> metrics, String name, Series s) {
    if (s != null && s.size() > 0) {
      metrics.put(name, mean(s.v()));
    }
  }

  private static double mean(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return sum / v.length;
  }

  private static double[] sorted(List<Double> list) {
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    Arrays.sort(out);
    return out;
  }
}
