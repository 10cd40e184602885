package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.Service}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Service(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    ServiceSpec spec,
    ServiceStatus status) implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Service";

  public Service {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? ServiceSpec.EMPTY : spec;
    status = status == null ? ServiceStatus.EMPTY : status;
  }

  /** A Service with the canonical apiVersion and kind. */
  public static Service of(ObjectMeta metadata, ServiceSpec spec, ServiceStatus status) {
    return new Service(API_VERSION, KIND, metadata, spec, status);
  }

  @Override
  public Service withMetadata(ObjectMeta metadata) {
    return new Service(apiVersion, kind, metadata, spec, status);
  }

  public Service withSpec(ServiceSpec spec) {
    return new Service(apiVersion, kind, metadata, spec, status);
  }

  public Service withStatus(ServiceStatus status) {
    return new Service(apiVersion, kind, metadata, spec, status);
  }
}
