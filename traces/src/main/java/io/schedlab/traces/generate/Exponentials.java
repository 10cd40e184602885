package io.schedlab.traces.generate;

import org.apache.commons.math3.random.RandomGenerator;

/** Exponential draws by inversion: one uniform per draw, so streams stay aligned by count. */
final class Exponentials {
  private Exponentials() {}

  /** An exponential variate with the given rate (mean 1/rate). */
  static double draw(RandomGenerator random, double rate) {
    // 1 - u is in (0, 1], so the log is finite. StrictMath: Math.log may differ by an ulp
    // between the interpreter and JIT intrinsics, and one seed must give one trace everywhere.
    return -StrictMath.log(1.0 - random.nextDouble()) / rate;
  }
}
