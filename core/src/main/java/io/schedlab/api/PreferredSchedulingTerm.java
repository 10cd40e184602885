package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.PreferredSchedulingTerm}; {@code preference} is never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PreferredSchedulingTerm(
    int weight,
    NodeSelectorTerm preference) {

  public PreferredSchedulingTerm {
    preference = preference == null ? NodeSelectorTerm.EMPTY : preference;
  }
}
