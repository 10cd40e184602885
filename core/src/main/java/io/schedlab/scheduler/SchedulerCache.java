package io.schedlab.scheduler;

import io.schedlab.api.Node;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scheduler's cache: node infos aggregated from the watch, plus assumed pods (placed by the
 * scheduler, not yet confirmed by the API server), as upstream's cacheImpl.
 *
 * <p>Implementation note: every change marks the node dirty; {@link #updateSnapshot} copies only
 * dirty nodes into the snapshot and rebuilds the node list only when the set of nodes changed.
 * Pods that arrive for a node not yet known get a placeholder NodeInfo (without a node), as
 * upstream does, and the node joins the list when its object arrives.
 */
public final class SchedulerCache {
  private final ResourceRegistry resources;
  private final LabelInterner labels;
  private final Map<String, NodeInfo> nodes = new HashMap<>();
  private final NodeTree tree = new NodeTree();
  private final Map<String, PodState> pods = new HashMap<>();
  private Set<String> dirty = new LinkedHashSet<>();
  private boolean nodeSetChanged = true;

  private record PodState(PodInfo pod, String nodeName, boolean assumed) {}

  public SchedulerCache(ResourceRegistry resources, LabelInterner labels) {
    this.resources = resources;
    this.labels = labels;
  }

  public void addNode(Node node) {
    String name = node.metadata().name();
    NodeInfo info = nodes.computeIfAbsent(name, n -> new NodeInfo());
    Node old = info.node();
    info.setNode(node, resources, labels);
    if (old == null) {
      tree.add(node);
      nodeSetChanged = true;
    } else {
      tree.update(old, node);
      if (!NodeTree.zoneKey(old).equals(NodeTree.zoneKey(node))) {
        nodeSetChanged = true;
      }
    }
    dirty.add(name);
  }

  public void updateNode(Node node) {
    addNode(node);
  }

  public void removeNode(Node node) {
    String name = node.metadata().name();
    NodeInfo info = nodes.get(name);
    if (info == null) {
      return;
    }
    tree.remove(node);
    if (info.podCount() == 0) {
      nodes.remove(name);
    } else {
      info.removeNode();
    }
    nodeSetChanged = true;
    dirty.add(name);
  }

  /** The scheduler placed the pod on the node; it counts there until confirmed or forgotten. */
  public void assumePod(PodInfo pod, String nodeName) {
    if (pods.containsKey(pod.uid())) {
      throw new IllegalStateException("pod " + pod.key() + " is already in the cache");
    }
    addToNode(pod, nodeName);
    pods.put(pod.uid(), new PodState(pod, nodeName, true));
  }

  /** Undoes {@link #assumePod} after a failure in Reserve, Permit or binding. */
  public void forgetPod(PodInfo pod) {
    PodState st = pods.get(pod.uid());
    if (st != null && st.assumed()) {
      removeFromNode(st.pod(), st.nodeName());
      pods.remove(pod.uid());
    }
  }

  public boolean isAssumed(String uid) {
    PodState st = pods.get(uid);
    return st != null && st.assumed();
  }

  /** A bound pod seen on the watch: confirms an assumed pod, or adds it. */
  public void addPod(PodInfo pod) {
    String nodeName = pod.nodeName();
    PodState st = pods.get(pod.uid());
    if (st != null) {
      removeFromNode(st.pod(), st.nodeName());
    }
    addToNode(pod, nodeName);
    pods.put(pod.uid(), new PodState(pod, nodeName, false));
  }

  public void updatePod(PodInfo pod) {
    addPod(pod);
  }

  public void removePod(String uid) {
    PodState st = pods.remove(uid);
    if (st != null) {
      removeFromNode(st.pod(), st.nodeName());
    }
  }

  public boolean hasPod(String uid) {
    return pods.containsKey(uid);
  }

  private void addToNode(PodInfo pod, String nodeName) {
    nodes.computeIfAbsent(nodeName, n -> new NodeInfo()).addPod(pod);
    dirty.add(nodeName);
  }

  private void removeFromNode(PodInfo pod, String nodeName) {
    NodeInfo info = nodes.get(nodeName);
    if (info == null) {
      return;
    }
    info.removePod(pod);
    if (info.node() == null && info.podCount() == 0) {
      nodes.remove(nodeName);
    }
    dirty.add(nodeName);
  }

  public int nodeCount() {
    return tree.size();
  }

  public NodeInfo node(String name) {
    return nodes.get(name);
  }

  /** Brings the snapshot up to date with the cache, copying only the nodes that changed. */
  public void updateSnapshot(Snapshot snapshot) {
    if (dirty.isEmpty() && !nodeSetChanged) {
      return;
    }
    boolean affinityChanged = false;
    boolean nodeObjectChanged = false;
    for (String name : dirty) {
      NodeInfo info = nodes.get(name);
      NodeInfo old = snapshot.byName.get(name);
      if (info == null || info.node() == null) {
        if (old != null) {
          snapshot.byName.remove(name);
          nodeSetChanged = true;
        }
        continue;
      }
      if (old != null) {
        nodeObjectChanged |= old.node() != info.node();
        affinityChanged |=
            old.podsWithAffinity().isEmpty() != info.podsWithAffinity().isEmpty()
                || old.podsWithRequiredAntiAffinity().isEmpty()
                    != info.podsWithRequiredAntiAffinity().isEmpty();
        old.copyFrom(info);
        if (snapshot.table != null) {
          snapshot.table.update(old);
        }
      } else {
        snapshot.byName.put(name, info.copy());
        nodeSetChanged = true;
      }
    }
    // clear() would walk the table, which keeps the size of the largest burst (every node, at
    // start); a small set is cheaper to clear than to replace.
    if (dirty.size() > 64) {
      dirty = new LinkedHashSet<>();
    } else {
      dirty.clear();
    }
    if (nodeSetChanged) {
      // Fresh copies in node order, so consecutive nodes sit next to each other in memory.
      List<String> order = tree.list();
      snapshot.list = new java.util.ArrayList<>(order.size());
      Map<String, NodeInfo> byName = new java.util.HashMap<>(order.size() * 2);
      for (String name : order) {
        NodeInfo n = snapshot.byName.get(name).copy();
        n.setIndex(snapshot.list.size());
        snapshot.list.add(n);
        byName.put(name, n);
      }
      snapshot.byName.clear();
      snapshot.byName.putAll(byName);
      snapshot.table = io.schedlab.framework.NodeTable.of(snapshot.list);
      affinityChanged = true;
      nodeSetChanged = false;
      nodeObjectChanged = true;
    }
    if (nodeObjectChanged) {
      snapshot.nodesVersion = NodeInfo.nextGeneration();
    }
    if (affinityChanged) {
      snapshot.withAffinity = new java.util.ArrayList<>();
      snapshot.withRequiredAntiAffinity = new java.util.ArrayList<>();
      for (NodeInfo n : snapshot.list) {
        if (!n.podsWithAffinity().isEmpty()) {
          snapshot.withAffinity.add(n);
        }
        if (!n.podsWithRequiredAntiAffinity().isEmpty()) {
          snapshot.withRequiredAntiAffinity.add(n);
        }
      }
    }
    snapshot.generation = NodeInfo.nextGeneration();
  }
}
