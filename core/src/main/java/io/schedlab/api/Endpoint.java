package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code discoveryv1.Endpoint}: one pod in an EndpointSlice. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Endpoint(List<String> addresses, EndpointConditions conditions, String hostname,
    String nodeName, ObjectReference targetRef) {
  public Endpoint {
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
  }
}
