package io.schedlab.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resolved scheduling profile: defaults merged, {@code multiPoint} expanded, validated.
 *
 * @param percentageOfNodesToScore the profile's value if set, else the global one; 0 = adaptive
 * @param plugins every extension point (none missing) to its plugins in run order; score entries
 *     carry their resolved weight, others a null weight
 * @param pluginArgs the user's {@code pluginConfig} args by plugin name; a plugin without an
 *     entry uses its own defaults
 */
public record ProfileConfig(
    String schedulerName,
    int percentageOfNodesToScore,
    Map<ExtensionPoint, List<PluginRef>> plugins,
    Map<String, JsonNode> pluginArgs) {

  public ProfileConfig {
    EnumMap<ExtensionPoint, List<PluginRef>> all = new EnumMap<>(ExtensionPoint.class);
    for (ExtensionPoint point : ExtensionPoint.values()) {
      List<PluginRef> list = plugins == null ? null : plugins.get(point);
      all.put(point, list == null ? List.of() : List.copyOf(list));
    }
    plugins = Collections.unmodifiableMap(all);
    LinkedHashMap<String, JsonNode> args = new LinkedHashMap<>();
    if (pluginArgs != null) {
      // JsonNode is mutable; a copy keeps the resolved configuration immutable.
      pluginArgs.forEach((name, node) -> {
        if (node != null) {
          args.put(name, node.deepCopy());
        }
      });
    }
    pluginArgs = Collections.unmodifiableMap(args);
  }

  /** The plugins enabled at {@code point}, in the order they run. */
  public List<PluginRef> pluginsAt(ExtensionPoint point) {
    return plugins.get(point);
  }

  /** The user's args for {@code plugin}, if the profile's {@code pluginConfig} has any. */
  public Optional<JsonNode> argsOf(String plugin) {
    JsonNode args = pluginArgs.get(plugin);
    return args == null ? Optional.empty() : Optional.of(args.deepCopy());
  }
}
