package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.Node}. Metadata, spec and status are never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Node(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    NodeSpec spec,
    NodeStatus status) implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Node";

  public Node {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? NodeSpec.EMPTY : spec;
    status = status == null ? NodeStatus.EMPTY : status;
  }

  /** A Node with the canonical apiVersion and kind. */
  public static Node of(ObjectMeta metadata, NodeSpec spec, NodeStatus status) {
    return new Node(API_VERSION, KIND, metadata, spec, status);
  }

  @Override
  public Node withMetadata(ObjectMeta metadata) {
    return new Node(apiVersion, kind, metadata, spec, status);
  }

  public Node withSpec(NodeSpec spec) {
    return new Node(apiVersion, kind, metadata, spec, status);
  }

  public Node withStatus(NodeStatus status) {
    return new Node(apiVersion, kind, metadata, spec, status);
  }
}
