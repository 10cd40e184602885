package io.schedlab.benchmarks.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Pod;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.Snapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BoundClusterTest {
  @ParameterizedTest(name = "{0} nodes, {1} pods each, decodeEach={2}")
  @CsvSource({"1, 0, false", "7, 3, false", "7, 3, true", "30, 10, true"})
  void schedulerIngestsEveryBoundPod(int nodes, int podsPerNode, boolean decodeEach) {
    Registry registry = InTreeRegistry.create();
    try (BoundCluster c = new BoundCluster(nodes, podsPerNode, decodeEach, SchedulerConfig.defaults(registry), registry, 5)) {
      assertThat(c.store().list(Pod.class)).hasSize(nodes * podsPerNode);
      assertThat(c.scheduler().queue().activeSize()).isZero();
      Snapshot s = c.snapshot();
      assertThat(s.size()).isEqualTo(nodes);
      for (int i = 0; i < nodes; i++) {
        NodeInfo n = s.list().get(i);
        assertThat(n.name()).isEqualTo(BoundCluster.nodeName(i));
        assertThat(n.podCount()).isEqualTo(podsPerNode);
        assertThat(n.requested(ResourceRegistry.CPU)).isEqualTo(100L * podsPerNode);
        assertThat(n.allocatable(ResourceRegistry.CPU)).isEqualTo(4000);
        assertThat(n.allocatable(ResourceRegistry.PODS)).isEqualTo(110);
      }
      String node = c.scheduleOne("extra");
      assertThat(c.scheduler().cache().node(node).podCount()).isEqualTo(podsPerNode + 1);
      assertThat(c.store().get(Pod.class, BoundCluster.NAMESPACE, "extra").spec().nodeName()).isEqualTo(node);
    }
  }

  @Test
  void scheduleOneFailsWhenNoNodeHasRoom() {
    // 40 pause pods fill a 4-cpu node.
    try (BoundCluster c = BoundCluster.withDefaultProfile(2, 40, 1)) {
      assertThatThrownBy(() -> c.scheduleOne("late"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("scheduleOne: pod bound/late was not bound; the scheduler went idle");
    }
  }

  @Test
  void rejectsEmptyCluster() {
    Registry registry = InTreeRegistry.create();
    assertThatThrownBy(() -> new BoundCluster(0, 1, SchedulerConfig.defaults(registry), registry, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nodes: expected a positive count, got 0");
  }
}
