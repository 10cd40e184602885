package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code metav1.LabelSelectorRequirement}: operator In, NotIn, Exists or DoesNotExist. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LabelSelectorRequirement(
    String key,
    String operator,
    List<String> values) {

  public LabelSelectorRequirement {
    values = ApiCollections.list(values);
  }
}
