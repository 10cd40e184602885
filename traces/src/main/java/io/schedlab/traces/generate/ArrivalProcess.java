package io.schedlab.traces.generate;

/**
 * Arrival times of a workload, in nanoseconds from the trace start, strictly non-decreasing.
 * Every implementation draws from a seeded generator, so one seed gives one sequence.
 */
public interface ArrivalProcess {
  /** The next arrival time in nanoseconds, or {@link Long#MAX_VALUE} when there is none. */
  long nextNanos();

  /** Nanoseconds in a second, for converting the per-second rates of specs. */
  double NANOS_PER_SECOND = 1e9;

  /** Seconds (as specs write them) to nanoseconds, saturating at {@link Long#MAX_VALUE}. */
  static long toNanos(double seconds) {
    double n = seconds * NANOS_PER_SECOND;
    return n >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) n;
  }
}
