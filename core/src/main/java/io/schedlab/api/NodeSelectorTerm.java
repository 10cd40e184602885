package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.NodeSelectorTerm}: requirements ANDed together; an empty term matches no node. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeSelectorTerm(
    List<NodeSelectorRequirement> matchExpressions,
    List<NodeSelectorRequirement> matchFields) {

  /** An instance with nothing set. */
  public static final NodeSelectorTerm EMPTY = new NodeSelectorTerm(null, null);

  public NodeSelectorTerm {
    matchExpressions = ApiCollections.list(matchExpressions);
    matchFields = ApiCollections.list(matchFields);
  }
}
