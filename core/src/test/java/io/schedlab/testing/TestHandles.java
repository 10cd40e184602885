package io.schedlab.testing;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.scheduler.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Static worlds for plugin unit tests: a {@link StaticHandle} over a {@link Snapshot} of the
 * given nodes, in order, each holding the pods bound to it by {@code spec.nodeName}, all compiled
 * with the handle's own resource registry and label interner. Read the world back through the
 * handle: {@code snapshot().list()}, {@code snapshot().get(name)}, {@code compile(pod)}; add
 * listable objects with {@code setObjects(new StaticObjectLister(...))}.
 *
 * <pre>{@code
 * StaticHandle h = TestHandles.of(List.of(NodeBuilder.node("n1").build()),
 *     List.of(PodBuilder.pod("running").nodeName("n1").build()));
 * }</pre>
 */
public final class TestHandles {
  private TestHandles() {}

  /**
   * @throws IllegalArgumentException when two nodes share a name or a pod is bound to a node
   *     that is not listed (in a unit test that is a mistake, not a scenario)
   */
  public static StaticHandle of(List<Node> nodes, List<Pod> pods) {
    ResourceRegistry resources = new ResourceRegistry();
    LabelInterner labels = new LabelInterner();
    List<NodeInfo> infos = new ArrayList<>(nodes.size());
    Map<String, NodeInfo> byName = new HashMap<>();
    for (Node n : nodes) {
      NodeInfo info = new NodeInfo();
      info.setNode(n, resources, labels);
      if (byName.put(info.name(), info) != null) {
        throw new IllegalArgumentException("two nodes are named " + info.name());
      }
      infos.add(info);
    }
    for (Pod p : pods) {
      NodeInfo on = byName.get(p.spec().nodeName());
      if (on == null) {
        throw new IllegalArgumentException(
            "pod " + p.key() + " is bound to " + p.spec().nodeName() + ", which is not a listed node");
      }
      on.addPod(new PodInfo(p, resources, labels));
    }
    // After the pods: the snapshot lists the nodes with (anti-)affinity pods as it is built.
    return new StaticHandle(Snapshot.of(infos), resources, labels);
  }

  /** Nodes without pods. */
  public static StaticHandle of(List<Node> nodes) {
    return of(nodes, List.of());
  }
}
