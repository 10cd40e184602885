package io.schedlab.benchmarks.perf;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Adds a scheduler_perf iteration's pods/s and attempt latency percentiles to JMH's results, as
 * secondary results {@code pods_per_s}, {@code attempt_mean_us}, {@code attempt_p50_us}, {@code attempt_p90_us} and
 * {@code attempt_p99_us}, averaged over iterations. Enable it with {@code -prof
 * io.schedlab.benchmarks.perf.AttemptLatencyProfiler}.
 *
 * <p>A profiler rather than {@code @AuxCounters}: in single-shot mode JMH sums aux counters over
 * iterations, which makes a rate or a percentile meaningless beyond one iteration.
 */
public final class AttemptLatencyProfiler implements InternalProfiler {
  /** The measured op of the running iteration; written by the benchmark, in the same JVM. */
  private static volatile WorkloadResult current;

  static void report(WorkloadResult result) {
    current = result;
  }

  @Override
  public String getDescription() {
    return "scheduler_perf workloads: pods/s and per-attempt latency percentiles of the measured op";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    current = null;
  }

  @Override
  public Collection<? extends Result<?>> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    WorkloadResult r = current;
    current = null;
    if (r == null) {
      return List.of();
    }
    return List.of(
        new ScalarResult("pods_per_s", r.podsPerSecond(), "pods/s", AggregationPolicy.AVG),
        new ScalarResult("attempt_mean_us", r.attemptMeanMicros(), "us", AggregationPolicy.AVG),
        new ScalarResult("attempt_p50_us", r.attemptMicros(50), "us", AggregationPolicy.AVG),
        new ScalarResult("attempt_p90_us", r.attemptMicros(90), "us", AggregationPolicy.AVG),
        new ScalarResult("attempt_p99_us", r.attemptMicros(99), "us", AggregationPolicy.AVG));
  }
}
