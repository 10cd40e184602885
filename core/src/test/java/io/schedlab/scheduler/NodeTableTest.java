package io.schedlab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeSubset;
import io.schedlab.framework.NodeTable;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's {@link NodeTable} says what its NodeInfos say, row by row, through every kind of
 * change the cache passes on: pods added, bound and removed, nodes cordoned, tainted, resized,
 * added and removed.
 */
class NodeTableTest {
  private final ResourceRegistry resources = new ResourceRegistry();
  private final LabelInterner labels = new LabelInterner();
  private final SchedulerCache cache = new SchedulerCache(resources, labels);
  private final Snapshot snapshot = new Snapshot();

  private PodInfo pod(String name, String node, String cpu, String memory) {
    PodBuilder b = PodBuilder.pod(name).uid(name);
    if (cpu != null) {
      b.req("cpu", cpu);
    }
    if (memory != null) {
      b.req("memory", memory);
    }
    return new PodInfo(b.build().withNodeName(node), resources, labels);
  }

  private static NodeBuilder node(String name, String cpu) {
    return NodeBuilder.node(name).capacity("cpu", cpu).capacity("memory", "16Gi").capacity("pods", "20");
  }

  @Test
  void rowsFollowTheNodeInfosThroughEveryChange() {
    cache.addNode(node("a", "4").build());
    cache.addNode(node("b", "8").build());
    cache.updateSnapshot(snapshot);
    assertInSync();

    cache.addPod(pod("p1", "a", "500m", "1Gi"));
    cache.addPod(pod("p2", "a", null, null)); // best effort: non-zero defaults differ from requests
    cache.assumePod(pod("p3", "b", "2", null), "b");
    cache.updateSnapshot(snapshot);
    assertInSync();
    assertThat(snapshot.table().podCount(snapshot.get("a").index())).isEqualTo(2);

    cache.updateNode(node("b", "16").unschedulable().taint("k", "v", "NoSchedule").build());
    cache.removePod("p1");
    cache.updateSnapshot(snapshot);
    assertInSync();
    int b = snapshot.get("b").index();
    assertThat(snapshot.table().unschedulable(b)).isTrue();
    assertThat(snapshot.table().tainted(b)).isTrue();
    assertThat(snapshot.table().allocatableCpu(b)).isEqualTo(16_000);

    cache.addNode(node("c", "2").build());
    cache.removeNode(node("a", "4").build());
    cache.updateSnapshot(snapshot);
    assertInSync();
    assertThat(snapshot.table().size()).isEqualTo(snapshot.size());
  }

  private void assertInSync() {
    NodeTable t = snapshot.table();
    assertThat(t).isNotNull();
    List<NodeInfo> list = snapshot.list();
    assertThat(t.size()).isEqualTo(list.size());
    for (int row = 0; row < list.size(); row++) {
      NodeInfo n = list.get(row);
      assertThat(t.nodes().get(row)).isSameAs(n);
      String at = n.name() + " at row " + row;
      assertThat(n.index()).as(at).isEqualTo(row);
      assertThat(t.allocatableCpu(row)).as(at).isEqualTo(n.allocatable(ResourceRegistry.CPU));
      assertThat(t.allocatableMemory(row)).as(at).isEqualTo(n.allocatable(ResourceRegistry.MEMORY));
      assertThat(t.allocatablePods(row)).as(at).isEqualTo(n.allocatable(ResourceRegistry.PODS));
      assertThat(t.requestedCpu(row)).as(at).isEqualTo(n.requested(ResourceRegistry.CPU));
      assertThat(t.requestedMemory(row)).as(at).isEqualTo(n.requested(ResourceRegistry.MEMORY));
      assertThat(t.nonZeroCpu(row)).as(at).isEqualTo(n.nonZeroRequestedMilliCpu());
      assertThat(t.nonZeroMemory(row)).as(at).isEqualTo(n.nonZeroRequestedMemory());
      assertThat(t.podCount(row)).as(at).isEqualTo(n.podCount());
      assertThat(t.unschedulable(row)).as(at).isEqualTo(n.unschedulable());
      assertThat(t.tainted(row)).as(at).isEqualTo(!n.taints().isEmpty());
    }
  }

  @Test
  void aTableFollowsOnlyItsOwnList() {
    cache.addNode(node("a", "4").build());
    cache.updateSnapshot(snapshot);
    NodeTable t = snapshot.table();
    assertThat(t.follows(t.nodes())).isTrue();
    assertThat(t.follows(new ArrayList<>(t.nodes()))).as("a copy").isFalse();
  }

  @Test
  void aListWhoseIndexesAreNotItsPositionsIsRefused() {
    NodeInfo x = new NodeInfo();
    x.setNode(node("x", "1").build(), resources, labels);
    x.setIndex(3);
    assertThatThrownBy(() -> NodeTable.of(List.of(x)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node x at position 0 has index 3");
  }

  @Test
  void aSubsetHoldsPositionsAndRefusesANodeNotAtItsIndex() {
    cache.addNode(node("a", "4").build());
    cache.addNode(node("b", "4").build());
    cache.addNode(node("c", "4").build());
    cache.updateSnapshot(snapshot);
    List<NodeInfo> all = snapshot.table().nodes();
    NodeSubset s = new NodeSubset(all, 1);
    s.addRow(2);
    s.add(all.get(0)); // grows past the capacity
    assertThat(s).extracting(NodeInfo::name).containsExactly("c", "a");
    assertThat(s.row(1)).isEqualTo(0);
    assertThat(s.rows()).startsWith(2, 0);

    NodeInfo copy = all.get(1).copy();
    copy.setIndex(1);
    assertThatThrownBy(() -> s.add(copy)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node b is not at its index 1");
    s.clear();
    assertThat(s).isEmpty();
  }
}
