package io.schedlab.scheduler;

import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;

/** Observes scheduling outcomes, in virtual time (nanoseconds). Default methods do nothing. */
public interface SchedulerListener {
  /** A pod was assumed on a node at the end of a successful scheduling cycle. */
  default void onAssumed(PodInfo pod, String nodeName, long nowNanos) {}

  /** The binding cycle finished: the pod is bound. */
  default void onBound(PodInfo pod, String nodeName, long nowNanos) {}

  /** An attempt failed; {@code message} is upstream's (e.g. the FitError message). */
  default void onFailure(PodInfo pod, Status status, String message, long nowNanos) {}

  /** A pod is not scheduled by this scheduler: no profile has its schedulerName. */
  default void onIgnored(PodInfo pod, String reason) {}
}
