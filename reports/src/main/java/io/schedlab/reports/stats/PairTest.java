package io.schedlab.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * A two-sided significance test between two profiles' per-seed values of one metric.
 *
 * <p>Degenerate inputs get a defined answer instead of an exception, since deterministic runs
 * often repeat a value exactly: a test that cannot be computed (too few values) gives NaN, which
 * is never significant; Welch with zero variance on both sides gives 1 for equal means and 0 for
 * different ones (the limit of the t statistic); Mann–Whitney with every value tied gives 1.
 *
 * @param first the profile whose values came first (the pair is symmetric: p does not depend on
 *     the order)
 */
public record PairTest(String first, String second, Method method, double pValue) {
  /** The level below which a difference counts as significant. */
  public static final double ALPHA = 0.05;

  public enum Method {
    /** Welch's unequal-variances t-test, Welch–Satterthwaite degrees of freedom. */
    WELCH_T("Welch t-test"),
    /**
     * Mann–Whitney U test, normal approximation with tie-corrected variance and a continuity
     * correction of 0.5 (as R's wilcox.test(exact = FALSE) and SciPy's asymptotic method; the
     * commons-math3 3.6.1 version applies neither correction, and ties are common here).
     */
    MANN_WHITNEY_U("Mann–Whitney U test");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    /** How a report names the test, e.g. "Welch t-test". */
    public String label() {
      return label;
    }
  }

  public static final Method DEFAULT_METHOD = Method.WELCH_T;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  public static PairTest of(Method method, String first, double[] a, String second, double[] b) {
    return new PairTest(first, second, method, pValue(method, a, b));
  }

  /** Whether p is below {@link #ALPHA}; false when p is NaN. */
  public boolean significant() {
    return pValue < ALPHA;
  }

  public static double pValue(Method method, double[] a, double[] b) {
    return switch (method) {
      case WELCH_T -> welchP(a, b);
      case MANN_WHITNEY_U -> mannWhitneyP(a, b);
    };
  }

  /** Two-sided Welch t-test p; NaN when either side has fewer than two values. */
  public static double welchP(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      return Double.NaN;
    }
    Summary sa = Summary.of(a);
    Summary sb = Summary.of(b);
    if (sa.sd() == 0 && sb.sd() == 0) {
      return sa.mean() == sb.mean() ? 1 : 0;
    }
    return new TTest().tTest(a, b);
  }

  /** Two-sided Mann–Whitney U p (see {@link Method#MANN_WHITNEY_U}); NaN when a side is empty. */
  public static double mannWhitneyP(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    requireFinite(a);
    requireFinite(b);
    if (n1 == 0 || n2 == 0) {
      return Double.NaN;
    }
    double[] all = new double[n1 + n2];
    System.arraycopy(a, 0, all, 0, n1);
    System.arraycopy(b, 0, all, n1, n2);
    double[] ranks =
        new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
    double rankSumA = 0;
    for (int i = 0; i < n1; i++) {
      rankSumA += ranks[i];
    }
    double u = rankSumA - n1 * (n1 + 1.0) / 2;
    double n = n1 + n2;
    double expected = n1 * (double) n2 / 2;
    double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm(all) / (n * (n - 1)));
    if (!(variance > 0)) {
      return 1;
    }
    double z = (Math.abs(u - expected) - 0.5) / Math.sqrt(variance);
    return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-z));
  }

  private static void requireFinite(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("pair test: value " + i + " is " + values[i]
            + "; expected a finite number");
      }
    }
  }

  /** Σ (t³ − t) over the groups of tied values: what ties take away from U's variance. */
  private static double tieTerm(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i + 1;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      double t = j - i;
      sum += t * t * t - t;
      i = j;
    }
    return sum;
  }
}
