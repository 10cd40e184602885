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
}
