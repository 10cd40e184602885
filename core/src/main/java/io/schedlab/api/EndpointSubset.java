package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.EndpointSubset}: ready and not-ready addresses sharing ports. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EndpointSubset(List<EndpointAddress> addresses,
    List<EndpointAddress> notReadyAddresses, List<EndpointPort> ports) {
  public EndpointSubset {
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
    notReadyAddresses = notReadyAddresses == null ? List.of() : List.copyOf(notReadyAddresses);
    ports = ports == null ? List.of() : List.copyOf(ports);
  }
}
