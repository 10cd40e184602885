package io.schedlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.schedlab.api.KubeObject;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import org.junit.jupiter.api.Test;

class ClusterSamplerTest {
  private static final long S = 1_000_000_000L;

  // n1 and n2 Ready (4 cpu, 8Gi each, n2 with 2 GPUs), n3 NotReady; a running pod on each
  // Ready node, one on n3 (not counted in allocation), one unscheduled, one finished.
  static final String CLUSTER = """
      apiVersion: schedlab.io/v1alpha1
      kind: Scenario
      metadata: {name: sampler}
      spec:
        cluster:
          objects:
          - {apiVersion: v1, kind: Node, metadata: {name: n1}, status: {allocatable: {cpu: "4", memory: 8Gi}, conditions: [{type: Ready, status: "True"}]}}
          - {apiVersion: v1, kind: Node, metadata: {name: n2}, status: {allocatable: {cpu: "4", memory: 8Gi, nvidia.com/gpu: "2"}, conditions: [{type: Ready, status: "True"}]}}
          - {apiVersion: v1, kind: Node, metadata: {name: n3}, status: {allocatable: {cpu: "4", memory: 8Gi}, conditions: [{type: Ready, status: "False"}]}}
          - {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: d, annotations: {schedlab.io/usage-memory-bytes: "1073741824"}}, spec: {nodeName: n1, containers: [{name: c, image: x, resources: {requests: {cpu: "2", memory: 4Gi}}}]}, status: {phase: Running}}
          - {apiVersion: v1, kind: Pod, metadata: {name: b, namespace: d}, spec: {nodeName: n2, containers: [{name: c, image: x, resources: {requests: {cpu: "2", nvidia.com/gpu: "1"}, limits: {nvidia.com/gpu: "1"}}}]}, status: {phase: Running}}
          - {apiVersion: v1, kind: Pod, metadata: {name: c, namespace: d}, spec: {nodeName: n3, containers: [{name: c, image: x, resources: {requests: {cpu: "4"}}}]}, status: {phase: Running}}
          - {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: d}, spec: {containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]}}
          - {apiVersion: v1, kind: Pod, metadata: {name: f, namespace: d}, spec: {nodeName: n1, containers: [{name: c, image: x, resources: {requests: {cpu: "2"}}}]}, status: {phase: Succeeded}}
      """;

  @Test
  void samplesAllocationUtilisationAndCountsEveryPeriod() {
    EventLoop loop = new EventLoop();
    ClusterStore store = ClusterStore.simulated(loop, 1);
    ClusterContext ctx = new ClusterContext(store, loop, EventLog.NONE, 1, ClusterSettings.DEFAULTS);
    for (KubeObject o : ScenarioLoader.parse(CLUSTER, "sampler.yaml", null).cluster()) {
      store.create(o);
    }
    ClusterSampler sampler = new ClusterSampler(5 * S);
    sampler.start(ctx);
    loop.runUntil(12 * S);
    assertThat(sampler.times()).containsExactly(5.0, 10.0);
    assertThat(sampler.names()).containsExactly("allocation_cpu", "allocation_memory",
        "allocation_nvidia.com/gpu", ClusterSampler.NODES_READY, ClusterSampler.PENDING_PODS,
        ClusterSampler.RUNNING_PODS, ClusterSampler.UTILISATION_MEMORY);
    assertThat(sampler.values("allocation_cpu")[0]).isCloseTo(50.0, within(1e-9));
    assertThat(sampler.values("allocation_memory")[0]).isCloseTo(25.0, within(1e-9));
    assertThat(sampler.values("allocation_nvidia.com/gpu")[0]).isCloseTo(50.0, within(1e-9));
    assertThat(sampler.values(ClusterSampler.UTILISATION_MEMORY)[0])
        .isCloseTo(100.0 / 16, within(1e-9));
    assertThat(sampler.values(ClusterSampler.NODES_READY)).containsExactly(2, 2);
    assertThat(sampler.values(ClusterSampler.RUNNING_PODS)).containsExactly(3, 3);
    assertThat(sampler.values(ClusterSampler.PENDING_PODS)).containsExactly(1, 1);
  }

  @Test
  void allNodesCountsNodesWhateverTheirConditions() {
    EventLoop loop = new EventLoop();
    ClusterStore store = ClusterStore.simulated(loop, 1);
    ClusterContext ctx = new ClusterContext(store, loop, EventLog.NONE, 1, ClusterSettings.DEFAULTS);
    for (KubeObject o : ScenarioLoader.parse(CLUSTER, "sampler.yaml", null).cluster()) {
      store.create(o);
    }
    ClusterSampler all = new ClusterSampler(5 * S, ClusterSampler.ALL_NODES);
    ClusterSampler ready = new ClusterSampler(5 * S);
    all.sample(ctx);
    ready.sample(ctx);
    // n3's 4 cpu and its pod's 4 cpu now count: (2 + 2 + 4) of 12 cpu.
    assertThat(all.values("allocation_cpu")[0]).isCloseTo(100.0 * 8 / 12, within(1e-9));
    assertThat(all.values(ClusterSampler.NODES_READY)).containsExactly(3);
    assertThat(ready.values("allocation_cpu")[0]).isCloseTo(50.0, within(1e-9));
    assertThat(ready.values(ClusterSampler.NODES_READY)).containsExactly(2);
  }

  @Test
  void aNullNodeChoiceIsAnError() {
    assertThatThrownBy(() -> new ClusterSampler(S, null)).hasMessageContaining("nodes counted");
  }

  @Test
  void aNonPositivePeriodIsAnError() {
    assertThatThrownBy(() -> new ClusterSampler(0)).hasMessageContaining("sample period");
  }

  @Test
  void anUnknownSeriesIsAnError() {
    assertThat(new ClusterSampler().names()).isEmpty();
    assertThatThrownBy(() -> new ClusterSampler().values("allocation_cpu"))
        .hasMessageContaining("\"allocation_cpu\"");
  }
}
