package io.schedlab.controller.workload;

import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import java.time.Duration;
import java.time.Instant;

/** Pod predicates the controllers share, as upstream's {@code controller} and {@code podutil}. */
final class PodStates {
  static final String PENDING = "Pending";
  static final String RUNNING = "Running";
  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";
  static final String UNKNOWN = "Unknown";
  static final String READY = "Ready";

  private PodStates() {}

  /** Upstream's {@code IsPodActive}: not Succeeded, not Failed, not being deleted. */
  static boolean isActive(Pod pod) {
    String phase = pod.status().phase();
    return !SUCCEEDED.equals(phase) && !FAILED.equals(phase)
        && pod.metadata().deletionTimestamp() == null;
  }

  static boolean isTerminating(Pod pod) {
    return pod.metadata().deletionTimestamp() != null;
  }

  static boolean isReady(Pod pod) {
    return pod.status().isReady();
  }

  static boolean isRunningAndReady(Pod pod) {
    return RUNNING.equals(pod.status().phase()) && isReady(pod);
  }

  /**
   * Upstream's {@code IsPodAvailable}: ready, and either minReadySeconds is 0 or the Ready
   * condition's lastTransitionTime + minReadySeconds is strictly before now.
   */
  static boolean isAvailable(Pod pod, int minReadySeconds, long nowNanos, Instant epoch) {
    if (!isReady(pod)) {
      return false;
    }
    if (minReadySeconds == 0) {
      return true;
    }
    PodCondition c = pod.status().condition(READY);
    if (c.lastTransitionTime() == null || c.lastTransitionTime().isEmpty()) {
      return false;
    }
    long readySince = nanos(c.lastTransitionTime(), epoch);
    return readySince + minReadySeconds * 1_000_000_000L < nowNanos;
  }

  /** The Ready condition's lastTransitionTime in loop nanos, or Long.MIN_VALUE when unset. */
  static long readySince(Pod pod, Instant epoch) {
    PodCondition c = pod.status().condition(READY);
    if (c == null || !"True".equals(c.status()) || c.lastTransitionTime() == null
        || c.lastTransitionTime().isEmpty()) {
      return Long.MIN_VALUE;
    }
    return nanos(c.lastTransitionTime(), epoch);
  }

  static boolean isControlledBy(ObjectMeta meta, String ownerUid) {
    OwnerReference ref = meta.controllerRef();
    return ref != null && ownerUid != null && ownerUid.equals(ref.uid());
  }

  /** An RFC 3339 timestamp as nanoseconds since the loop's epoch; Long.MIN_VALUE for none. */
  static long nanos(String timestamp, Instant epoch) {
    if (timestamp == null || timestamp.isEmpty()) {
      return Long.MIN_VALUE;
    }
    try {
      return Duration.between(epoch, Instant.parse(timestamp)).toNanos();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "timestamp: expected an RFC 3339 time, got \"" + timestamp + "\"");
    }
  }

  static int orZero(Integer v) {
    return v == null ? 0 : v;
  }
}
