package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.DaemonSet}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DaemonSet(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    DaemonSetSpec spec,
    DaemonSetStatus status) implements KubeObject {

  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "DaemonSet";

  public DaemonSet {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? DaemonSetSpec.EMPTY : spec;
    status = status == null ? DaemonSetStatus.EMPTY : status;
  }

  /** A DaemonSet with the canonical apiVersion and kind. */
  public static DaemonSet of(ObjectMeta metadata, DaemonSetSpec spec, DaemonSetStatus status) {
    return new DaemonSet(API_VERSION, KIND, metadata, spec, status);
  }

  @Override
  public DaemonSet withMetadata(ObjectMeta metadata) {
    return new DaemonSet(apiVersion, kind, metadata, spec, status);
  }

  public DaemonSet withSpec(DaemonSetSpec spec) {
    return new DaemonSet(apiVersion, kind, metadata, spec, status);
  }

  public DaemonSet withStatus(DaemonSetStatus status) {
    return new DaemonSet(apiVersion, kind, metadata, spec, status);
  }
}
