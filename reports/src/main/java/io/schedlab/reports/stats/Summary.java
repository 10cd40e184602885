package io.schedlab.reports.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * One metric of one profile over its seeds: count, mean, sample standard deviation, the 95 %
 * confidence interval of the mean (Student t with n − 1 degrees of freedom), min, median, max.
 *
 * <p>With one value the spread is unknown, so {@code sd} and {@code ciHalfWidth} are NaN rather
 * than a misleading 0; with no values every figure but {@code n} is NaN.
 */
public record Summary(int n, double mean, double sd, double ciHalfWidth, double min, double median,
    double max) {
  /** Two-sided 95 %: the t quantile taken is 0.975. */
  public static final double CONFIDENCE = 0.95;

  // The default inverse accuracy (1e-9 absolute) would cap the half-width at ~1e-9 relative.
  private static final double QUANTILE_ACCURACY = 1e-14;

  private static final Summary EMPTY =
      new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /**
   * Summarises finite values (order does not matter).
   *
   * @throws IllegalArgumentException when a value is NaN or infinite
   */
  public static Summary of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return EMPTY;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = values[i];
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("summary: value " + i + " is " + x
            + "; expected a finite number");
      }
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double mean = new Mean().evaluate(values);
    double median = new Median().evaluate(values);
    if (n == 1) {
      return new Summary(1, mean, Double.NaN, Double.NaN, min, median, max);
    }
    double sd = new StandardDeviation(true).evaluate(values, mean);
    double half = tQuantile(n - 1) * sd / Math.sqrt(n);
    return new Summary(n, mean, sd, half, min, median, max);
  }

  /** The two-sided 95 % Student t quantile for {@code df} degrees of freedom. */
  static double tQuantile(int df) {
    return new TDistribution(null, df, QUANTILE_ACCURACY)
        .inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
  }

  public double ciLow() {
    return mean - ciHalfWidth;
  }

  public double ciHigh() {
    return mean + ciHalfWidth;
  }
}
