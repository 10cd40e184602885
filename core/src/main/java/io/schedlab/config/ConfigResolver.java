package io.schedlab.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a raw {@link KubeSchedulerConfiguration} into a {@link SchedulerConfig}: upstream
 * defaulting (pkg/scheduler/apis/config/v1/defaults.go), then validation with the rules of
 * upstream's config validation, framework construction and profile map, failing at the first
 * problem with its field path.
 */
final class ConfigResolver {
  private final String source;
  private final PluginCatalog catalog;

  private ConfigResolver(String source, PluginCatalog catalog) {
    this.source = source;
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  static SchedulerConfig resolve(
      KubeSchedulerConfiguration raw, String source, PluginCatalog catalog) {
    return new ConfigResolver(source, catalog).resolve(raw);
  }

  private SchedulerConfig resolve(KubeSchedulerConfiguration raw) {
    int parallelism = raw.parallelism() == null
        ? SchedulerConfig.DEFAULT_PARALLELISM
        : raw.parallelism();
    if (parallelism <= 0) {
      throw fail("parallelism", "must be greater than 0, got " + parallelism);
    }
    int percentage = raw.percentageOfNodesToScore() == null
        ? 0
        : percentage("percentageOfNodesToScore", raw.percentageOfNodesToScore());
    long initialBackoff = raw.podInitialBackoffSeconds() == null
        ? SchedulerConfig.DEFAULT_POD_INITIAL_BACKOFF_SECONDS
        : raw.podInitialBackoffSeconds();
    if (initialBackoff <= 0) {
      throw fail("podInitialBackoffSeconds", "must be greater than 0, got " + initialBackoff);
    }
    long maxBackoff = raw.podMaxBackoffSeconds() == null
        ? SchedulerConfig.DEFAULT_POD_MAX_BACKOFF_SECONDS
        : raw.podMaxBackoffSeconds();
    if (maxBackoff <= 0) {
      throw fail("podMaxBackoffSeconds", "must be greater than 0, got " + maxBackoff);
    }
    if (maxBackoff < initialBackoff) {
      throw fail("podMaxBackoffSeconds", "must be greater than or equal to"
          + " podInitialBackoffSeconds (" + initialBackoff + "), got " + maxBackoff);
    }

    List<KubeSchedulerProfile> rawProfiles = raw.profiles().isEmpty()
        ? List.of(new KubeSchedulerProfile(null, null, null, null))
        : raw.profiles();
    List<ProfileConfig> profiles = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    LinkedHashSet<String> dropped = new LinkedHashSet<>();
    for (int i = 0; i < rawProfiles.size(); i++) {
      String path = "profiles[" + i + "]";
      KubeSchedulerProfile profile = rawProfiles.get(i);
      if (profile == null) {
        throw fail(path, "must be a mapping, got null");
      }
      String name = profileName(path, profile.schedulerName(), rawProfiles.size());
      Integer first = names.putIfAbsent(name, i);
      if (first != null) {
        throw fail(path + ".schedulerName", "duplicate scheduler name \"" + name
            + "\" (also profiles[" + first + "].schedulerName)");
      }
      int profilePercentage = profile.percentageOfNodesToScore() == null
          ? percentage
          : percentage(path + ".percentageOfNodesToScore", profile.percentageOfNodesToScore());
      profiles.add(new ProfileResolver(source, catalog, path)
          .resolve(name, profilePercentage, profile, dropped));
    }
    requireCommonQueueSort(profiles);
    return new SchedulerConfig(parallelism, percentage, initialBackoff, maxBackoff, profiles,
        List.copyOf(dropped));
  }

  /** Upstream names a lone profile without a name; with several, each must be named. */
  private String profileName(String path, String name, int profileCount) {
    if (name == null) {
      if (profileCount == 1) {
        return SchedulerConfig.DEFAULT_SCHEDULER_NAME;
      }
      throw fail(path + ".schedulerName", "required when there is more than one profile");
    }
    if (name.isEmpty()) {
      throw fail(path + ".schedulerName", "must not be empty");
    }
    return name;
  }

  private int percentage(String field, int value) {
    if (value < 0 || value > 100) {
      throw fail(field, "must be between 0 and 100 (0 = adaptive), got " + value);
    }
    return value;
  }

  /** There is one scheduling queue, so every profile must sort it the same way. */
  private void requireCommonQueueSort(List<ProfileConfig> profiles) {
    ProfileConfig first = profiles.get(0);
    String queueSort = first.pluginsAt(ExtensionPoint.QUEUE_SORT).get(0).name();
    JsonNode args = first.pluginArgs().get(queueSort);
    for (int i = 1; i < profiles.size(); i++) {
      ProfileConfig profile = profiles.get(i);
      String other = profile.pluginsAt(ExtensionPoint.QUEUE_SORT).get(0).name();
      if (!other.equals(queueSort)) {
        throw fail("profiles[" + i + "].plugins.queueSort", "must be the same for all profiles:"
            + " profiles[0] uses \"" + queueSort + "\", this profile \"" + other + "\"");
      }
      if (!sameArgs(args, profile.pluginArgs().get(queueSort))) {
        throw fail("profiles[" + i + "].pluginConfig", "args of queue sort plugin \""
            + queueSort + "\" must be the same for all profiles");
      }
    }
  }

  private static boolean sameArgs(JsonNode a, JsonNode b) {
    boolean aEmpty = a == null || a.isEmpty();
    boolean bEmpty = b == null || b.isEmpty();
    return aEmpty && bEmpty || Objects.equals(a, b);
  }

  private ConfigException fail(String field, String problem) {
    return ConfigException.atField(source, field, problem);
  }
}
