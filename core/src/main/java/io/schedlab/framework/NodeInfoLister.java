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
}
