package io.schedlab.scheduler;

import io.schedlab.api.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the scheduler lists nodes, as upstream's nodeTree: nodes are grouped by zone
 * and the list takes one node from each zone in turn, so that the first feasible nodes found are
 * spread over zones. Zones keep the order in which they were first seen; nodes keep their order
 * of arrival within a zone.
 */
final class NodeTree {
  private final Map<String, List<String>> zones = new LinkedHashMap<>();
  private final java.util.Set<String> names = new java.util.HashSet<>();
  private int size;

  static String zoneKey(Node node) {
    Map<String, String> labels = node.metadata().labels();
    String zone = labels.get("topology.kubernetes.io/zone");
    if (zone == null) {
      zone = labels.get("failure-domain.beta.kubernetes.io/zone");
    }
    String region = labels.get("topology.kubernetes.io/region");
    if (region == null) {
      region = labels.get("failure-domain.beta.kubernetes.io/region");
    }
    if (zone == null && region == null) {
      return "";
    }
    return (region == null ? "" : region) + ":\u0000:" + (zone == null ? "" : zone);
  }

  void add(Node node) {
    String name = node.metadata().name();
    if (names.add(name)) {
      zones.computeIfAbsent(zoneKey(node), k -> new ArrayList<>()).add(name);
      size++;
    }
  }

  void remove(Node node) {
    String key = zoneKey(node);
    List<String> inZone = zones.get(key);
    if (inZone != null && inZone.remove(node.metadata().name())) {
      names.remove(node.metadata().name());
      size--;
      if (inZone.isEmpty()) {
        zones.remove(key);
      }
    }
  }

  void update(Node oldNode, Node newNode) {
    if (!zoneKey(oldNode).equals(zoneKey(newNode))) {
      remove(oldNode);
      add(newNode);
    }
  }

  int size() {
    return size;
  }

  /** All node names, one per zone in turn. */
  List<String> list() {
    List<String> out = new ArrayList<>(size);
    List<List<String>> lists = new ArrayList<>(zones.values());
    int[] next = new int[lists.size()];
    int remaining = size;
    while (remaining > 0) {
      for (int z = 0; z < lists.size(); z++) {
        List<String> l = lists.get(z);
        if (next[z] < l.size()) {
          out.add(l.get(next[z]++));
          remaining--;
        }
      }
    }
    return out;
  }
}
