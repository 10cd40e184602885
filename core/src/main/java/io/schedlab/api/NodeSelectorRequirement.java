package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.NodeSelectorRequirement}: operator In, NotIn, Exists, DoesNotExist, Gt or Lt. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeSelectorRequirement(
    String key,
    String operator,
    List<String> values) {

  public NodeSelectorRequirement {
    values = ApiCollections.list(values);
  }
}
