package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.LoadBalancerStatus}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LoadBalancerStatus(
    List<LoadBalancerIngress> ingress) {

  /** An instance with nothing set. */
  public static final LoadBalancerStatus EMPTY = new LoadBalancerStatus(null);

  public LoadBalancerStatus {
    ingress = ApiCollections.list(ingress);
  }
}
