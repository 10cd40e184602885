package io.schedlab.framework;

import java.util.List;

/** Read access to the cycle's snapshot of nodes. */
public interface NodeInfoLister {
  List<NodeInfo> list();

  /** The nodes that hold at least one pod with pod affinity or anti-affinity. */
  List<NodeInfo> havePodsWithAffinity();

  /** The nodes that hold at least one pod with required pod anti-affinity. */
  List<NodeInfo> havePodsWithRequiredAntiAffinity();

  /** The node by name, or null. */
  NodeInfo get(String nodeName);

  int size();

  /**
   * A value that changes whenever the node set or any node's Node object changes, and not when
   * only pods move; no two snapshots share one. Lets a plugin keep tables derived from Node
   * objects (images, say) without scanning the nodes each cycle. The default is a fresh value
   * per call, which is always safe and never caches.
   */
  default long nodesVersion() {
    return NodeInfo.nextGeneration();
  }

  /**
   * The snapshot's {@link NodeTable}, whose rows follow {@link #list()}'s nodes; null when the
   * lister keeps none, and then plugins read the NodeInfos.
   */
  default NodeTable table() {
    return null;
  }
}
