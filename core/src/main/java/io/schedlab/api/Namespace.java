package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.Namespace}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Namespace(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    NamespaceStatus status) implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Namespace";

  public Namespace {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    status = status == null ? NamespaceStatus.EMPTY : status;
  }

  /** A Namespace with the canonical apiVersion and kind. */
  public static Namespace of(ObjectMeta metadata, NamespaceStatus status) {
    return new Namespace(API_VERSION, KIND, metadata, status);
  }

  @Override
  public Namespace withMetadata(ObjectMeta metadata) {
    return new Namespace(apiVersion, kind, metadata, status);
  }

  public Namespace withStatus(NamespaceStatus status) {
    return new Namespace(apiVersion, kind, metadata, status);
  }
}
