package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.DaemonSetSpec}; {@code template} is never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DaemonSetSpec(
    LabelSelector selector,
    PodTemplateSpec template,
    Integer minReadySeconds) {

  /** An instance with nothing set. */
  public static final DaemonSetSpec EMPTY = new DaemonSetSpec(null, null, null);

  public DaemonSetSpec {
    template = template == null ? PodTemplateSpec.EMPTY : template;
  }
}
