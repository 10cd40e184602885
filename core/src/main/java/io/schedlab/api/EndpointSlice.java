package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code discovery.k8s.io/v1 EndpointSlice}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EndpointSlice(String apiVersion, String kind, ObjectMeta metadata,
    String addressType, List<Endpoint> endpoints, List<EndpointPort> ports) implements KubeObject {
  public static final String API_VERSION = "discovery.k8s.io/v1";
  public static final String KIND = "EndpointSlice";
  /** The label that ties a slice to its Service. */
  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
  /** The label naming the controller that manages a slice. */
  public static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";

  public EndpointSlice {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  @Override
  public EndpointSlice withMetadata(ObjectMeta metadata) {
    return new EndpointSlice(apiVersion, kind, metadata, addressType, endpoints, ports);
  }

  public EndpointSlice withEndpoints(List<Endpoint> endpoints, List<EndpointPort> ports) {
    return new EndpointSlice(apiVersion, kind, metadata, addressType, endpoints, ports);
  }
}
