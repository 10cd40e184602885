package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.DeploymentSpec}; {@code template} and {@code strategy} are never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeploymentSpec(
    Integer replicas,
    LabelSelector selector,
    PodTemplateSpec template,
    DeploymentStrategy strategy,
    Integer minReadySeconds,
    Integer revisionHistoryLimit,
    Boolean paused,
    Integer progressDeadlineSeconds) {

  /** An instance with nothing set. */
  public static final DeploymentSpec EMPTY =
      new DeploymentSpec(null, null, null, null, null, null, null, null);

  public DeploymentSpec {
    template = template == null ? PodTemplateSpec.EMPTY : template;
    strategy = strategy == null ? DeploymentStrategy.EMPTY : strategy;
  }

  public DeploymentSpec withReplicas(Integer replicas) {
    return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds,
        revisionHistoryLimit, paused, progressDeadlineSeconds);
  }
}
