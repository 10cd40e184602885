package io.schedlab.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Messages for plugin names the catalog does not know, with a hint when one helps. */
final class PluginNameAdvice {
  /** A list of valid names is only worth printing when it is this short. */
  private static final int MAX_LISTED = 6;

  private PluginNameAdvice() {}

  /** {@code unknown plugin "X"}, plus why or what was probably meant. */
  static String unknownPlugin(String name, ExtensionPoint point, PluginCatalog catalog) {
    String message = "unknown plugin \"" + name + "\"";
    if (SchedulerConfig.NOT_MODELLED.contains(name)) {
      return message + " (not modelled by schedlab yet)";
    }
    if (DefaultPlugins.REMOVED_UPSTREAM.contains(name)) {
      return message + " (removed from upstream kube-scheduler; NodeVolumeLimits enforces volume"
          + " limits)";
    }
    List<String> candidates = new ArrayList<>();
    for (String known : catalog.names()) {
      if (point == null || catalog.extensionPoints(known).contains(point)) {
        candidates.add(known);
      }
    }
    Collections.sort(candidates);
    String closest = closest(name, candidates);
    if (closest != null) {
      return message + "; did you mean \"" + closest + "\"?";
    }
    if (!candidates.isEmpty() && candidates.size() <= MAX_LISTED) {
      String which = point == null ? "" : point.configName() + " ";
      return message + "; known " + which + "plugins: " + String.join(", ", candidates);
    }
    return message;
  }

  /** The stages a plugin implements, in pipeline order, as YAML keys. */
  static String describe(Set<ExtensionPoint> points) {
    List<String> names = new ArrayList<>();
    for (ExtensionPoint point : ExtensionPoint.values()) {
      if (points.contains(point)) {
        names.add(point.configName());
      }
    }
    return names.isEmpty() ? "no extension point" : String.join(", ", names);
  }

  private static String closest(String name, List<String> candidates) {
    String wanted = name.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, name.length() / 4));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
