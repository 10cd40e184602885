package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code metrics.k8s.io/v1beta1 NodeMetrics}: a node's resource usage ({@code cpu}, {@code
 * memory}) measured over {@code window} ending at {@code timestamp}. Cluster-scoped, named after
 * its node.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeMetrics(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    String timestamp,
    String window,
    Map<String, Quantity> usage) implements KubeObject {

  public static final String API_VERSION = "metrics.k8s.io/v1beta1";
  public static final String KIND = "NodeMetrics";

  public NodeMetrics {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    usage = ApiCollections.quantities(usage);
  }

  /** A NodeMetrics with the canonical apiVersion and kind. */
  public static NodeMetrics of(ObjectMeta metadata, String timestamp, String window,
      Map<String, Quantity> usage) {
    return new NodeMetrics(API_VERSION, KIND, metadata, timestamp, window, usage);
  }

  @Override
  public NodeMetrics withMetadata(ObjectMeta metadata) {
    return new NodeMetrics(apiVersion, kind, metadata, timestamp, window, usage);
  }
}
