package io.schedlab.benchmarks.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkloadRunnerTest {
  static Stream<String> smallWorkloads() {
    // Upstream's smallest gang workload has 10 nodes.
    return WorkloadCatalog.names().stream()
        .filter(n -> n.contains("/5Nodes") || n.equals("GangScheduling/10Nodes_3Gangs"));
  }

  @Test
  void everyTestCaseHasASmallVariant() {
    List<String> cases = WorkloadCatalog.names().stream().map(n -> n.substring(0, n.indexOf('/'))).distinct().toList();
    List<String> smallCases = smallWorkloads().map(n -> n.substring(0, n.indexOf('/'))).toList();
    assertThat(smallCases).containsExactlyElementsOf(cases);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallWorkloads")
  void smallVariantBindsEveryMeasuredPod(String name) {
    Workload w = WorkloadCatalog.get(name);
    try (WorkloadRunner runner = new WorkloadRunner(w, 1)) {
      runner.setUp();
      WorkloadResult r = runner.runMeasured();
      assertThat(r.pods()).isEqualTo(w.measuredPodCount());
      assertThat(r.attemptNanos().getTotalCount()).isGreaterThanOrEqualTo(w.measuredPodCount());
      assertThat(r.podsPerSecond()).isPositive();
      int bound = 0;
      for (Pod p : runner.store().list(Pod.class, w.measuredNamespace())) {
        if (p.spec().nodeName() != null && !p.spec().nodeName().isEmpty()) {
          bound++;
        }
      }
      assertThat(bound).isEqualTo(w.measuredPodCount());
      assertThat(runner.store().list(Node.class)).hasSize(w.nodeCount());
    }
  }

  @Test
  void preemptionBasicDeletesEveryVictim() {
    Workload w = WorkloadCatalog.get("PreemptionBasic/5Nodes");
    try (WorkloadRunner runner = new WorkloadRunner(w, 7)) {
      runner.setUp();
      assertThat(runner.store().list(Pod.class, "namespace-1")).hasSize(20);
      WorkloadResult r = runner.runMeasured();
      assertThat(r.evicted()).isEqualTo(20);
      assertThat(runner.store().list(Pod.class, "namespace-1")).isEmpty();
      // One 3970m preemptor per 4-cpu node.
      Map<String, Integer> perNode = new HashMap<>();
      for (Pod p : runner.store().list(Pod.class, "namespace-2")) {
        perNode.merge(p.spec().nodeName(), 1, Integer::sum);
      }
      assertThat(perNode).hasSize(5).allSatisfy((node, n) -> assertThat(n).isEqualTo(1));
    }
  }

  @Test
  void daemonsetPodsAllLandOnTheNamedNode() {
    Workload w = WorkloadCatalog.get("SchedulingDaemonset/5Nodes");
    try (WorkloadRunner runner = new WorkloadRunner(w, 1)) {
      runner.setUp();
      runner.runMeasured();
      assertThat(runner.store().list(Pod.class, "namespace-2"))
          .hasSize(10)
          .allSatisfy(p -> assertThat(p.spec().nodeName()).isEqualTo("scheduler-perf-node"));
    }
  }

  @Test
  void unschedulableChurnPodsStayPendingAndDoNotCount() {
    Workload w = WorkloadCatalog.get("Unschedulable/5Nodes/1Init/10Pods");
    try (WorkloadRunner runner = new WorkloadRunner(w, 1)) {
      runner.setUp();
      WorkloadResult r = runner.runMeasured();
      assertThat(r.pods()).isEqualTo(10);
      // 10 pods 0.2 ms apart span 1.8 ms of virtual time: no 200 ms churn tick falls inside.
      assertThat(runner.store().list(Pod.class, "namespace-2"))
          .allSatisfy(p -> assertThat(p.spec().nodeName()).isNullOrEmpty());
    }
  }

  @Test
  void churnInjectsOnePodPer200msOfVirtualTimeDuringTheMeasuredPhase() {
    // 2,000 pods 0.2 ms apart span 400 virtual ms: the churn ticks once, at 200 ms, in between.
    Workload w = new Workload("test/churn", List.of(
        new Op.CreateNodes(50, null, List.of()),
        new Op.Churn("pod-high-priority-large-cpu.yaml", 200_000_000L),
        new Op.CreatePods(2000, "pod-default.yaml", null, true)), null, 0);
    try (WorkloadRunner runner = new WorkloadRunner(w, 1)) {
      runner.setUp();
      WorkloadResult r = runner.runMeasured();
      assertThat(r.virtualNanos()).isEqualTo(1999 * WorkloadRunner.POD_SPACING_NANOS);
      assertThat(runner.store().list(Pod.class, "namespace-1"))
          .singleElement()
          .satisfies(p -> assertThat(p.spec().nodeName()).isNullOrEmpty());
      assertThat(r.attempts()).isEqualTo(2001);
      assertThat(r.attemptNanos().getTotalCount()).isEqualTo(2001);
    }
  }

  @Test
  void nodesGetUpstreamNamesHostnamesAndRoundRobinZones() {
    Workload w = WorkloadCatalog.get("TopologySpreading/5Nodes");
    try (WorkloadRunner runner = new WorkloadRunner(w, 3)) {
      runner.setUp();
      List<Node> nodes = runner.store().list(Node.class);
      assertThat(nodes).hasSize(5);
      List<String> zones = nodes.stream().map(n -> n.metadata().labels().get(Op.ZONE_LABEL)).toList();
      assertThat(zones).containsExactly("moon-1", "moon-2", "moon-3", "moon-1", "moon-2");
      assertThat(nodes).allSatisfy(n -> {
        assertThat(n.metadata().name()).matches("scheduler-perf-[bcdfghjklmnpqrstvwxz2456789]{5}");
        assertThat(n.metadata().labels()).containsEntry("kubernetes.io/hostname", n.metadata().name());
        assertThat(n.status().allocatable()).isEqualTo(n.status().capacity());
      });
    }
    try (WorkloadRunner runner = new WorkloadRunner(WorkloadCatalog.get("SchedulingBasic/5Nodes"), 3)) {
      runner.setUp();
      assertThat(runner.store().list(Node.class))
          .allSatisfy(n -> assertThat(n.metadata().name()).matches("node-0-[a-z0-9]{5}"));
    }
  }

  @Test
  void measuredPhaseRunsOnceAfterSetUp() {
    try (WorkloadRunner runner = new WorkloadRunner(WorkloadCatalog.get("SchedulingBasic/5Nodes"), 1)) {
      assertThatThrownBy(runner::runMeasured).hasMessageContaining("needs setUp first");
      runner.setUp();
      assertThatThrownBy(runner::setUp).hasMessageContaining("setUp already ran");
    }
  }

  @Test
  void unbindablePodsFailWithACount() {
    // Five default nodes hold 5 x 4 cpu; 21 preemptors of 3970m cannot all fit.
    Workload w = new Workload("test/overfull", List.of(
        new Op.CreateNodes(5, null, List.of()),
        new Op.CreatePods(6, "default_preemption/pod-high-priority.yaml", null, true)), null, 0);
    try (WorkloadRunner runner = new WorkloadRunner(w, 1)) {
      runner.setUp();
      assertThatThrownBy(runner::runMeasured)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("test/overfull: measured op 1: 5 of 6 pods in namespace-1 bound; the scheduler has nothing more it can do");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GangScheduling/10Nodes_3Gangs", "GangScheduling/100Nodes_10Gangs"})
  void gangWorkloadsBindEveryMemberOfEveryUpstreamPodGroup(String name) {
    Workload w = WorkloadCatalog.get(name);
    try (WorkloadRunner runner = new WorkloadRunner(w, 1)) {
      runner.setUp();
      List<io.schedlab.api.PodGroup> groups = runner.store().list(io.schedlab.api.PodGroup.class, "gang-ns-0");
      WorkloadResult r = runner.runMeasured();

      assertThat(groups).hasSize(w.measuredPodCount() / 3);
      assertThat(groups).allSatisfy(g -> {
        assertThat(g.upstreamKind()).isTrue();
        assertThat(g.minMember()).isEqualTo(3);
      });
      Map<String, Integer> perGang = new HashMap<>();
      for (Pod p : runner.store().list(Pod.class, "gang-ns-0")) {
        assertThat(p.spec().nodeName()).as(p.key()).isNotEmpty();
        perGang.merge(p.spec().schedulingGroup().podGroupName(), 1, Integer::sum);
      }
      assertThat(perGang).hasSize(groups.size()).allSatisfy((gang, members) -> assertThat(members).isEqualTo(3));
      // Two members of each gang wait for the third before any binds, so a gang takes at least
      // three attempts and the first two members of a gang are tried again once it is complete.
      assertThat(r.attempts()).isGreaterThanOrEqualTo(w.measuredPodCount());
      assertThat(r.attemptMeanMicros()).isPositive();
    }
  }
}
