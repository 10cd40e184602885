package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** {@code v1.ServiceSpec}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceSpec(
    Map<String, String> selector,
    List<ServicePort> ports,
    String type,
    String clusterIP,
    List<String> clusterIPs) {

  /** An instance with nothing set. */
  public static final ServiceSpec EMPTY = new ServiceSpec(null, null, null, null, null);

  public ServiceSpec {
    selector = ApiCollections.strings(selector);
    ports = ApiCollections.list(ports);
    clusterIPs = ApiCollections.list(clusterIPs);
  }
}
