package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.ReplicaSet}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReplicaSet(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    ReplicaSetSpec spec,
    ReplicaSetStatus status) implements KubeObject {

  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "ReplicaSet";

  public ReplicaSet {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? ReplicaSetSpec.EMPTY : spec;
    status = status == null ? ReplicaSetStatus.EMPTY : status;
  }

  /** A ReplicaSet with the canonical apiVersion and kind. */
  public static ReplicaSet of(ObjectMeta metadata, ReplicaSetSpec spec, ReplicaSetStatus status) {
    return new ReplicaSet(API_VERSION, KIND, metadata, spec, status);
  }

  @Override
  public ReplicaSet withMetadata(ObjectMeta metadata) {
    return new ReplicaSet(apiVersion, kind, metadata, spec, status);
  }

  public ReplicaSet withSpec(ReplicaSetSpec spec) {
    return new ReplicaSet(apiVersion, kind, metadata, spec, status);
  }

  public ReplicaSet withStatus(ReplicaSetStatus status) {
    return new ReplicaSet(apiVersion, kind, metadata, spec, status);
  }
}
