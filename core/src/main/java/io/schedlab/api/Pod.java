package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.Pod}. Metadata, spec and status are never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Pod(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    PodSpec spec,
    PodStatus status) implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Pod";

  public Pod {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? PodSpec.EMPTY : spec;
    status = status == null ? PodStatus.EMPTY : status;
  }

  /** A Pod with the canonical apiVersion and kind. */
  public static Pod of(ObjectMeta metadata, PodSpec spec, PodStatus status) {
    return new Pod(API_VERSION, KIND, metadata, spec, status);
  }

  @Override
  public Pod withMetadata(ObjectMeta metadata) {
    return new Pod(apiVersion, kind, metadata, spec, status);
  }

  public Pod withSpec(PodSpec spec) {
    return new Pod(apiVersion, kind, metadata, spec, status);
  }

  public Pod withStatus(PodStatus status) {
    return new Pod(apiVersion, kind, metadata, spec, status);
  }

  /** A copy bound to the node (or unbound for null). */
  public Pod withNodeName(String nodeName) {
    return new Pod(apiVersion, kind, metadata, spec.withNodeName(nodeName), status);
  }
}
