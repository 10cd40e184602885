package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.NodeAffinity}; the required selector may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeAffinity(
    NodeSelector requiredDuringSchedulingIgnoredDuringExecution,
    List<PreferredSchedulingTerm> preferredDuringSchedulingIgnoredDuringExecution) {

  /** An instance with nothing set. */
  public static final NodeAffinity EMPTY = new NodeAffinity(null, null);

  public NodeAffinity {
    preferredDuringSchedulingIgnoredDuringExecution =
        ApiCollections.list(preferredDuringSchedulingIgnoredDuringExecution);
  }
}
