package io.schedlab.framework.runtime;

/**
 * Receives the wall-clock time one plugin took at one extension point of a sampled scheduling
 * attempt. Core only defines the hook; the reports module keeps the values in histograms.
 */
@FunctionalInterface
public interface LatencyRecorder {
  /**
   * @param point the extension point, as upstream names it (e.g. {@code Filter})
   * @param plugin the plugin's name
   */
  void record(String point, String plugin, long nanos);

  /**
   * Whether to time each plugin call of sampled attempts; false keeps only the whole-attempt
   * times, and sampled attempts then run as fast as the others (a throughput benchmark wants
   * that).
   */
  default boolean recordsPluginCalls() {
    return true;
  }

  /** A recorder that takes only whole-attempt times. */
  static LatencyRecorder attemptsOnly(LatencyRecorder recorder) {
    return new LatencyRecorder() {
      @Override
      public void record(String point, String plugin, long nanos) {
        recorder.record(point, plugin, nanos);
      }

      @Override
      public boolean recordsPluginCalls() {
        return false;
      }
    };
  }
}
