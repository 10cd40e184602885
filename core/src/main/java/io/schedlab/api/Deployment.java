package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.Deployment}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Deployment(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    DeploymentSpec spec,
    DeploymentStatus status) implements KubeObject {

  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "Deployment";

  public Deployment {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? DeploymentSpec.EMPTY : spec;
    status = status == null ? DeploymentStatus.EMPTY : status;
  }

  /** A Deployment with the canonical apiVersion and kind. */
  public static Deployment of(ObjectMeta metadata, DeploymentSpec spec, DeploymentStatus status) {
    return new Deployment(API_VERSION, KIND, metadata, spec, status);
  }

  @Override
  public Deployment withMetadata(ObjectMeta metadata) {
    return new Deployment(apiVersion, kind, metadata, spec, status);
  }

  public Deployment withSpec(DeploymentSpec spec) {
    return new Deployment(apiVersion, kind, metadata, spec, status);
  }

  public Deployment withStatus(DeploymentStatus status) {
    return new Deployment(apiVersion, kind, metadata, spec, status);
  }
}
