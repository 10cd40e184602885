package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** {@code v1.ResourceRequirements}: a resource list of requests and one of limits. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ResourceRequirements(
    Map<String, Quantity> requests,
    Map<String, Quantity> limits) {

  /** An instance with nothing set. */
  public static final ResourceRequirements EMPTY = new ResourceRequirements(null, null);

  public ResourceRequirements {
    requests = ApiCollections.quantities(requests);
    limits = ApiCollections.quantities(limits);
  }
}
