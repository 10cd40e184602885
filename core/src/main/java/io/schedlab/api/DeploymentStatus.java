package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code appsv1.DeploymentStatus}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeploymentStatus(
    Long observedGeneration,
    int replicas,
    int updatedReplicas,
    int readyReplicas,
    int availableReplicas,
    int unavailableReplicas,
    List<DeploymentCondition> conditions) {

  /** An instance with nothing set. */
  public static final DeploymentStatus EMPTY = new DeploymentStatus(null, 0, 0, 0, 0, 0);

  public DeploymentStatus {
    conditions = ApiCollections.list(conditions);
  }

  /** The status without conditions (the record's arity before conditions were added). */
  public DeploymentStatus(Long observedGeneration, int replicas, int updatedReplicas,
      int readyReplicas, int availableReplicas, int unavailableReplicas) {
    this(observedGeneration, replicas, updatedReplicas, readyReplicas, availableReplicas,
        unavailableReplicas, null);
  }

  /** The condition of the given type, or null. */
  public DeploymentCondition condition(String type) {
    for (DeploymentCondition c : conditions) {
      if (type.equals(c.type())) {
        return c;
      }
    }
    return null;
  }
}
