package io.schedlab.plugins.trimaran;

/** The two Go math functions whose edge cases differ from Java's. */
final class GoMath {
  private GoMath() {}

  /** Go's math.Round: half away from zero (Java's Math.round goes half up). */
  static long round(double x) {
    double a = Math.abs(x);
    double t = Math.floor(a);
    if (a - t >= 0.5) {
      t += 1;
    }
    return (long) Math.copySign(t, x);
  }

  /** Go's math.Pow: pow(±1, ±Inf) is 1, where Java answers NaN. */
  static double pow(double x, double y) {
    if (Math.abs(x) == 1 && Double.isInfinite(y)) {
      return 1;
    }
    return Math.pow(x, y);
  }
}
