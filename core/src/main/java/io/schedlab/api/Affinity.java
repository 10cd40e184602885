package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.Affinity}; each part may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Affinity(
    NodeAffinity nodeAffinity,
    PodAffinity podAffinity,
    PodAntiAffinity podAntiAffinity) {

  /** An instance with nothing set. */
  public static final Affinity EMPTY = new Affinity(null, null, null);
}
