package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.PodAntiAffinity}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodAntiAffinity(
    List<PodAffinityTerm> requiredDuringSchedulingIgnoredDuringExecution,
    List<WeightedPodAffinityTerm> preferredDuringSchedulingIgnoredDuringExecution) {

  /** An instance with nothing set. */
  public static final PodAntiAffinity EMPTY = new PodAntiAffinity(null, null);

  public PodAntiAffinity {
    requiredDuringSchedulingIgnoredDuringExecution =
        ApiCollections.list(requiredDuringSchedulingIgnoredDuringExecution);
    preferredDuringSchedulingIgnoredDuringExecution =
        ApiCollections.list(preferredDuringSchedulingIgnoredDuringExecution);
  }
}
