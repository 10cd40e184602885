package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.Endpoints}: a Service's pod addresses, named as the Service. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Endpoints(String apiVersion, String kind, ObjectMeta metadata,
    List<EndpointSubset> subsets) implements KubeObject {
  public static final String API_VERSION = "v1";
  public static final String KIND = "Endpoints";

  public Endpoints {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    subsets = subsets == null ? List.of() : List.copyOf(subsets);
  }

  public static Endpoints of(ObjectMeta metadata, List<EndpointSubset> subsets) {
    return new Endpoints(API_VERSION, KIND, metadata, subsets);
  }

  @Override
  public Endpoints withMetadata(ObjectMeta metadata) {
    return new Endpoints(apiVersion, kind, metadata, subsets);
  }

  public Endpoints withSubsets(List<EndpointSubset> subsets) {
    return new Endpoints(apiVersion, kind, metadata, subsets);
  }
}
