package io.schedlab.traces.generate;

import io.schedlab.api.Quantity;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A discrete distribution over quantities: each observed value with its frequency, as a fit of a
 * recorded trace gives it. One uniform per draw, inverted through the cumulative counts.
 */
public final class EmpiricalQuantities {
  private final Quantity[] values;
  private final double[] cumulative;

  /**
   * @param values the distinct values
   * @param counts how often each was observed (non-negative, not all zero), same length
   */
  public EmpiricalQuantities(List<Quantity> values, List<? extends Number> counts) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("values must not be empty");
    }
    if (counts.size() != values.size()) {
      throw new IllegalArgumentException(
          "counts must have one entry per value (" + values.size() + "), got " + counts.size());
    }
    this.values = values.toArray(new Quantity[0]);
    this.cumulative = new double[values.size()];
    double sum = 0;
    for (int i = 0; i < cumulative.length; i++) {
      Number c = counts.get(i);
      double w = c == null ? Double.NaN : c.doubleValue();
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("counts[" + i + "] must be a non-negative number, got " + c);
      }
      sum += w;
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("counts must not all be zero");
    }
  }

  public Quantity sample(RandomGenerator random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (u < cumulative[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return values[lo];
  }

  /** The probability of {@code values[i]}. */
  public double probability(int i) {
    double total = cumulative[cumulative.length - 1];
    return (cumulative[i] - (i == 0 ? 0 : cumulative[i - 1])) / total;
  }

  public int size() {
    return values.length;
  }
}
