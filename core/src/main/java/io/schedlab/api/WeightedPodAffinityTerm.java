package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.WeightedPodAffinityTerm}; the term is never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WeightedPodAffinityTerm(
    int weight,
    PodAffinityTerm podAffinityTerm) {

  public WeightedPodAffinityTerm {
    podAffinityTerm = podAffinityTerm == null
        ? new PodAffinityTerm(null, null, null, null, null, null)
        : podAffinityTerm;
  }
}
