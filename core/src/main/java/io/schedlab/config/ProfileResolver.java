package io.schedlab.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves one profile: checks the plugin names the user wrote, merges the user's plugin sets
 * with the default set, expands multiPoint into the extension points, resolves score weights and
 * checks what the framework needs (one queue sort plugin, a bind plugin).
 *
 * <p>Merge and expansion follow upstream: the merge of
 * pkg/scheduler/apis/config/v1/default_plugins.go, then {@code expandMultiPointPlugins} and
 * {@code getScoreWeights} of pkg/scheduler/framework/runtime/framework.go.
 */
final class ProfileResolver {
  private final String source;
  private final PluginCatalog catalog;
  private final String path;

  ProfileResolver(String source, PluginCatalog catalog, String path) {
    this.source = source;
    this.catalog = catalog;
    this.path = path;
  }

  /** Adds to {@code dropped} the default plugins left out because schedlab does not model them. */
  ProfileConfig resolve(String name, int percentage, KubeSchedulerProfile profile,
      Set<String> dropped) {
    Plugins plugins = profile.plugins();
    for (ExtensionPoint point : ExtensionPoint.values()) {
      checkUserSet(plugins == null ? null : plugins.at(point), point, setPath(point.configName()));
    }
    PluginSet userMultiPoint = plugins == null ? null : plugins.multiPoint();
    checkUserSet(userMultiPoint, null, setPath("multiPoint"));
    Map<String, JsonNode> args = pluginArgs(profile.pluginConfig());

    List<PluginRef> multiPoint = multiPointPlugins(
        PluginSetMerge.merge(DefaultPlugins.MULTI_POINT, userMultiPoint), dropped);
    Map<ExtensionPoint, List<PluginRef>> expanded = new EnumMap<>(ExtensionPoint.class);
    PluginSetMerge.Merged score = null;
    for (ExtensionPoint point : ExtensionPoint.values()) {
      // The v1 defaults are all in multiPoint, so a specific point merges with nothing.
      PluginSetMerge.Merged merged =
          PluginSetMerge.merge(List.of(), plugins == null ? null : plugins.at(point));
      if (point == ExtensionPoint.SCORE) {
        score = merged;
      }
      expanded.put(point, expand(point, merged, multiPoint));
    }
    expanded.put(ExtensionPoint.SCORE,
        weighted(expanded.get(ExtensionPoint.SCORE), score, multiPoint));

    List<PluginRef> queueSort = expanded.get(ExtensionPoint.QUEUE_SORT);
    if (queueSort.size() != 1) {
      throw fail(setPath("queueSort"), "exactly one queue sort plugin is required, got "
          + queueSort.size() + (queueSort.isEmpty() ? "" : " (" + names(queueSort) + ")"));
    }
    if (expanded.get(ExtensionPoint.BIND).isEmpty()) {
      throw fail(setPath("bind"), "at least one bind plugin is required, got none");
    }
    return new ProfileConfig(name, percentage, expanded, args);
  }

  /** Checks one plugin set as the user wrote it; {@code point} is null for multiPoint. */
  private void checkUserSet(PluginSet set, ExtensionPoint point, String setPath) {
    if (set == null) {
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < set.enabled().size(); j++) {
      String refPath = setPath + ".enabled[" + j + "]";
      PluginRef ref = set.enabled().get(j);
      String name = requireName(ref, refPath);
      if (name.equals("*")) {
        throw fail(refPath + ".name", "\"*\" is only allowed in disabled");
      }
      if (!catalog.contains(name)) {
        throw fail(refPath + ".name", PluginNameAdvice.unknownPlugin(name, point, catalog));
      }
      Set<ExtensionPoint> implemented = catalog.extensionPoints(name);
      if (point != null && !implemented.contains(point)) {
        throw fail(refPath + ".name", "plugin \"" + name + "\" does not extend "
            + point.configName() + "; it implements " + PluginNameAdvice.describe(implemented));
      }
      Integer first = seen.putIfAbsent(name, j);
      if (first != null) {
        throw fail(refPath + ".name",
            "plugin \"" + name + "\" is enabled twice (also enabled[" + first + "])");
      }
      boolean scores = point == ExtensionPoint.SCORE
          || point == null && implemented.contains(ExtensionPoint.SCORE);
      if (scores && ref.weight() != null && ref.weight() <= 0) {
        throw fail(refPath + ".weight", "must be a positive integer, got " + ref.weight());
      }
    }
    for (int k = 0; k < set.disabled().size(); k++) {
      String refPath = setPath + ".disabled[" + k + "]";
      String name = requireName(set.disabled().get(k), refPath);
      // Disabling a plugin schedlab does not run, or one upstream removed, changes nothing;
      // accepting it keeps configurations written for kube-scheduler loadable.
      boolean harmless = name.equals("*") || catalog.contains(name)
          || SchedulerConfig.NOT_MODELLED.contains(name)
          || DefaultPlugins.REMOVED_UPSTREAM.contains(name);
      if (!harmless) {
        throw fail(refPath + ".name", PluginNameAdvice.unknownPlugin(name, point, catalog));
      }
    }
  }

  private String requireName(PluginRef ref, String refPath) {
    if (ref == null) {
      throw fail(refPath, "must be a mapping with a name, got null");
    }
    if (ref.name() == null || ref.name().isBlank()) {
      throw fail(refPath + ".name", "required");
    }
    return ref.name();
  }

