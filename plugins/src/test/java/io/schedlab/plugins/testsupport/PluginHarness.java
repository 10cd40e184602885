package io.schedlab.plugins.testsupport;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.framework.ClusterClient;
import io.schedlab.framework.FilterRunner;
import io.schedlab.framework.Handle;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeInfoLister;
import io.schedlab.framework.ObjectLister;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.WaitingPod;
import io.schedlab.scheduler.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A cluster of nodes and running pods compiled the way the scheduler compiles them, with a
 * {@link Handle} over its snapshot, for calling one plugin's stages directly.
 */
public final class PluginHarness implements Handle {
  private final ResourceRegistry resources = new ResourceRegistry();
  private final LabelInterner labels = new LabelInterner();
  private final List<NodeInfo> nodeInfos = new ArrayList<>();
  private Snapshot snapshot = Snapshot.of(List.of());

  /** Nodes, then the running pods placed on them by {@code spec.nodeName}. */
  public PluginHarness(List<Node> nodes, List<Pod> pods) {
    for (Node n : nodes) {
      NodeInfo ni = new NodeInfo();
      ni.setNode(n, resources, labels);
      nodeInfos.add(ni);
    }
    for (Pod p : pods) {
      NodeInfo ni = nodeInfo(p.spec().nodeName());
      if (ni == null) {
        throw new IllegalArgumentException("pod " + p.metadata().name() + " names unknown node " + p.spec().nodeName());
      }
      ni.addPod(compile(p));
    }
    snapshot = Snapshot.of(nodeInfos);
  }

  public NodeInfo nodeInfo(String name) {
    for (NodeInfo n : nodeInfos) {
      if (n.name().equals(name)) {
        return n;
      }
    }
    return null;
  }

  public List<NodeInfo> nodeInfos() {
    return List.copyOf(nodeInfos);
  }

  @Override
  public NodeInfoLister snapshot() {
    return snapshot;
  }

  @Override
  public ResourceRegistry resources() {
    return resources;
  }

  @Override
  public LabelInterner labels() {
    return labels;
  }

  @Override
  public PodInfo compile(Pod pod) {
    return new PodInfo(pod, resources, labels);
  }

  @Override
  public ClusterClient client() {
    throw new UnsupportedOperationException("client");
  }

  @Override
  public long nowNanos() {
    return 0;
  }

  @Override
  public WaitingPod waitingPod(String uid) {
    return null;
  }

  @Override
  public void iterateWaitingPods(Consumer<WaitingPod> action) {}

  @Override
  public List<PodInfo> nominatedPodsForNode(String nodeName) {
    return List.of();
  }

  @Override
  public int parallelism() {
    return 1;
  }

  @Override
  public ObjectLister objects() {
    throw new UnsupportedOperationException("objects");
  }

  @Override
  public RandomGenerator random() {
    throw new UnsupportedOperationException("random");
  }

  @Override
  public FilterRunner filterRunner() {
    throw new UnsupportedOperationException("filterRunner");
  }
}
