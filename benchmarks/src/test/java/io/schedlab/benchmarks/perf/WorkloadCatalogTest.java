package io.schedlab.benchmarks.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadCatalogTest {
  /**
   * The performance-size rows of /work/shared/scheduler_perf/README.md (upstream's
   * performance-config.yaml files). nodes counts every created node: SchedulingDaemonset adds its
   * one named node to initNodes; init counts every unmeasured pod (MixedSchedulingBasePod: 5 ops
   * of initPods each). An empty threshold is upstream's "none".
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "SchedulingBasic/500Nodes,                              500,   500,  1000,     ",
    "SchedulingBasic/5000Nodes,                            5000,  1000,  1000,     ",
    "SchedulingBasic/5000Nodes_10000Pods,                  5000,  1000, 10000,  680",
    "SchedulingBasic/5000Nodes_50000Pods,                  5000,  5000, 50000,  790",
    "SchedulingDaemonset/15000Nodes,                      15001,     0, 30000, 1100",
    "SchedulingPodAntiAffinity/500Nodes,                    500,   100,   400,     ",
    "SchedulingPodAntiAffinity/5000Nodes,                  5000,  1000,  1000,     ",
    "SchedulingPodAntiAffinity/5000Nodes_2000Pods,         5000,  1000,  2000,   60",
    "SchedulingPodAffinity/500Nodes,                        500,   500,  1000,     ",
    "SchedulingPodAffinity/5000Nodes,                      5000,  5000,  1000,     ",
    "SchedulingPodAffinity/5000Nodes_5000Pods,             5000,  5000,  5000,   35",
    "SchedulingPreferredPodAffinity/500Nodes,               500,   500,  1000,     ",
    "SchedulingPreferredPodAffinity/5000Nodes,             5000,  5000,  1000,     ",
    "SchedulingPreferredPodAffinity/5000Nodes_5000Pods,    5000,  5000,  5000,   90",
    "SchedulingPreferredPodAntiAffinity/500Nodes,           500,   500,  1000,     ",
    "SchedulingPreferredPodAntiAffinity/5000Nodes,         5000,  5000,  1000,     ",
    "SchedulingPreferredPodAntiAffinity/5000Nodes_5000Pods, 5000, 5000,  5000,   90",
    "SchedulingNodeAffinity/500Nodes,                       500,   500,  1000,     ",
    "SchedulingNodeAffinity/5000Nodes,                     5000,  5000,  1000,     ",
    "SchedulingNodeAffinity/5000Nodes_10000Pods,           5000,  5000, 10000,  220",
    "MixedSchedulingBasePod/500Nodes,                       500,  1000,  1000,     ",
    "MixedSchedulingBasePod/5000Nodes,                     5000, 10000,  1000,     ",
    "MixedSchedulingBasePod/5000Nodes_5000Pods,            5000, 10000,  5000,  140",
    "TopologySpreading/500Nodes,                            500,  1000,  1000,     ",
    "TopologySpreading/5000Nodes,                          5000,  5000,  2000,     ",
    "TopologySpreading/5000Nodes_5000Pods,                 5000,  5000,  5000,  460",
    "PreferredTopologySpreading/500Nodes,                   500,  1000,  1000,     ",
    "PreferredTopologySpreading/5000Nodes,                 5000,  5000,  2000,     ",
    "PreferredTopologySpreading/5000Nodes_5000Pods,        5000,  5000,  5000,  340",
    "PreemptionBasic/1000Nodes,                            1000,  4000,  1000,     ",
    "Unschedulable/500Nodes/10Init/1kPods,                  500,    10,  1000,     ",
    "Unschedulable/5kNodes/100Init/1kPods,                 5000,   100,  1000,     ",
    "Unschedulable/5kNodes/100Init/10kPods,                5000,   100, 10000,  590",
    "Unschedulable/5kNodes/20kInit/10kPods,                5000, 20000, 10000,  600",
  })
  void countsAndThresholdsMatchUpstream(String name, int nodes, int init, int measured, Integer threshold) {
    Workload w = WorkloadCatalog.get(name);
    assertThat(w.nodeCount()).isEqualTo(nodes);
    assertThat(w.initPodCount()).isEqualTo(init);
    assertThat(w.measuredPodCount()).isEqualTo(measured);
    assertThat(w.threshold()).isEqualTo(threshold);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "SchedulingBasic/5Nodes,                      pod-default.yaml,                          namespace-2",
    "SchedulingDaemonset/5Nodes,                  daemonset-pod.yaml,                        namespace-2",
    "SchedulingPodAntiAffinity/5Nodes,            pod-with-pod-anti-affinity.yaml,           sched-1",
    "SchedulingPodAffinity/5Nodes,                pod-with-pod-affinity.yaml,                sched-1",
    "SchedulingPreferredPodAffinity/5Nodes,       pod-with-preferred-pod-affinity.yaml,      sched-1",
    "SchedulingPreferredPodAntiAffinity/5Nodes,   pod-with-preferred-pod-anti-affinity.yaml, sched-1",
    "SchedulingNodeAffinity/5Nodes,               pod-with-node-affinity.yaml,               namespace-2",
    "MixedSchedulingBasePod/5Nodes,               pod-default.yaml,                          namespace-7",
    "TopologySpreading/5Nodes,                    pod-with-topology-spreading.yaml,          namespace-2",
    "PreferredTopologySpreading/5Nodes,           pod-with-preferred-topology-spreading.yaml, namespace-2",
    "PreemptionBasic/5Nodes,                      default_preemption/pod-high-priority.yaml, namespace-2",
    "Unschedulable/5Nodes/1Init/10Pods,           pod-default.yaml,                          namespace-3",
  })
  void measuredOpUsesUpstreamTemplateAndNamespace(String name, String template, String namespace) {
    Workload w = WorkloadCatalog.get(name);
    assertThat(w.measuredOp().template()).isEqualTo(template);
    assertThat(w.measuredNamespace()).isEqualTo(namespace);
  }

  @Test
  void zonesAndChurnAsUpstream() {
    assertThat(((Op.CreateNodes) WorkloadCatalog.get("TopologySpreading/5000Nodes_5000Pods").ops().get(0)).zones())
        .containsExactly("moon-1", "moon-2", "moon-3");
    assertThat(((Op.CreateNodes) WorkloadCatalog.get("SchedulingPodAffinity/5000Nodes_5000Pods").ops().get(0)).zones())
        .containsExactly("zone1");
    assertThat(((Op.CreateNodes) WorkloadCatalog.get("SchedulingPodAntiAffinity/5000Nodes_2000Pods").ops().get(0)).zones())
        .isEmpty();
    Op churn = WorkloadCatalog.get("Unschedulable/5kNodes/100Init/10kPods").ops().get(2);
    assertThat(churn).isEqualTo(new Op.Churn("pod-high-priority-large-cpu.yaml", 200_000_000L));
    assertThat(WorkloadCatalog.get("PreemptionBasic/1000Nodes").evictions()).isEqualTo(4000);
  }

  @Test
  void featureGateTwinsAreLeftOut() {
    assertThat(WorkloadCatalog.names())
        .noneMatch(n -> n.contains("QueueingHints") || n.contains("AsyncAPICalls") || n.contains("NodeDeclaredFeatures"))
        .noneMatch(n -> n.contains("CompositePodGroup"));
  }

  @Test
  void gangWorkloadsFollowUpstreamsShapeWithTheCoschedulingProfile() {
    Workload w = WorkloadCatalog.get("GangScheduling/5000Nodes_1000Gangs_3000Pods");
    assertThat(w.ops()).containsExactly(
        new Op.CreateNodes(5000, null, List.of()),
        new Op.CreateNamespaces("gang-ns", 1),
        new Op.CreatePodGroups(1000, "podgroup/gangscheduling/podgroup.yaml", "gang-ns-0", 3),
        new Op.CreatePods(3000, "podgroup/gangscheduling/gang-pod.yaml", "gang-ns-0", true, 3));
    assertThat(w.profile()).isEqualTo("coscheduling.yaml");
    assertThat(w.threshold()).isNull();
    assertThat(w.measuredNamespace()).isEqualTo("gang-ns-0");
    assertThat(WorkloadCatalog.names()).contains("GangScheduling/10Nodes_3Gangs", "GangScheduling/100Nodes_10Gangs");
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> WorkloadCatalog.get("MixedChurn/5000Nodes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("workload: expected one of SchedulingBasic/5Nodes, ")
        .hasMessageEndingWith(", got MixedChurn/5000Nodes");
  }

  @Test
  void workloadNeedsItsMeasuredOpLast() {
    assertThatThrownBy(() -> new Workload("x", List.of(
        new Op.CreatePods(1, null, null, true), new Op.CreateNodes(1, null, List.of())), null, 0))
        .hasMessage("workload x: expected exactly one measured createPods op, as the last op");
    assertThatThrownBy(() -> new Op.CreatePods(0, null, null, true))
        .hasMessage("createPods count: expected a positive number, got 0");
  }
}
