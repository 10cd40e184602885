package io.schedlab.reports.chart;

import java.util.Arrays;

/**
 * The five numbers of a Tukey box plot, plus the mean and the points outside the whiskers.
 * Quartiles interpolate linearly between order statistics (Hyndman and Fan type 7, the default
 * of R and NumPy), so a reader can check a box against either tool.
 *
 * @param lowWhisker the smallest value at or above {@code q1 - 1.5 * IQR}
 * @param highWhisker the largest value at or below {@code q3 + 1.5 * IQR}
 * @param outliers values beyond the whiskers, ascending
 */
public record BoxStats(double mean, double q1, double median, double q3, double lowWhisker,
    double highWhisker, double[] outliers) {
  public BoxStats {
    outliers = outliers.clone();
  }

  /** Statistics of {@code values}, which must be non-empty and finite (checked by the caller). */
  public static BoxStats of(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    double q1 = quantile(sorted, 0.25);
    double median = quantile(sorted, 0.5);
    double q3 = quantile(sorted, 0.75);
    double iqr = q3 - q1;
    double lowFence = q1 - 1.5 * iqr;
    double highFence = q3 + 1.5 * iqr;
    int lo = 0;
    while (sorted[lo] < lowFence) {
      lo++;
    }
    int hi = sorted.length - 1;
    while (sorted[hi] > highFence) {
      hi--;
    }
    double[] outliers = new double[lo + sorted.length - 1 - hi];
    System.arraycopy(sorted, 0, outliers, 0, lo);
    System.arraycopy(sorted, hi + 1, outliers, lo, sorted.length - 1 - hi);
    return new BoxStats(sum / sorted.length, q1, median, q3, sorted[lo], sorted[hi], outliers);
  }

  /** Type-7 quantile of ascending {@code sorted}. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int below = (int) Math.floor(h);
    if (below >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BoxStats b && b.mean == mean && b.q1 == q1 && b.median == median
        && b.q3 == q3 && b.lowWhisker == lowWhisker && b.highWhisker == highWhisker
        && Arrays.equals(b.outliers, outliers);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(median) * 31 + Arrays.hashCode(outliers);
  }

  @Override
  public String toString() {
    return "BoxStats[mean=" + mean + ", q1=" + q1 + ", median=" + median + ", q3=" + q3
        + ", lowWhisker=" + lowWhisker + ", highWhisker=" + highWhisker + ", outliers="
        + Arrays.toString(outliers) + "]";
  }
}
