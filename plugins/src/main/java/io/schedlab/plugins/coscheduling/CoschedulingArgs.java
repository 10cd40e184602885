package io.schedlab.plugins.coscheduling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.schedlab.framework.PluginArgsException;

/**
 * scheduler-plugins' CoschedulingArgs with its v1 defaults: how long a gang member waits in
 * Permit for its siblings when its PodGroup sets no scheduleTimeoutSeconds, and how long a
 * group that failed in PostFilter is kept out of PreFilter (0: not at all).
 */
@JsonIgnoreProperties({"apiVersion", "kind"})
public record CoschedulingArgs(long permitWaitingTimeSeconds, long podGroupBackoffSeconds) {
  public static final long DEFAULT_PERMIT_WAITING_TIME_SECONDS = 60;
  public static final long DEFAULT_POD_GROUP_BACKOFF_SECONDS = 0;

  /** Both durations must be zero or more; throws naming the first field that is not. */
  public void validate() {
    if (permitWaitingTimeSeconds < 0) {
      throw new PluginArgsException(
          "permitWaitingTimeSeconds",
          "Invalid value: " + permitWaitingTimeSeconds + ": must be greater than or equal to 0");
    }
    if (podGroupBackoffSeconds < 0) {
      throw new PluginArgsException(
          "podGroupBackoffSeconds",
          "Invalid value: " + podGroupBackoffSeconds + ": must be greater than or equal to 0");
    }
  }

  public static CoschedulingArgs defaults() {
    return new CoschedulingArgs(
        DEFAULT_PERMIT_WAITING_TIME_SECONDS, DEFAULT_POD_GROUP_BACKOFF_SECONDS);
  }
}
