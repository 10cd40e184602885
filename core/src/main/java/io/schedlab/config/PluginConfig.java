package io.schedlab.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code v1.PluginConfig}: arguments for one plugin, kept as the JSON tree the user wrote; each
 * plugin reads and defaults its own arguments.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PluginConfig(String name, JsonNode args) {}
