package io.schedlab.traces.alibaba2018;

/**
 * The v2018 tables write -1 (and, for values normalised to [0, 100], 101) where a measurement is
 * invalid; an empty field means the same. Such a value is treated as absent.
 */
final class Sentinels {
  private Sentinels() {}

  /** A normalised percentage in [0, 100], or NaN for an empty, -1 or 101 field. */
  static boolean validPercent(double v) {
    return !Double.isNaN(v) && v >= 0 && v <= 100;
  }

  /** A CPU figure in hundredths of a core (101 is a real value here), or invalid if negative/empty. */
  static boolean validCpu(double v) {
    return !Double.isNaN(v) && v >= 0;
  }
}
