package io.schedlab.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration} as written in the file: the
 * fields schedlab uses, nothing defaulted. Fields of the API that only matter to a real
 * kube-scheduler process (clientConnection, leaderElection, ...) are ignored. An absent
 * {@code profiles} is empty.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KubeSchedulerConfiguration(
    String apiVersion,
    String kind,
    Integer parallelism,
    Integer percentageOfNodesToScore,
    Long podInitialBackoffSeconds,
    Long podMaxBackoffSeconds,
    List<KubeSchedulerProfile> profiles) {

  public static final String API_VERSION = "kubescheduler.config.k8s.io/v1";
  public static final String KIND = "KubeSchedulerConfiguration";

  public KubeSchedulerConfiguration {
    profiles = PluginSet.copy(profiles);
  }

  /** A configuration with every field left to its default. */
  public static KubeSchedulerConfiguration empty() {
    return new KubeSchedulerConfiguration(API_VERSION, KIND, null, null, null, null, List.of());
  }
}
