package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.ReplicaSetSpec}; {@code template} is never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReplicaSetSpec(
    Integer replicas,
    LabelSelector selector,
    PodTemplateSpec template,
    Integer minReadySeconds) {

  /** An instance with nothing set. */
  public static final ReplicaSetSpec EMPTY = new ReplicaSetSpec(null, null, null, null);

  public ReplicaSetSpec {
    template = template == null ? PodTemplateSpec.EMPTY : template;
  }

  public ReplicaSetSpec withReplicas(Integer replicas) {
    return new ReplicaSetSpec(replicas, selector, template, minReadySeconds);
  }
}
