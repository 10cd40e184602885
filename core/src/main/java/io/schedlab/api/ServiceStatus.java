package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.ServiceStatus}; {@code loadBalancer} is never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceStatus(
    LoadBalancerStatus loadBalancer) {

  /** An instance with nothing set. */
  public static final ServiceStatus EMPTY = new ServiceStatus(null);

  public ServiceStatus {
    loadBalancer = loadBalancer == null ? LoadBalancerStatus.EMPTY : loadBalancer;
  }
}
