package io.schedlab.scheduler;

import io.schedlab.framework.PodInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods nominated to nodes by preemption, which later Filter calls must account for, as
 * upstream's nominator. Lists keep nomination order.
 */
final class Nominator {
  private final Map<String, List<PodInfo>> byNode = new HashMap<>();
  private final Map<String, String> nodeByUid = new HashMap<>();

  void add(PodInfo pod, String nodeName) {
    delete(pod.uid());
    if (nodeName == null || nodeName.isEmpty()) {
      return;
    }
    byNode.computeIfAbsent(nodeName, n -> new ArrayList<>()).add(pod);
    nodeByUid.put(pod.uid(), nodeName);
  }

  void delete(String uid) {
    String node = nodeByUid.remove(uid);
    if (node == null) {
      return;
    }
    List<PodInfo> list = byNode.get(node);
    list.removeIf(p -> p.uid().equals(uid));
    if (list.isEmpty()) {
      byNode.remove(node);
    }
  }

  boolean isEmpty() {
    return byNode.isEmpty();
  }

  List<PodInfo> forNode(String nodeName) {
    if (byNode.isEmpty()) {
      // The usual case, asked once per node per Filter pass: skip hashing the name.
      return List.of();
    }
    List<PodInfo> l = byNode.get(nodeName);
    return l == null ? List.of() : l;
  }

  String nodeOf(String uid) {
    return nodeByUid.get(uid);
  }
}
