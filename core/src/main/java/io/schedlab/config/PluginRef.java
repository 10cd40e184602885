package io.schedlab.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code v1.Plugin}: a plugin named in a plugin set. {@code weight} only matters for score plugins;
 * in a resolved {@link ProfileConfig} it is set for {@link ExtensionPoint#SCORE} and null elsewhere.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PluginRef(String name, Integer weight) {

  public static PluginRef named(String name) {
    return new PluginRef(name, null);
  }
}
