package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.PodTemplateSpec}: metadata and spec are never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodTemplateSpec(
    ObjectMeta metadata,
    PodSpec spec) {

  /** An instance with nothing set. */
  public static final PodTemplateSpec EMPTY = new PodTemplateSpec(null, null);

  public PodTemplateSpec {
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? PodSpec.EMPTY : spec;
  }
}
