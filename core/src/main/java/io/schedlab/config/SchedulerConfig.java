package io.schedlab.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resolved scheduler configuration the runtime consumes: upstream defaults applied, every
 * profile's plugins merged with the default set and expanded, everything validated.
 *
 * @param percentageOfNodesToScore the global value; 0 = adaptive
 * @param droppedDefaults upstream default plugins left out because the plugin catalog lacks them
 *     (those in {@link #NOT_MODELLED}, and any other the catalog does not have yet), in default
 *     order, each once; empty when nothing was dropped
 */
public record SchedulerConfig(
    int parallelism,
    int percentageOfNodesToScore,
    long podInitialBackoffSeconds,
    long podMaxBackoffSeconds,
    List<ProfileConfig> profiles,
    List<String> droppedDefaults) {

  public static final String DEFAULT_SCHEDULER_NAME = "default-scheduler";
  public static final int DEFAULT_PARALLELISM = 16;
  public static final long DEFAULT_POD_INITIAL_BACKOFF_SECONDS = 1;
  public static final long DEFAULT_POD_MAX_BACKOFF_SECONDS = 10;

  /**
   * Upstream default plugins schedlab does not model yet. When the catalog lacks one, the default
   * set leaves it out silently (listed in {@link #droppedDefaults()}); a user who names one gets
   * an unknown-plugin error that says so.
   */
  public static final Set<String> NOT_MODELLED = DefaultPlugins.orderedSet(
      "VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone", "DynamicResources");

  public SchedulerConfig {
    profiles = List.copyOf(profiles);
    droppedDefaults = droppedDefaults == null ? List.of() : List.copyOf(droppedDefaults);
  }

  /** The same configuration with another parallelism; placements do not depend on it. */
  public SchedulerConfig withParallelism(int threads) {
    return new SchedulerConfig(threads, percentageOfNodesToScore, podInitialBackoffSeconds,
        podMaxBackoffSeconds, profiles, droppedDefaults);
  }

  public SchedulerConfig(
      int parallelism,
      int percentageOfNodesToScore,
      long podInitialBackoffSeconds,
      long podMaxBackoffSeconds,
      List<ProfileConfig> profiles) {
    this(parallelism, percentageOfNodesToScore, podInitialBackoffSeconds, podMaxBackoffSeconds,
        profiles, List.of());
  }

  /** The configuration of a scheduler started without a config file. */
  public static SchedulerConfig defaults(PluginCatalog catalog) {
    return ConfigResolver.resolve(KubeSchedulerConfiguration.empty(), "defaults", catalog);
  }

  public Optional<ProfileConfig> profile(String schedulerName) {
    for (ProfileConfig profile : profiles) {
      if (profile.schedulerName().equals(schedulerName)) {
        return Optional.of(profile);
      }
    }
    return Optional.empty();
  }
}
