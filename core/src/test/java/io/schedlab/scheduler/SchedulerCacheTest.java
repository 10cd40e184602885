package io.schedlab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import org.junit.jupiter.api.Test;

class SchedulerCacheTest {
  private final ResourceRegistry resources = new ResourceRegistry();
  private final LabelInterner labels = new LabelInterner();
  private final SchedulerCache cache = new SchedulerCache(resources, labels);
  private final Snapshot snapshot = new Snapshot();

  private PodInfo pod(String name, String node) {
    return new PodInfo(PodBuilder.pod(name).uid(name).req("cpu", "1").build().withNodeName(node),
        resources, labels);
  }

  @Test
  void podsMovingKeepTheNodesVersionAndNodeChangesRenewIt() {
    cache.addNode(NodeBuilder.node("a").capacity("cpu", "4").build());
    cache.addNode(NodeBuilder.node("b").capacity("cpu", "4").build());
    cache.updateSnapshot(snapshot);
    long first = snapshot.nodesVersion();
    assertThat(snapshot.list()).extracting(n -> n.name()).containsExactly("a", "b");

    cache.addPod(pod("p", "a"));
    cache.updateSnapshot(snapshot);
    assertThat(snapshot.nodesVersion()).as("a pod added").isEqualTo(first);
    assertThat(snapshot.get("a").podCount()).isEqualTo(1);

    cache.updateNode(NodeBuilder.node("b").capacity("cpu", "8").build());
    cache.updateSnapshot(snapshot);
    long second = snapshot.nodesVersion();
    assertThat(second).as("a Node object replaced").isNotEqualTo(first);

    cache.addNode(NodeBuilder.node("c").capacity("cpu", "4").build());
    cache.updateSnapshot(snapshot);
    assertThat(snapshot.nodesVersion()).as("a node added").isNotEqualTo(second);
    assertThat(snapshot.size()).isEqualTo(3);
  }

  @Test
  void snapshotsBuiltDirectlyNeverShareAVersion() {
    assertThat(Snapshot.of(java.util.List.of()).nodesVersion())
        .isNotEqualTo(Snapshot.of(java.util.List.of()).nodesVersion());
  }
}
