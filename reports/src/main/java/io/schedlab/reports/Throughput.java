package io.schedlab.reports;

import io.schedlab.scheduler.Scheduler;
import java.util.Map;

/**
 * A run's scheduling throughput in wall time: pods placed per second spent in scheduling cycles,
 * from the per-attempt times the scheduler records under {@link Scheduler#SCHEDULING_ATTEMPT}.
 * Simulated runs spend most of their wall time in the cluster model, so dividing by the run's
 * whole wall time would measure the simulator, not the scheduler.
 *
 * @param attempts every attempt timed
 * @param scheduled attempts that ended with the pod assumed on a node
 * @param cycleSeconds wall seconds summed over all timed attempts
 */
public record Throughput(long attempts, long scheduled, double cycleSeconds) {
  private static final String PREFIX = Scheduler.SCHEDULING_ATTEMPT + "/";

  /** Pods placed per wall second of scheduling cycles; NaN when no time was recorded. */
  public double podsPerSecond() {
    return cycleSeconds > 0 ? scheduled / cycleSeconds : Double.NaN;
  }

  /** The run's throughput, or null when its latencies hold no attempt times. */
  public static Throughput of(RunResult run) {
    long attempts = 0;
    long scheduled = 0;
    double nanos = 0;
    boolean any = false;
    for (Map.Entry<String, double[]> e : run.latencies().entrySet()) {
      if (!e.getKey().startsWith(PREFIX)) {
        continue;
      }
      any = true;
      attempts += e.getValue().length;
      if (e.getKey().equals(PREFIX + Scheduler.ATTEMPT_SCHEDULED)) {
        scheduled += e.getValue().length;
      }
      for (double v : e.getValue()) {
        nanos += v;
      }
    }
    return any ? new Throughput(attempts, scheduled, nanos / 1e9) : null;
  }

  /** Whether a latency name is an attempt time rather than one plugin's call. */
  public static boolean isAttemptLatency(String name) {
    return name.startsWith(PREFIX);
  }
}
