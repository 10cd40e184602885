package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code policyv1.PodDisruptionBudgetSpec}; the selector may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodDisruptionBudgetSpec(
    IntOrString minAvailable,
    IntOrString maxUnavailable,
    LabelSelector selector,
    String unhealthyPodEvictionPolicy) {

  /** An instance with nothing set. */
  public static final PodDisruptionBudgetSpec EMPTY =
      new PodDisruptionBudgetSpec(null, null, null, null);
}
