package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.NamespaceStatus}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NamespaceStatus(
    String phase) {

  /** An instance with nothing set. */
  public static final NamespaceStatus EMPTY = new NamespaceStatus(null);
}
