package io.schedlab.benchmarks.perf;

import org.HdrHistogram.Histogram;

/**
 * What one measured phase did and how long it took.
 *
 * @param workload the workload's name
 * @param pods measured pods, all bound
 * @param wallNanos wall time from the first measured pod's creation to the last one's binding
 * @param virtualNanos virtual time the measured phase spanned
 * @param attempts scheduling attempts during the measured phase (churn pods' included)
 * @param evicted pods deleted during the measured phase (preemption victims)
 * @param attemptNanos wall time of each scheduling attempt during the measured phase, in ns
 */
public record WorkloadResult(
    String workload,
    int pods,
    long wallNanos,
    long virtualNanos,
    long attempts,
    int evicted,
    Histogram attemptNanos) {

  /**
   * Measured pods over the measured phase's wall time. Upstream reports the mean of one-second
   * samples instead; for a phase of a second or two that leaves few or no samples, so the whole
   * phase is one sample here.
   */
  public double podsPerSecond() {
    return pods * 1e9 / Math.max(1, wallNanos);
  }

  /** The attempt latency at {@code percentile} (0-100), in microseconds. */
  public double attemptMicros(double percentile) {
    return attemptNanos.getValueAtPercentile(percentile) / 1e3;
  }

  /** The mean attempt latency, in microseconds. */
  public double attemptMeanMicros() {
    return attemptNanos.getMean() / 1e3;
  }

  /** One line for logs: pods/s and the attempt percentiles. */
  public String summary() {
    return String.format(
        "%s: %d pods in %.3f s = %.0f pods/s; attempt mean %.1f us, p50 %.1f us, p90 %.1f us, p99 %.1f us (%d attempts, %d evicted)",
        workload, pods, wallNanos / 1e9, podsPerSecond(), attemptMeanMicros(), attemptMicros(50), attemptMicros(90), attemptMicros(99),
        attempts, evicted);
  }
}
