package io.schedlab.reports.stats;

import io.schedlab.reports.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Profiles ordered by one metric's mean, best first in the metric's direction. Equal means share a
 * rank (competition ranking: 1, 1, 3) and are listed by profile name; profiles without values come
 * last, sharing the last rank. Each entry says whether it is significantly better than the next
 * one: the pair test between the two gives p below {@link PairTest#ALPHA} and their means differ.
 *
 * @param metric the metric's name
 */
public record Ranking(String metric, Metric.Direction direction, PairTest.Method method,
    List<Entry> entries) {
  /** Means this close (relative) are equal: summation order must not break a tie. */
  static final double TIE_TOLERANCE = 1e-12;

  public Ranking {
    entries = List.copyOf(entries);
  }

  /**
   * @param pToNext the pair test's p against the next entry; NaN for the last entry or when the
   *     test cannot be computed
   */
  public record Entry(int rank, String profile, double mean, double pToNext,
      boolean significantlyBetterThanNext) {}

  /**
   * Ranks the profiles of {@code values} (profile → per-seed values, finite) by {@code metric}.
   */
  public static Ranking of(Metric metric, Map<String, double[]> values, PairTest.Method method) {
    int sign = metric.direction().sign();
    List<Candidate> order = new ArrayList<>(values.size());
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      order.add(new Candidate(e.getKey(), Summary.of(e.getValue()).mean(), e.getValue()));
    }
    // Exact order first, then tied runs re-sorted by name: a tolerant comparator would not be
    // transitive.
    order.sort((x, y) -> {
      boolean xMissing = Double.isNaN(x.mean);
      boolean yMissing = Double.isNaN(y.mean);
      if (xMissing != yMissing) {
        return xMissing ? 1 : -1;
      }
      int byMean = xMissing ? 0 : Double.compare(sign * y.mean, sign * x.mean);
      return byMean != 0 ? byMean : x.profile.compareTo(y.profile);
    });
    int[] ranks = new int[order.size()];
    int start = 0;
    for (int i = 1; i <= ranks.length; i++) {
      if (i == ranks.length || !sameRank(order.get(start), order.get(i))) {
        order.subList(start, i).sort((x, y) -> x.profile.compareTo(y.profile));
        Arrays.fill(ranks, start, i, start + 1);
        start = i;
      }
    }
    List<Entry> entries = new ArrayList<>(order.size());
    for (int i = 0; i < ranks.length; i++) {
      Candidate c = order.get(i);
      double p = Double.NaN;
      boolean better = false;
      if (i + 1 < ranks.length) {
        p = PairTest.pValue(method, c.values, order.get(i + 1).values);
        better = ranks[i + 1] != ranks[i] && p < PairTest.ALPHA;
      }
      entries.add(new Entry(ranks[i], c.profile, c.mean, p, better));
    }
    return new Ranking(metric.name(), metric.direction(), method, entries);
  }

  /** The entry of {@code profile}, or null when it is not ranked. */
  public Entry entry(String profile) {
    for (Entry e : entries) {
      if (e.profile().equals(profile)) {
        return e;
      }
    }
    return null;
  }

  /**
   * Profiles ordered by their mean rank over the given per-metric rankings (lower is better);
   * equal mean ranks share a rank and are listed by name.
   */
  public static List<OverallEntry> overall(List<Ranking> rankings) {
    Map<String, double[]> sums = new TreeMap<>();
    for (Ranking r : rankings) {
      for (Entry e : r.entries) {
        double[] s = sums.computeIfAbsent(e.profile(), k -> new double[2]);
        s[0] += e.rank();
        s[1]++;
      }
    }
    List<OverallEntry> out = new ArrayList<>(sums.size());
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      out.add(new OverallEntry(0, e.getKey(), e.getValue()[0] / e.getValue()[1],
          (int) e.getValue()[1]));
    }
    out.sort((x, y) -> x.meanRank() != y.meanRank() ? Double.compare(x.meanRank(), y.meanRank())
        : x.profile().compareTo(y.profile()));
    List<OverallEntry> ranked = new ArrayList<>(out.size());
    int rank = 0;
    for (int i = 0; i < out.size(); i++) {
      OverallEntry e = out.get(i);
      if (i == 0 || out.get(i - 1).meanRank() != e.meanRank()) {
        rank = i + 1;
      }
      ranked.add(new OverallEntry(rank, e.profile(), e.meanRank(), e.metrics()));
    }
    return Collections.unmodifiableList(ranked);
  }

  /**
   * A profile's place over all metrics.
   *
   * @param meanRank the mean of its per-metric ranks
   * @param metrics how many rankings it appeared in
   */
  public record OverallEntry(int rank, String profile, double meanRank, int metrics) {}

  private record Candidate(String profile, double mean, double[] values) {}

  private static boolean sameRank(Candidate a, Candidate b) {
    boolean aMissing = Double.isNaN(a.mean);
    boolean bMissing = Double.isNaN(b.mean);
    return aMissing || bMissing ? aMissing == bMissing : tied(a.mean, b.mean);
  }

  private static boolean tied(double a, double b) {
    return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }
}
