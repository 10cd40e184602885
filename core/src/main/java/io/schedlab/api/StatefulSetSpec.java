package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.StatefulSetSpec}; {@code template} is never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StatefulSetSpec(
    Integer replicas,
    LabelSelector selector,
    PodTemplateSpec template,
    String serviceName,
    String podManagementPolicy,
    Integer minReadySeconds) {

  /** An instance with nothing set. */
  public static final StatefulSetSpec EMPTY =
      new StatefulSetSpec(null, null, null, null, null, null);

  public StatefulSetSpec {
    template = template == null ? PodTemplateSpec.EMPTY : template;
  }

  public StatefulSetSpec withReplicas(Integer replicas) {
    return new StatefulSetSpec(replicas, selector, template, serviceName, podManagementPolicy,
        minReadySeconds);
  }
}
