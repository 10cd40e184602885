package io.schedlab.reports.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the report writes numbers: the same text on every machine (no locale), about four
 * significant digits but never rounding away integer digits, scientific only at the extremes.
 */
final class Numbers {
  private Numbers() {}

  static String format(double x) {
    if (Double.isNaN(x)) {
      return "n/a";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "∞" : "-∞";
    }
    if (x == 0) {
      return "0";
    }
    double abs = Math.abs(x);
    if (abs >= 1e15 || abs < 1e-4) {
      return String.format(Locale.ROOT, "%.3e", x);
    }
    int exponent = (int) Math.floor(Math.log10(abs));
    int decimals = Math.max(0, 3 - exponent);
    BigDecimal rounded = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN);
    if (rounded.signum() == 0) {
      return "0";
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /** A p-value: three decimals, or a bound below 0.001. */
  static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    if (p < 0.001) {
      return "< 0.001";
    }
    return new BigDecimal(p).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
  }
}
