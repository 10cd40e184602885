package io.schedlab.plugins.interpodaffinity;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Namespace;
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
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A snapshot of nodes, the pods bound to them and the namespaces, behind the small part of
 * {@link Handle} InterPodAffinity uses. Pods bound to a node that is not listed belong nowhere,
 * as in upstream's test snapshots.
 */
final class TestCluster implements Handle {
  final LabelInterner labels = new LabelInterner();
  final ResourceRegistry resources = new ResourceRegistry();
  private final Snapshot snapshot;
  private final List<Namespace> namespaces;

  TestCluster(List<Node> nodes, List<Pod> pods, List<Namespace> namespaces) {
    Map<String, NodeInfo> byName = new LinkedHashMap<>();
    for (Node n : nodes) {
      NodeInfo ni = new NodeInfo();
      ni.setNode(n, resources, labels);
      byName.put(n.metadata().name(), ni);
    }
    for (Pod p : pods) {
      NodeInfo ni = byName.get(p.spec().nodeName());
      if (ni != null) {
        ni.addPod(compile(p));
      }
    }
    this.snapshot = Snapshot.of(new ArrayList<>(byName.values()));
    this.namespaces = List.copyOf(namespaces);
  }

  @Override
  public NodeInfoLister snapshot() {
    return snapshot;
  }

  NodeInfo node(String name) {
    return Objects.requireNonNull(snapshot.get(name), name);
  }

  @Override
  public PodInfo compile(Pod pod) {
    return new PodInfo(pod, resources, labels);
  }

  @Override
  public LabelInterner labels() {
    return labels;
  }

  @Override
  public ResourceRegistry resources() {
    return resources;
  }

  @Override
  public ObjectLister objects() {
    return new ObjectLister() {
      @Override
      public <T extends KubeObject> List<T> list(Class<T> type, String namespace) {
        List<T> out = new ArrayList<>();
        if (type == Namespace.class) {
          for (Namespace ns : namespaces) {
            out.add(type.cast(ns));
          }
        }
        return out;
      }

      @Override
      public <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
        for (T t : list(type, namespace)) {
          if (Objects.equals(t.metadata().name(), name)) {
            return t;
          }
        }
        return null;
      }
    };
  }

  @Override
  public ClusterClient client() {
    throw new UnsupportedOperationException();
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
  public RandomGenerator random() {
    throw new UnsupportedOperationException();
  }

  @Override
  public FilterRunner filterRunner() {
    throw new UnsupportedOperationException();
  }
}
