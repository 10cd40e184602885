package io.schedlab.plugins.capacityscheduling;

import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeInfoLister;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each namespace's pods use, as the plugin's own bookkeeping: upstream's pod informer
 * handlers (a pod counts once it has a node, and stops counting when deleted) plus its Reserve
 * and Unreserve.
 *
 * <p>Implementation note: the simulation has no informer callbacks for plugins, so {@link
 * #sync} plays them from the cycle's snapshot: only nodes whose generation changed since the
 * last sync are compared pod by pod with what was seen there, so a cycle costs one pass over the
 * nodes plus the pods of the nodes that changed. Reserve counts the pod at once (the next
 * snapshot will show it assumed) and records it on its node, so that a pod deleted before the
 * next sync is still found missing there. Every namespace is counted, with or without a quota,
 * so a quota created later starts from its namespace's real usage.
 */
final class PodUsage {
  /** A namespace's counted pods (uid to requests) and their sum. */
  static final class Namespace {
    final Map<String, long[]> pods = new HashMap<>();
    long[] used = new long[0];
  }

  private static final class SeenNode {
    long generation = Long.MIN_VALUE;
    long stamp;
    List<PodInfo> pods = new ArrayList<>();
  }

  private final QuotaVectors vectors;
  private final Map<String, Namespace> namespaces = new HashMap<>();
  private final Map<String, SeenNode> nodes = new HashMap<>();
  private long stamp;

  PodUsage(QuotaVectors vectors) {
    this.vectors = vectors;
  }

  /** The namespace's usage; an empty one when none of its pods is counted. */
  Namespace namespace(String namespace) {
    return namespaces.computeIfAbsent(namespace, n -> new Namespace());
  }

  /** Requests of the namespace's counted pods, summed (a shorter vector reads as zeros). */
  long[] used(String namespace) {
    Namespace ns = namespaces.get(namespace);
    return ns == null ? new long[0] : ns.used;
  }

  boolean counts(PodInfo pod) {
    Namespace ns = namespaces.get(pod.namespace());
    return ns != null && ns.pods.containsKey(pod.uid());
  }

  /** Brings the counts up to date with the pods the snapshot places on nodes. */
  void sync(NodeInfoLister snapshot) {
    stamp++;
    List<NodeInfo> list = snapshot.list();
    for (int i = 0; i < list.size(); i++) {
      NodeInfo node = list.get(i);
      SeenNode seen = nodes.get(node.name());
      if (seen == null) {
        seen = new SeenNode();
        nodes.put(node.name(), seen);
      }
      seen.stamp = stamp;
      if (seen.generation == node.generation()) {
        continue;
      }
      seen.generation = node.generation();
      List<PodInfo> now = node.pods();
      Set<String> present = new HashSet<>();
      for (int j = 0; j < now.size(); j++) {
        PodInfo p = now.get(j);
        present.add(p.uid());
        add(p);
      }
      for (PodInfo p : seen.pods) {
        if (!present.contains(p.uid())) {
          remove(p);
        }
      }
      seen.pods = new ArrayList<>(now);
    }
    if (nodes.size() > list.size()) {
      for (Iterator<SeenNode> it = nodes.values().iterator(); it.hasNext(); ) {
        SeenNode seen = it.next();
        if (seen.stamp != stamp) {
          for (PodInfo p : seen.pods) {
            remove(p);
          }
          it.remove();
        }
      }
    }
  }

  /** Reserve: counts the pod and records it on its node. */
  void reserve(PodInfo pod, String nodeName) {
    add(pod);
    SeenNode seen = nodes.get(nodeName);
    if (seen == null) {
      seen = new SeenNode();
      seen.stamp = stamp;
      nodes.put(nodeName, seen);
    }
    seen.pods.add(pod);
  }

  /** Unreserve: stops counting the pod. */
  void unreserve(PodInfo pod, String nodeName) {
    remove(pod);
    SeenNode seen = nodes.get(nodeName);
    if (seen != null) {
      seen.pods.removeIf(p -> p.uid().equals(pod.uid()));
    }
  }

  private void add(PodInfo p) {
    Namespace ns = namespace(p.namespace());
    if (ns.pods.containsKey(p.uid())) {
      return;
    }
    long[] req = vectors.podRequest(p.pod());
    ns.pods.put(p.uid(), req);
    ns.used = ResourceRegistry.fit(ns.used, req.length);
    QuotaVectors.add(ns.used, req);
  }

  private void remove(PodInfo p) {
    Namespace ns = namespaces.get(p.namespace());
    if (ns == null) {
      return;
    }
    long[] req = ns.pods.remove(p.uid());
    if (req != null) {
      ns.used = ResourceRegistry.fit(ns.used, req.length);
      QuotaVectors.subtract(ns.used, req);
    }
  }
}
