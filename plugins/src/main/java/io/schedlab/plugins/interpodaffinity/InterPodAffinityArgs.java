package io.schedlab.plugins.interpodaffinity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Upstream's InterPodAffinityArgs with its v1 defaults: {@code hardPodAffinityWeight} 1 (an
 * absent or null weight is defaulted, as v1 defaults a nil pointer), {@code
 * ignorePreferredTermsOfExistingPods} false.
 */
@JsonIgnoreProperties({"apiVersion", "kind"})
public record InterPodAffinityArgs(
    Integer hardPodAffinityWeight, boolean ignorePreferredTermsOfExistingPods) {
  public static final int DEFAULT_HARD_POD_AFFINITY_WEIGHT = 1;

  public InterPodAffinityArgs {
    if (hardPodAffinityWeight == null) {
      hardPodAffinityWeight = DEFAULT_HARD_POD_AFFINITY_WEIGHT;
    }
  }

  public static InterPodAffinityArgs defaults() {
    return new InterPodAffinityArgs(DEFAULT_HARD_POD_AFFINITY_WEIGHT, false);
  }
}
