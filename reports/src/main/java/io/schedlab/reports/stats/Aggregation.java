package io.schedlab.reports.stats;

import io.schedlab.reports.Metric;
import io.schedlab.reports.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What compare concludes from its runs: per metric and profile a {@link Summary} over the seeds,
 * a {@link PairTest} for each pair of profiles, a {@link Ranking}; and an overall ranking by the
 * mean rank over the metrics.
 *
 * <p>A run counts for a metric when it reports a finite value for it; a missing or non-finite
 * value is left out of the statistics (the summary's n shows it) but stays in the tidy rows.
 *
 * @param profiles every profile, sorted by name
 * @param metrics in the order given (a report's order)
 * @param byMetric metric name → its statistics, in the order of {@code metrics}
 */
public record Aggregation(PairTest.Method method, List<String> profiles, List<Metric> metrics,
    Map<String, MetricStats> byMetric, List<Ranking.OverallEntry> overall) {
  public Aggregation {
    profiles = List.copyOf(profiles);
    metrics = List.copyOf(metrics);
    byMetric = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byMetric));
    overall = List.copyOf(overall);
  }

  /**
   * One metric's statistics.
   *
   * @param values profile → the finite values in seed order
   * @param summaries profile → summary, by profile name
   * @param pairTests each unordered pair once, first before second by name, in name order
   */
  public record MetricStats(Metric metric, Map<String, double[]> values,
      Map<String, Summary> summaries, List<PairTest> pairTests, Ranking ranking) {
    public MetricStats {
      values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
      summaries = java.util.Collections.unmodifiableMap(new TreeMap<>(summaries));
      pairTests = List.copyOf(pairTests);
    }

    /** The pair test between two profiles (either order), or null when one is unknown. */
    public PairTest pairTest(String a, String b) {
      for (PairTest t : pairTests) {
        if (t.first().equals(a) && t.second().equals(b)
            || t.first().equals(b) && t.second().equals(a)) {
          return t;
        }
      }
      return null;
    }
  }

  /** Aggregates with the default test, {@link PairTest#DEFAULT_METHOD}. */
  public static Aggregation of(List<RunResult> runs, List<Metric> metrics) {
    return of(runs, metrics, PairTest.DEFAULT_METHOD);
  }

  /**
   * @throws IllegalArgumentException when there are no runs, a profile × seed appears twice, or
   *     two metrics share a name
   */
  public static Aggregation of(List<RunResult> runs, List<Metric> metrics,
      PairTest.Method method) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("aggregation: no runs to aggregate");
    }
    Set<String> names = new HashSet<>();
    for (Metric m : metrics) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("aggregation: metric " + m.name()
            + " is defined twice");
      }
    }
    List<RunResult> sorted = sortedRuns(runs);
    Set<String> profiles = new TreeSet<>();
    for (int i = 0; i < sorted.size(); i++) {
      RunResult r = sorted.get(i);
      profiles.add(r.profile());
      if (i > 0 && sorted.get(i - 1).profile().equals(r.profile())
          && sorted.get(i - 1).seed() == r.seed()) {
        throw new IllegalArgumentException("aggregation: profile " + r.profile() + " seed "
            + r.seed() + " appears twice; expected one run per profile and seed");
      }
    }
    Map<String, MetricStats> byMetric = new LinkedHashMap<>();
    List<Ranking> rankings = new ArrayList<>(metrics.size());
    for (Metric m : metrics) {
      Map<String, double[]> values = new TreeMap<>();
      Map<String, Summary> summaries = new TreeMap<>();
      for (String p : profiles) {
        double[] v = finiteValues(sorted, p, m.name());
        values.put(p, v);
        summaries.put(p, Summary.of(v));
      }
      List<PairTest> tests = new ArrayList<>();
      List<String> ps = new ArrayList<>(profiles);
      for (int i = 0; i < ps.size(); i++) {
        for (int j = i + 1; j < ps.size(); j++) {
          tests.add(PairTest.of(method, ps.get(i), values.get(ps.get(i)), ps.get(j),
              values.get(ps.get(j))));
        }
      }
      Ranking ranking = Ranking.of(m, values, method);
      rankings.add(ranking);
      byMetric.put(m.name(), new MetricStats(m, values, summaries, tests, ranking));
    }
    return new Aggregation(method, new ArrayList<>(profiles), metrics, byMetric,
        Ranking.overall(rankings));
  }

  /** The statistics of one metric, or null when it was not aggregated. */
  public MetricStats stats(String metric) {
    return byMetric.get(metric);
  }

  /** Runs by profile name, then seed. */
  static List<RunResult> sortedRuns(List<RunResult> runs) {
    List<RunResult> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparing(RunResult::profile).thenComparingLong(RunResult::seed));
    return sorted;
  }

  private static double[] finiteValues(List<RunResult> sorted, String profile, String metric) {
    double[] out = new double[sorted.size()];
    int n = 0;
    for (RunResult r : sorted) {
      if (r.profile().equals(profile)) {
        Double v = r.metrics().get(metric);
        if (v != null && Double.isFinite(v)) {
          out[n++] = v;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }
}
