package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code coordinationv1.Lease}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Lease(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    LeaseSpec spec) implements KubeObject {

  public static final String API_VERSION = "coordination.k8s.io/v1";
  public static final String KIND = "Lease";

  public Lease {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? LeaseSpec.EMPTY : spec;
  }

  /** A Lease with the canonical apiVersion and kind. */
  public static Lease of(ObjectMeta metadata, LeaseSpec spec) {
    return new Lease(API_VERSION, KIND, metadata, spec);
  }

  @Override
  public Lease withMetadata(ObjectMeta metadata) {
    return new Lease(apiVersion, kind, metadata, spec);
  }

  public Lease withSpec(LeaseSpec spec) {
    return new Lease(apiVersion, kind, metadata, spec);
  }
}
