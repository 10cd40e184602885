package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.NodeSelector}: terms ORed together. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeSelector(
    List<NodeSelectorTerm> nodeSelectorTerms) {

  /** An instance with nothing set. */
  public static final NodeSelector EMPTY = new NodeSelector(null);

  public NodeSelector {
    nodeSelectorTerms = ApiCollections.list(nodeSelectorTerms);
  }
}
