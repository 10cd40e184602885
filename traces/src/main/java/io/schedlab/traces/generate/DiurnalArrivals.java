package io.schedlab.traces.generate;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A non-homogeneous Poisson process with a sinusoidal rate, {@code base + amplitude * sin(2π t /
 * period + phase)} per second, t in seconds from the trace start. Drawn by thinning (Lewis and
 * Shedler): candidates at the peak rate, each kept with probability rate(t) / peak.
 */
public final class DiurnalArrivals implements ArrivalProcess {
  private final RandomGenerator random;
  private final double base;
  private final double amplitude;
  private final double periodSeconds;
  private final double phase;
  private final double peak;
  private double nowSeconds;

  /**
   * @param base mean rate per second, positive
   * @param amplitude swing of the rate, in [0, base] so the rate never goes negative
   * @param periodSeconds length of one cycle (86400 for a day), positive
   * @param phase radians added to the sine's argument
   */
  public DiurnalArrivals(
      double base, double amplitude, double periodSeconds, double phase, double startSeconds,
      RandomGenerator random) {
    if (!(base > 0) || Double.isInfinite(base)) {
      throw new IllegalArgumentException("base must be a positive number, got " + base);
    }
    if (!(amplitude >= 0 && amplitude <= base)) {
      throw new IllegalArgumentException("amplitude must be in [0, base=" + base + "], got " + amplitude);
    }
    if (!(periodSeconds > 0) || Double.isInfinite(periodSeconds)) {
      throw new IllegalArgumentException("period must be a positive number of seconds, got " + periodSeconds);
    }
    if (!Double.isFinite(phase)) {
      throw new IllegalArgumentException("phase must be a finite number of radians, got " + phase);
    }
    this.random = random;
    this.base = base;
    this.amplitude = amplitude;
    this.periodSeconds = periodSeconds;
    this.phase = phase;
    this.peak = base + amplitude;
    this.nowSeconds = startSeconds;
  }

  /** The rate per second at time {@code seconds}. */
  public double rateAt(double seconds) {
    // StrictMath for the same reason as Exponentials: identical draws on every JVM.
    return base + amplitude * StrictMath.sin(2 * Math.PI * seconds / periodSeconds + phase);
  }

  @Override
  public long nextNanos() {
    while (true) {
      nowSeconds += Exponentials.draw(random, peak);
      if (random.nextDouble() * peak < rateAt(nowSeconds)) {
        return ArrivalProcess.toNanos(nowSeconds);
      }
    }
  }
}
