package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.ContainerImage}: an image present on a node. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerImage(
    List<String> names,
    Long sizeBytes) {

  public ContainerImage {
    names = ApiCollections.list(names);
  }
}
