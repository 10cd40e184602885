package io.schedlab.scheduler;

import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeInfoLister;
import io.schedlab.framework.NodeTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable-for-a-cycle view of the nodes that one scheduling cycle reads. Holds copies of
 * the cache's NodeInfos; {@link SchedulerCache#updateSnapshot} replaces only the copies whose
 * generation changed, so taking a snapshot costs O(changed nodes), not O(cluster).
 */
public final class Snapshot implements NodeInfoLister {
  final Map<String, NodeInfo> byName = new HashMap<>();
  List<NodeInfo> list = new ArrayList<>();
  List<NodeInfo> withAffinity = new ArrayList<>();
  List<NodeInfo> withRequiredAntiAffinity = new ArrayList<>();
  long generation;
  long nodesVersion;
  NodeTable table;

  @Override
  public List<NodeInfo> list() {
    return Collections.unmodifiableList(list);
  }

  @Override
  public List<NodeInfo> havePodsWithAffinity() {
    return Collections.unmodifiableList(withAffinity);
  }

  @Override
  public List<NodeInfo> havePodsWithRequiredAntiAffinity() {
    return Collections.unmodifiableList(withRequiredAntiAffinity);
  }

  @Override
  public NodeInfo get(String nodeName) {
    return byName.get(nodeName);
  }

  @Override
  public int size() {
    return list.size();
  }

  @Override
  public NodeTable table() {
    return table;
  }

  @Override
  public long nodesVersion() {
    return nodesVersion;
  }

  /**
   * A snapshot built directly from node infos, for plugin tests, benchmarks and the conformance
   * runner. Its {@link NodeTable} is taken now, so the node infos must not change afterwards.
   */
  public static Snapshot of(List<NodeInfo> nodes) {
    Snapshot s = new Snapshot();
    s.nodesVersion = NodeInfo.nextGeneration();
    for (NodeInfo n : nodes) {
      n.setIndex(s.list.size());
      s.list.add(n);
      s.byName.put(n.name(), n);
      if (!n.podsWithAffinity().isEmpty()) {
        s.withAffinity.add(n);
      }
      if (!n.podsWithRequiredAntiAffinity().isEmpty()) {
        s.withRequiredAntiAffinity.add(n);
      }
    }
    s.table = NodeTable.of(s.list);
    return s;
  }
}
