package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.PodAffinity}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodAffinity(
    List<PodAffinityTerm> requiredDuringSchedulingIgnoredDuringExecution,
    List<WeightedPodAffinityTerm> preferredDuringSchedulingIgnoredDuringExecution) {

  /** An instance with nothing set. */
  public static final PodAffinity EMPTY = new PodAffinity(null, null);

  public PodAffinity {
    requiredDuringSchedulingIgnoredDuringExecution =
        ApiCollections.list(requiredDuringSchedulingIgnoredDuringExecution);
    preferredDuringSchedulingIgnoredDuringExecution =
        ApiCollections.list(preferredDuringSchedulingIgnoredDuringExecution);
  }
}
