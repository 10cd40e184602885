package io.schedlab.framework;

import java.util.HashSet;
import java.util.Set;

/**
 * A pod in the scheduling queue with its queue bookkeeping, as upstream's QueuedPodInfo. Times
 * are virtual nanoseconds.
 */
public final class QueuedPodInfo {
  private PodInfo pod;
  /** When the pod was last added to (or moved within) the queue: the QueueSort tie-breaker. */
  public long timestamp;
  /** When the pod first entered the queue, for queueing-delay metrics. */
  public long initialAttemptTimestamp = -1;
  public int attempts;
  /** Attempts that failed for reasons other than an Error, which drive the backoff. */
  public int unschedulableCount;
  /** Plugins that rejected the pod in its last attempt; the events they registered can move it. */
  public final Set<String> unschedulablePlugins = new HashSet<>();
  /** Plugins that returned Pending (PreEnqueue gates included). */
  public final Set<String> pendingPlugins = new HashSet<>();
  /** Whether a PreEnqueue plugin is keeping the pod out of activeQ. */
  public boolean gated;
  /** Insertion sequence, for a deterministic order among equal keys. */
  public long sequence;
  /** The message of the last failed attempt, in upstream's wording. */
  public String lastFailureMessage;

  public QueuedPodInfo(PodInfo pod) {
    this.pod = pod;
  }

  public PodInfo pod() {
    return pod;
  }

  public void setPod(PodInfo pod) {
    this.pod = pod;
  }

  @Override
  public String toString() {
    return pod.key();
  }
}
