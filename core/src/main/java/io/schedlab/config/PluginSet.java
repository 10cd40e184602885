package io.schedlab.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code v1.PluginSet}: plugins enabled at one extension point, in order, and plugins disabled
 * there ({@code *} disables every default). Absent lists are empty; elements are kept as written,
 * nulls included, so validation can point at them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PluginSet(List<PluginRef> enabled, List<PluginRef> disabled) {

  public PluginSet {
    enabled = copy(enabled);
    disabled = copy(disabled);
  }

  public static PluginSet empty() {
    return new PluginSet(List.of(), List.of());
  }

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
