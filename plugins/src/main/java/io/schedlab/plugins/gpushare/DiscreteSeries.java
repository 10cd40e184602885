package io.schedlab.plugins.gpushare;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A run's series binned by arrived GPU, as the artifact's {@code merge_*_discrete.py} bin them:
 * every event falls in the bin of its arrived-GPU percentage rounded to an integer (half to even);
 * bin {@code b} (0..130) is the mean over its events, or over the events of bins b−1..b+1 when it
 * has none, or empty (NaN) when those have none either. Rounding follows the artifact step by
 * step: allocation is rounded to 2 decimals per event, then the mean again; fragmentation amount
 * and ratio are rounded to 2 decimals per event (its log prints them so), the amount's mean is
 * turned into % of capacity and rounded again, the ratio's mean is left as it is.
 */
public final class DiscreteSeries {
  public static final int BINS = 131;

  private DiscreteSeries() {}

  /** Mean GPU allocation (% of capacity) per bin. */
  public static double[] allocation(EventSeries s) {
    double[] perEvent = new double[s.size()];
    long gpus = s.totalGpuMilli() / GpuDemand.MILLI;
    for (int i = 0; i < s.size(); i++) {
      perEvent[i] = round2((double) s.usedMilli(i) / gpus / 10);
    }
    double[] out = bin(s, perEvent);
    for (int b = 0; b < BINS; b++) {
      out[b] = round2(out[b]);
    }
    return out;
  }

  /** Mean fragmented GPU (% of capacity) per bin. */
  public static double[] fragAmount(EventSeries s) {
    double[] perEvent = new double[s.size()];
    for (int i = 0; i < s.size(); i++) {
      perEvent[i] = round2(s.fragMilli(i));
    }
    double[] out = bin(s, perEvent);
    long gpus = s.totalGpuMilli() / GpuDemand.MILLI;
    for (int b = 0; b < BINS; b++) {
      out[b] = round2(100 * out[b] / 1000 / gpus);
    }
    return out;
  }

  /** Mean fragmentation ratio (% of idle GPU) per bin. */
  public static double[] fragRatio(EventSeries s) {
    double[] perEvent = new double[s.size()];
    for (int i = 0; i < s.size(); i++) {
      perEvent[i] = round2(s.fragRatioPercent(i));
    }
    return bin(s, perEvent);
  }

  private static double[] bin(EventSeries s, double[] perEvent) {
    double[] sum = new double[BINS + 2];
    int[] count = new int[BINS + 2];
    long gpus = s.totalGpuMilli() / GpuDemand.MILLI;
    int n = s.size();
    int[] binOf = new int[n];
    for (int i = 0; i < n; i++) {
      double ratio = Math.rint((double) s.arrivedMilli(i) / gpus / 10);
      binOf[i] = ratio < 0 || ratio > BINS ? -1 : (int) ratio;
      if (binOf[i] >= 0) {
        sum[binOf[i]] += perEvent[i];
        count[binOf[i]]++;
      }
    }
    double[] out = new double[BINS];
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        out[b] = sum[b] / count[b];
        continue;
      }
      double s2 = 0;
      int c2 = 0;
      for (int nb = b - 1; nb <= b + 1; nb++) {
        if (nb >= 0) {
          s2 += sum[nb];
          c2 += count[nb];
        }
      }
      out[b] = c2 == 0 ? Double.NaN : s2 / c2;
    }
    return out;
  }

  /** Python's round(x, 2) on a double: the exact binary value, half to even. */
  static double round2(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
  }
}
