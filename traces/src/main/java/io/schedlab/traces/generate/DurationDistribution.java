package io.schedlab.traces.generate;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * How long generated pods run: a commons-math3 distribution over seconds, drawn from a seeded
 * generator, optionally capped, returned in nanoseconds (at least 1 ns, so a pod always ends
 * after it starts).
 */
public final class DurationDistribution {
  private final RealDistribution distribution;
  private final double constantSeconds;
  private final double maxSeconds;

  private DurationDistribution(RealDistribution distribution, double constantSeconds, double maxSeconds) {
    this.distribution = distribution;
    this.constantSeconds = constantSeconds;
    this.maxSeconds = maxSeconds;
  }

  /** ln(duration in seconds) is normal with mean {@code mu} and standard deviation {@code sigma}. */
  public static DurationDistribution lognormal(double mu, double sigma, RandomGenerator random) {
    return new DurationDistribution(
        new LogNormalDistribution(random, mu, sigma, LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY),
        Double.NaN, Double.POSITIVE_INFINITY);
  }

  /** Weibull with shape k and scale λ seconds: P(D > t) = exp(-(t/λ)^k). */
  public static DurationDistribution weibull(double shape, double scaleSeconds, RandomGenerator random) {
    return new DurationDistribution(
        new WeibullDistribution(random, shape, scaleSeconds, WeibullDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY),
        Double.NaN, Double.POSITIVE_INFINITY);
  }

  /** Pareto (type I) with minimum {@code scaleSeconds} and tail index {@code shape}. */
  public static DurationDistribution pareto(double scaleSeconds, double shape, RandomGenerator random) {
    return new DurationDistribution(
        new ParetoDistribution(random, scaleSeconds, shape, ParetoDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY),
        Double.NaN, Double.POSITIVE_INFINITY);
  }

  /** Exponential with the given mean in seconds. */
  public static DurationDistribution exponential(double meanSeconds, RandomGenerator random) {
    return new DurationDistribution(
        new ExponentialDistribution(random, meanSeconds, ExponentialDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY),
        Double.NaN, Double.POSITIVE_INFINITY);
  }

  /** Every pod runs exactly this long. */
  public static DurationDistribution constant(double seconds) {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("seconds must be a positive number, got " + seconds);
    }
    return new DurationDistribution(null, seconds, Double.POSITIVE_INFINITY);
  }

  /** A copy whose draws above {@code maxSeconds} are cut to it (long tails and finite horizons). */
  public DurationDistribution cappedAt(double maxSeconds) {
    if (!(maxSeconds > 0)) {
      throw new IllegalArgumentException("max must be a positive number of seconds, got " + maxSeconds);
    }
    return new DurationDistribution(distribution, constantSeconds, maxSeconds);
  }

  /** The underlying distribution, or null for a constant. */
  public RealDistribution distribution() {
    return distribution;
  }

  /** One duration in seconds. */
  public double sampleSeconds() {
    double s = distribution == null ? constantSeconds : distribution.sample();
    return Math.min(s, maxSeconds);
  }

  /** One duration in nanoseconds, at least 1. */
  public long sampleNanos() {
    return Math.max(1L, ArrivalProcess.toNanos(sampleSeconds()));
  }
}
