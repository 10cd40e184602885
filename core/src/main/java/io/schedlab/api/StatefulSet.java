package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.StatefulSet}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StatefulSet(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    StatefulSetSpec spec,
    StatefulSetStatus status) implements KubeObject {

  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "StatefulSet";

  public StatefulSet {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? StatefulSetSpec.EMPTY : spec;
    status = status == null ? StatefulSetStatus.EMPTY : status;
  }

  /** A StatefulSet with the canonical apiVersion and kind. */
  public static StatefulSet of(ObjectMeta metadata, StatefulSetSpec spec,
      StatefulSetStatus status) {
    return new StatefulSet(API_VERSION, KIND, metadata, spec, status);
  }

  @Override
  public StatefulSet withMetadata(ObjectMeta metadata) {
    return new StatefulSet(apiVersion, kind, metadata, spec, status);
  }

  public StatefulSet withSpec(StatefulSetSpec spec) {
    return new StatefulSet(apiVersion, kind, metadata, spec, status);
  }

  public StatefulSet withStatus(StatefulSetStatus status) {
    return new StatefulSet(apiVersion, kind, metadata, spec, status);
  }
}
