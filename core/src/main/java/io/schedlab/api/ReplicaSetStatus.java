package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.ReplicaSetStatus}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReplicaSetStatus(
    int replicas,
    int fullyLabeledReplicas,
    int readyReplicas,
    int availableReplicas,
    Long observedGeneration) {

  /** An instance with nothing set. */
  public static final ReplicaSetStatus EMPTY = new ReplicaSetStatus(0, 0, 0, 0, null);
}
