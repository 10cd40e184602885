package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** {@code policyv1.PodDisruptionBudgetStatus}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodDisruptionBudgetStatus(
    Long observedGeneration,
    Map<String, String> disruptedPods,
    int disruptionsAllowed,
    int currentHealthy,
    int desiredHealthy,
    int expectedPods) {

  /** An instance with nothing set. */
  public static final PodDisruptionBudgetStatus EMPTY =
      new PodDisruptionBudgetStatus(null, null, 0, 0, 0, 0);

  public PodDisruptionBudgetStatus {
    disruptedPods = ApiCollections.strings(disruptedPods);
  }
}
