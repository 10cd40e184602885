package io.schedlab.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the user's plugin set for one extension point into the default one, as upstream's
 * {@code mergePluginSet} (pkg/scheduler/apis/config/v1/default_plugins.go) does: a disabled name
 * drops that default ({@code *} drops all of them); an enabled plugin that is also a default
 * takes the default's place, keeping its position but the user's weight; other enabled plugins
 * follow the defaults in the user's order. Disabled names are kept, because multiPoint expansion
 * must skip them too.
 */
final class PluginSetMerge {

  /** One enabled plugin, remembering whether it came from the defaults or the user. */
  record Entry(PluginRef ref, boolean fromDefault) {}

  record Merged(List<Entry> enabled, Set<String> disabled) {}

  private PluginSetMerge() {}

  /** {@code user} may be null; its entries must have non-null names. */
  static Merged merge(List<PluginRef> defaults, PluginSet user) {
    PluginSet custom = user == null ? PluginSet.empty() : user;
    Set<String> disabled = new LinkedHashSet<>();
    for (PluginRef ref : custom.disabled()) {
      disabled.add(ref.name());
    }
    // When a name is enabled twice, the later entry is the one that replaces the default, as in
    // upstream's map keyed by name; the earlier one is appended and later rejected as a duplicate.
    Map<String, Integer> customIndex = new HashMap<>();
    for (int i = 0; i < custom.enabled().size(); i++) {
      customIndex.put(custom.enabled().get(i).name(), i);
    }
    List<Entry> enabled = new ArrayList<>();
    Set<Integer> replaced = new HashSet<>();
    if (!disabled.contains("*")) {
      for (PluginRef fallback : defaults) {
        if (disabled.contains(fallback.name())) {
          continue;
        }
        Integer index = customIndex.get(fallback.name());
        if (index == null) {
          enabled.add(new Entry(fallback, true));
        } else {
          enabled.add(new Entry(custom.enabled().get(index), false));
          replaced.add(index);
        }
      }
    }
    for (int i = 0; i < custom.enabled().size(); i++) {
      if (!replaced.contains(i)) {
        enabled.add(new Entry(custom.enabled().get(i), false));
      }
    }
    return new Merged(enabled, disabled);
  }
}
