package io.schedlab.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code v1.KubeSchedulerProfile} as written in the file: nothing defaulted. An absent
 * {@code pluginConfig} is empty.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KubeSchedulerProfile(
    String schedulerName,
    Integer percentageOfNodesToScore,
    Plugins plugins,
    List<PluginConfig> pluginConfig) {

  public KubeSchedulerProfile {
    pluginConfig = PluginSet.copy(pluginConfig);
  }
}
