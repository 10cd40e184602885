package io.schedlab.framework;

import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;

/** The calls a scheduler makes to the API server. Each returns the API server's answer as a status. */
public interface ClusterClient {
  /** The pods/binding subresource: sets spec.nodeName, failing if the pod is gone or already bound. */
  Status bind(PodInfo pod, String nodeName);

  /** Deletes a pod (preemption's eviction of a victim). */
  Status deletePod(Pod pod);

  /**
   * Adds the condition to the pod's status, replacing one of the same type (a status patch, as
   * preemption's DisruptionTarget condition on a victim).
   */
  Status setPodCondition(Pod pod, PodCondition condition);

  /** Sets or clears status.nominatedNodeName. */
  Status setNominatedNodeName(Pod pod, String nodeName);

  /** Records the PodScheduled=False condition with upstream's reason and message. */
  Status setUnschedulableCondition(Pod pod, String reason, String message);
}
