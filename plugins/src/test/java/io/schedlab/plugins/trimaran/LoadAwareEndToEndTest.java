package io.schedlab.plugins.trimaran;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.NodeMetrics;
import io.schedlab.api.Pod;
import io.schedlab.cluster.ClusterSimulation;
import io.schedlab.cluster.EventLog;
import io.schedlab.cluster.Scenario;
import io.schedlab.cluster.ScenarioLoader;
import io.schedlab.cluster.StandardClusterModel;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.Registry;
import io.schedlab.node.MetricsServer;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.sim.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole cluster with kubelets and the metrics server: two nodes each run one pod with the
 * same request (1 CPU) but different recorded CPU usage. The sample profiles' load-aware scores
 * place a new pod by that usage: TargetLoadPacking onto the busier node (still under its 40 %
 * target), LoadVariationRiskBalancing onto the quieter one; swapping the usages, and nothing
 * else, swaps the choice. A requests-only score could not tell the two nodes apart.
 */
class LoadAwareEndToEndTest {
  private static final String SCENARIO = """
      apiVersion: schedlab.io/v1alpha1
      kind: Scenario
      metadata: {name: load-aware}
      spec:
        seed: %d
        cluster:
          objects:
          - {apiVersion: v1, kind: Node, metadata: {name: a}, status: {capacity: {cpu: "8", memory: 16Gi, pods: "110"}}}
          - {apiVersion: v1, kind: Node, metadata: {name: b}, status: {capacity: {cpu: "8", memory: 16Gi, pods: "110"}}}
          - {apiVersion: v1, kind: Pod, metadata: {name: on-a, namespace: default, annotations: {schedlab.io/usage-cpu-millicores: "%d", schedlab.io/usage-memory-bytes: "1073741824"}}, spec: {nodeName: a, containers: [{name: c, image: app, resources: {requests: {cpu: "1", memory: 1Gi}}}]}}
          - {apiVersion: v1, kind: Pod, metadata: {name: on-b, namespace: default, annotations: {schedlab.io/usage-cpu-millicores: "%d", schedlab.io/usage-memory-bytes: "1073741824"}}, spec: {nodeName: b, containers: [{name: c, image: app, resources: {requests: {cpu: "1", memory: 1Gi}}}]}}
        workloads:
        - at: 5m
          objects:
          - {apiVersion: v1, kind: Pod, metadata: {name: new, namespace: default}, spec: {containers: [{name: c, image: app, resources: {requests: {cpu: 500m, memory: 512Mi}}}]}}
      """;

  private static String profile(String file) throws Exception {
    Path p = Path.of("..", "traces", "samples", "profiles", file);
    return Files.readString(p);
  }

  @ParameterizedTest(name = "{0}: usage a={2}m b={3}m, seed {4} -> {5}")
  @CsvSource({
      "target-load-packing.yaml,            TargetLoadPacking, 2400, 400,  1, a",
      "target-load-packing.yaml,            TargetLoadPacking, 400,  2400, 1, b",
      "target-load-packing.yaml,            TargetLoadPacking, 2400, 400,  2, a",
      "target-load-packing.yaml,            TargetLoadPacking, 400,  2400, 2, b",
      "load-variation-risk-balancing.yaml,  LoadVariationRiskBalancing, 2400, 400,  1, b",
      "load-variation-risk-balancing.yaml,  LoadVariationRiskBalancing, 400,  2400, 1, a",
      "load-variation-risk-balancing.yaml,  LoadVariationRiskBalancing, 2400, 400,  2, b",
      "load-variation-risk-balancing.yaml,  LoadVariationRiskBalancing, 400,  2400, 2, a"})
  void newPodFollowsRecordedUsage(String file, String plugin, long usageA, long usageB, long seed,
      String expected) throws Exception {
    Registry registry = InTreeRegistry.create();
    SchedulerConfig config = SchedulerConfigLoader.parse(profile(file), file, registry);
    assertThat(config.toString()).contains(plugin);
    Scenario scenario = ScenarioLoader.parse(SCENARIO.formatted(seed, usageA, usageB),
        "load-aware.yaml", null);
    ClusterSimulation sim = new ClusterSimulation(scenario, config, registry,
        StandardClusterModel.create().withMetricsServer(MetricsServer.withDefaults()),
        EventLog.NONE);
    sim.runUntil(6 * 60 * Durations.SECOND);

    NodeMetrics busy = sim.store().get(NodeMetrics.class, null, usageA > usageB ? "a" : "b");
    assertThat(busy.usage().get("cpu").milliValue()).isEqualTo(2400);
    Pod placed = sim.store().get(Pod.class, "default", "new");
    assertThat(placed.spec().nodeName()).isEqualTo(expected);
  }
}
