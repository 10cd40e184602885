package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.StatefulSetStatus}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StatefulSetStatus(
    Long observedGeneration,
    int replicas,
    int readyReplicas,
    int currentReplicas,
    int updatedReplicas,
    int availableReplicas) {

  /** An instance with nothing set. */
  public static final StatefulSetStatus EMPTY = new StatefulSetStatus(null, 0, 0, 0, 0, 0);
}
