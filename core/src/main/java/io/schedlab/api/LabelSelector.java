package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code metav1.LabelSelector}. A null selector selects nothing, an empty one everything (see
 * {@code LabelSelectors}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LabelSelector(
    Map<String, String> matchLabels,
    List<LabelSelectorRequirement> matchExpressions) {

  /** An instance with nothing set. */
  public static final LabelSelector EMPTY = new LabelSelector(null, null);

  public LabelSelector {
    matchLabels = ApiCollections.strings(matchLabels);
    matchExpressions = ApiCollections.list(matchExpressions);
  }

  /** A selector of exactly these labels. */
  public static LabelSelector of(Map<String, String> matchLabels) {
    return new LabelSelector(matchLabels, null);
  }
}
