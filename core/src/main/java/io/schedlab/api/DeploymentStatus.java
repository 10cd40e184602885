package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.DeploymentStatus}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeploymentStatus(
    Long observedGeneration,
    int replicas,
    int updatedReplicas,
    int readyReplicas,
    int availableReplicas,
    int unavailableReplicas) {

  /** An instance with nothing set. */
  public static final DeploymentStatus EMPTY = new DeploymentStatus(null, 0, 0, 0, 0, 0);
}
