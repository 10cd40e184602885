package io.schedlab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.benchmarks.perf.BoundCluster;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.Snapshot;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RooflineBenchmarkTest {
  static Stream<Arguments> clusters() {
    // Default nodes hold 4 cpu; the pause pod asks 100m, so 39 running pods leave exactly room.
    return Stream.of(
        Arguments.of("no running pods", 0, 20),
        Arguments.of("ten pause pods per node", 10, 20),
        Arguments.of("cpu filled to the last pod", 39, 20),
        Arguments.of("cpu full", 40, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void rooflineAndDefaultProfileAgreeOnFeasibleNodes(String name, int podsPerNode, int expectedFeasible) {
    Registry registry = InTreeRegistry.create();
    try (BoundCluster cluster = BoundCluster.withDefaultProfile(20, podsPerNode, 3)) {
      Snapshot snapshot = cluster.snapshot();
      PodInfo pod = cluster.compile(cluster.pod("incoming"));
      long[] scores = new long[snapshot.size()];
      int roofline = ResourceRoofline.fitAndScore(snapshot.table(), pod, scores);

      StaticHandle handle = new StaticHandle(snapshot, cluster.scheduler().resources(), cluster.scheduler().labels());
      FilterScoreCycle cycle =
          new FilterScoreCycle(
              FilterScoreCycle.framework(SchedulerConfig.defaults(registry), registry, handle),
              snapshot.table().nodes());
      int feasible = cycle.run(pod);

      assertThat(roofline).isEqualTo(expectedFeasible);
      assertThat(feasible).isEqualTo(expectedFeasible);
      assertThat(cycle.totals()).hasSize(expectedFeasible);
      // Identical nodes: every feasible node scores the same, and a second run repeats the first.
      long[] first = cycle.totals().clone();
      for (long t : first) {
        assertThat(t).isEqualTo(first[0]).isPositive();
      }
      assertThat(cycle.run(pod)).isEqualTo(expectedFeasible);
      assertThat(cycle.totals()).containsExactly(first);
      // A list other than the table's own is read from the NodeInfos, to the same totals.
      FilterScoreCycle fromNodeInfos =
          new FilterScoreCycle(
              FilterScoreCycle.framework(SchedulerConfig.defaults(registry), registry,
                  new StaticHandle(snapshot, cluster.scheduler().resources(), cluster.scheduler().labels())),
              new java.util.ArrayList<>(snapshot.list()));
      assertThat(fromNodeInfos.run(pod)).isEqualTo(expectedFeasible);
      assertThat(fromNodeInfos.totals()).containsExactly(first);
    }
  }

  @Test
  void everyBenchmarkVisitsEveryNode() {
    RooflineBenchmark b = new RooflineBenchmark();
    b.podsPerNode = 10;
    b.setup();
    assertThat(b.roofline()).isEqualTo(RooflineBenchmark.NODES);
    assertThat(b.defaultProfile()).isEqualTo(RooflineBenchmark.NODES);
    assertThat(b.resourcesOnlyFilter()).isEqualTo(RooflineBenchmark.NODES);
  }
}