  private Map<String, JsonNode> pluginArgs(List<PluginConfig> pluginConfig) {
    Map<String, JsonNode> args = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int k = 0; k < pluginConfig.size(); k++) {
      String configPath = path + ".pluginConfig[" + k + "]";
      PluginConfig config = pluginConfig.get(k);
      if (config == null) {
        throw fail(configPath, "must be a mapping with a name, got null");
      }
      String name = config.name();
      if (name == null || name.isBlank()) {
        throw fail(configPath + ".name", "required");
      }
      if (!catalog.contains(name)) {
        throw fail(configPath + ".name", PluginNameAdvice.unknownPlugin(name, null, catalog));
      }
      Integer first = seen.putIfAbsent(name, k);
      if (first != null) {
        throw fail(configPath + ".name", "duplicate config for plugin \"" + name
            + "\" (also pluginConfig[" + first + "])");
      }
      JsonNode value = config.args();
      if (value == null || value.isNull() || value.isMissingNode()) {
        continue;
      }
      if (!value.isObject()) {
        throw fail(configPath + ".args", "must be a mapping, got " + JsonValues.describe(value));
      }
      args.put(name, value);
    }
    return args;
  }

  /**
   * The merged multiPoint list the catalog can run. A default the catalog lacks is dropped and
   * reported in {@code dropped}, so that a catalog still growing towards upstream's full set
   * (or a research catalog that leaves defaults out) runs what it has and says what it left out.
   */
  private List<PluginRef> multiPointPlugins(PluginSetMerge.Merged merged, Set<String> dropped) {
    List<PluginRef> plugins = new ArrayList<>();
    for (PluginSetMerge.Entry entry : merged.enabled()) {
      String name = entry.ref().name();
      if (!entry.fromDefault() || catalog.contains(name)) {
        plugins.add(entry.ref());
      } else {
        dropped.add(name);
      }
    }
    return plugins;
  }

  /**
   * The plugins of one extension point after multiPoint expansion. Plugins the user enabled at
   * this point that multiPoint also names come first, in the user's order; then the multiPoint
   * plugins that implement this point and are not disabled here, in multiPoint order; then the
   * rest of the user's plugins. With {@code *} disabled, only the user's plugins are used.
   */
  private List<PluginRef> expand(
      ExtensionPoint point, PluginSetMerge.Merged merged, List<PluginRef> multiPoint) {
    LinkedHashSet<String> enabled = new LinkedHashSet<>();
    for (PluginSetMerge.Entry entry : merged.enabled()) {
      if (!enabled.add(entry.ref().name())) {
        throw fail(setPath(point.configName()), "plugin \"" + entry.ref().name()
            + "\" is already registered as " + point.configName() + " plugin");
      }
    }
    if (merged.disabled().contains("*")) {
      return refs(enabled);
    }
    LinkedHashSet<String> overrides = new LinkedHashSet<>();
    LinkedHashSet<String> fromMultiPoint = new LinkedHashSet<>();
    for (PluginRef ref : multiPoint) {
      String name = ref.name();
      if (!catalog.extensionPoints(name).contains(point) || merged.disabled().contains(name)) {
        continue;
      }
      if (enabled.contains(name)) {
        overrides.add(name);
      } else if (!fromMultiPoint.add(name)) {
        throw fail(setPath("multiPoint"), "plugin \"" + name + "\" is already registered as "
            + point.configName() + " plugin");
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String name : enabled) {
      if (overrides.contains(name)) {
        ordered.add(name);
      }
    }
    ordered.addAll(fromMultiPoint);
    for (String name : enabled) {
      if (!overrides.contains(name)) {
        ordered.add(name);
      }
    }
    return refs(ordered);
  }

  /**
   * Score plugins with weights: a plugin's weight comes from its first entry in the score set,
   * else in multiPoint; unset means 1. (Upstream also guards the weighted total against int64
   * overflow, which int32 weights cannot reach with any realistic number of plugins.)
   */
  private List<PluginRef> weighted(
      List<PluginRef> scorePlugins, PluginSetMerge.Merged score, List<PluginRef> multiPoint) {
    Map<String, Integer> weights = new HashMap<>();
    for (PluginSetMerge.Entry entry : score.enabled()) {
      weights.putIfAbsent(entry.ref().name(), weightOf(entry.ref()));
    }
    for (PluginRef ref : multiPoint) {
      weights.putIfAbsent(ref.name(), weightOf(ref));
    }
    List<PluginRef> result = new ArrayList<>(scorePlugins.size());
    for (PluginRef ref : scorePlugins) {
      result.add(new PluginRef(ref.name(), weights.get(ref.name())));
    }
    return result;
  }

  private static int weightOf(PluginRef ref) {
    return ref.weight() == null || ref.weight() == 0 ? 1 : ref.weight();
  }

  private static List<PluginRef> refs(Iterable<String> names) {
    List<PluginRef> refs = new ArrayList<>();
    for (String name : names) {
      refs.add(PluginRef.named(name));
    }
    return refs;
  }

  private static String names(List<PluginRef> refs) {
    List<String> names = new ArrayList<>();
    for (PluginRef ref : refs) {
      names.add(ref.name());
    }
    return String.join(", ", names);
  }

  private String setPath(String set) {
    return path + ".plugins." + set;
  }

  private ConfigException fail(String field, String problem) {
    return ConfigException.atField(source, field, problem);
  }
}
