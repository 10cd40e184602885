package io.schedlab.plugins.podtopologyspread;

import io.schedlab.api.KubeObject;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** A snapshot of nodes with their pods plus listed objects, served through a {@link Handle}. */
final class TestCluster implements Handle, ObjectLister {
  private final LabelInterner labels = new LabelInterner();
  private final ResourceRegistry resources = new ResourceRegistry();
  private final Snapshot snapshot;
  private final List<KubeObject> objects;

  TestCluster(List<Node> nodes, List<Pod> pods, List<? extends KubeObject> objects) {
    Map<String, NodeInfo> byName = new LinkedHashMap<>();
    for (Node n : nodes) {
      NodeInfo info = new NodeInfo();
      info.setNode(n, resources, labels);
      byName.put(n.metadata().name(), info);
    }
    for (Pod p : pods) {
      NodeInfo info = byName.get(p.spec().nodeName());
      if (info == null) {
        throw new IllegalArgumentException("pod " + p.metadata().name() + " is on unknown node "
            + p.spec().nodeName());
      }
      info.addPod(compile(p));
    }
    this.snapshot = Snapshot.of(new ArrayList<>(byName.values()));
    this.objects = List.copyOf(objects);
  }

  List<NodeInfo> nodes() {
    return snapshot.list();
  }

  NodeInfo node(String name) {
    NodeInfo n = snapshot.get(name);
    if (n == null) {
      throw new IllegalArgumentException("no node " + name);
    }
    return n;
  }

  @Override
  public NodeInfoLister snapshot() {
    return snapshot;
  }

  @Override
  public ObjectLister objects() {
    return this;
  }

  @Override
  public <T extends KubeObject> List<T> list(Class<T> type, String namespace) {
    List<T> out = new ArrayList<>();
    for (KubeObject o : objects) {
      String ns = o.metadata().namespace() == null ? "" : o.metadata().namespace();
      if (type.isInstance(o) && (namespace == null || namespace.isEmpty() || namespace.equals(ns))) {
        out.add(type.cast(o));
      }
    }
    return out;
  }

  @Override
  public <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
    for (T o : list(type, namespace)) {
      String ns = o.metadata().namespace() == null ? "" : o.metadata().namespace();
      if (ns.equals(namespace == null ? "" : namespace) && name.equals(o.metadata().name())) {
        return o;
      }
    }
    return null;
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
  public int parallelism() {
    return 1;
  }

  @Override
  public ClusterClient client() {
    throw new UnsupportedOperationException("no client in plugin tests");
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
  public RandomGenerator random() {
    throw new UnsupportedOperationException("no random source in plugin tests");
  }

  @Override
  public FilterRunner filterRunner() {
    throw new UnsupportedOperationException("no filter runner in plugin tests");
  }
}
