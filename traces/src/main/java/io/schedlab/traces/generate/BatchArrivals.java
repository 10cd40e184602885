package io.schedlab.traces.generate;

/** Every arrival at the same instant: scheduler_perf's createPods, which submits all at once. */
public final class BatchArrivals implements ArrivalProcess {
  private final long atNanos;

  public BatchArrivals(long atNanos) {
    this.atNanos = atNanos;
  }

  @Override
  public long nextNanos() {
    return atNanos;
  }
}
