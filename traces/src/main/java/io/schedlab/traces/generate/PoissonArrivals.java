package io.schedlab.traces.generate;

import org.apache.commons.math3.random.RandomGenerator;

/** A homogeneous Poisson process: exponential gaps with mean 1/rate. */
public final class PoissonArrivals implements ArrivalProcess {
  private final RandomGenerator random;
  private final double ratePerSecond;
  private double nowSeconds;

  /**
   * @param ratePerSecond mean arrivals per second, positive
   * @param startSeconds the time the process starts from
   */
  public PoissonArrivals(double ratePerSecond, double startSeconds, RandomGenerator random) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a positive number, got " + ratePerSecond);
    }
    this.random = random;
    this.ratePerSecond = ratePerSecond;
    this.nowSeconds = startSeconds;
  }

  @Override
  public long nextNanos() {
    nowSeconds += Exponentials.draw(random, ratePerSecond);
    return ArrivalProcess.toNanos(nowSeconds);
  }
}
