package io.schedlab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.config.ExtensionPoint;
import io.schedlab.config.PluginRef;
import io.schedlab.config.ProfileConfig;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Open-Gpu-Share with FGDScore as the only score, end to end through {@link BatchRun}: pods land
 * where FGD's fragmentation arithmetic says, share devices through the profile's device ledger, and
 * are refused with Open-Gpu-Share's reasons.
 */
class GpuShareProfileTest {
  private static final String COUNT = "alibabacloud.com/gpu-count";
  private static final String MILLI = "alibabacloud.com/gpu-milli";
  private static final String MODEL = "alibabacloud.com/gpu-card-model";
  private static final String INDEX = "alibabacloud.com/gpu-index";

  /** Where each bound pod went and on which devices ("-" for none), as the probe saw it. */
  private static Map<String, String> devices() {
    Map<String, String> out = new HashMap<>();
    GpuProfiles.DeviceProbe.HELD.forEach((pod, h) -> out.put(pod, h.node() + " "
        + (h.devices().length == 0 ? "-" : Arrays.toString(h.devices()))));
    return out;
  }

  private static final String FGD_PROFILE =
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
      - schedulerName: default-scheduler
        plugins:
          multiPoint:
            enabled: [{name: Open-Gpu-Share}, {name: FGDScore}]
          preScore:
            disabled: [{name: "*"}]
            enabled: [{name: FGDScore}]
          score:
            disabled: [{name: "*"}]
            enabled: [{name: FGDScore}]
          postBind:
            enabled: [{name: GpuDeviceProbe}]
        pluginConfig:
        - name: Open-Gpu-Share
          args: {gpuSelMethod: FGDScore}
        - name: FGDScore
          args:
            typicalPods:
            - {cpuMilli: 1000, gpuMilli: 500, gpuCount: 1, popularity: 0.5}
            - {cpuMilli: 1000, gpuMilli: 1000, gpuCount: 1, popularity: 0.5}
      """;

  private final Registry registry = InTreeRegistry.create()
      .register(GpuProfiles.DeviceProbe.NAME, GpuProfiles.DeviceProbe.class,
          GpuProfiles.DeviceProbe::new);

  private static Node gpuNode(String name, int gpus) {
    return NodeBuilder.node(name).label(MODEL, "V100")
        .capacity("cpu", "32", "memory", "128Gi", COUNT, Integer.toString(gpus)).build();
  }

  private static PodBuilder gpuPod(String name, int count, int milli) {
    return PodBuilder.pod(name).container("c", "cpu", "1", "memory", "2Gi")
        .annotation(COUNT, Integer.toString(count)).annotation(MILLI, Integer.toString(milli));
  }

  @Test
  void gpuPluginsJoinAProfileOnlyWhenNamed() {
    ProfileConfig fgd = SchedulerConfigLoader.parse(FGD_PROFILE, "fgd.yaml", registry)
        .profiles().get(0);
    assertThat(fgd.pluginsAt(ExtensionPoint.FILTER)).contains(PluginRef.named("Open-Gpu-Share"));
    assertThat(fgd.pluginsAt(ExtensionPoint.RESERVE)).containsExactly(
        PluginRef.named("Open-Gpu-Share"));
    assertThat(fgd.pluginsAt(ExtensionPoint.SCORE)).extracting(PluginRef::name)
        .containsExactly("FGDScore");
    ProfileConfig defaults = SchedulerConfig.defaults(registry).profiles().get(0);
    for (ExtensionPoint point : ExtensionPoint.values()) {
      assertThat(defaults.pluginsAt(point)).extracting(PluginRef::name)
          .doesNotContain("Open-Gpu-Share", "FGDScore", "BestFitScore", "DotProductScore",
              "GpuPackingScore", "GpuClusteringScore", "RandomScore");
    }
  }

  @Test
  void podsGoWhereFgdSaysAndShareDevices() {
    GpuProfiles.DeviceProbe.HELD.clear();
    List<Node> nodes = List.of(gpuNode("n1", 2), gpuNode("n2", 2), gpuNode("n3", 2),
        NodeBuilder.node("cpu").capacity("cpu", "32", "memory", "128Gi").build());
    List<Pod> pods = List.of(
        // Already running: n1 has 400 milli left on device 1, n3 a whole GPU busy on device 0.
        gpuPod("e1", 1, 600).nodeName("n1").annotation(INDEX, "1").build(),
        gpuPod("e3", 1, 1000).nodeName("n3").annotation(INDEX, "0").build(),
        // 300 milli: on n1's device 1 the 100 left fits no typical pod, yet 300 less idle GPU is
        // fragmented (score 57); anywhere else 700 is left where no whole GPU fits (41).
        gpuPod("p1", 1, 300).build(),
        // 100 milli: fills n1's device 1 (52); any other device leaves 900 (38).
        gpuPod("p2", 1, 100).build(),
        // Two whole GPUs: only idle n2 has them.
        gpuPod("p3", 2, 1000).build(),
        // No T4 anywhere.
        gpuPod("p4", 1, 500).annotation(MODEL, "T4").build());
    SchedulerConfig config = SchedulerConfigLoader.parse(FGD_PROFILE, "fgd.yaml", registry);

    BatchRun.Result r = BatchRun.run(config, registry, nodes, pods, 7);

    assertThat(devices()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "p1", "n1 [1]",
        "p2", "n1 [1]",
        "p3", "n2 [0, 1]"));
    BatchRun.Outcome p4 = r.outcomes().get(3);
    assertThat(p4.key()).isEqualTo("default/p4");
    assertThat(p4.scheduled()).isFalse();
    assertThat(p4.message()).isEqualTo("0/4 nodes are available: 1 node(s) had no GPU,"
        + " 3 node(s) had no GPU of model T4. preemption: 0/4 nodes are available:"
        + " 4 No preemption victims found for incoming pod.");
  }

  @Test
  void theSameWorkloadLandsTheSameWayForEverySeed() {
    List<Node> nodes = List.of(gpuNode("n1", 2), gpuNode("n2", 2));
    List<Pod> pods = List.of(
        gpuPod("e1", 1, 600).nodeName("n1").annotation(INDEX, "1").build(),
        gpuPod("p1", 1, 300).build(),
        gpuPod("p2", 1, 100).build());
    SchedulerConfig config = SchedulerConfigLoader.parse(FGD_PROFILE, "fgd.yaml", registry);
    for (long seed = 0; seed < 5; seed++) {
      GpuProfiles.DeviceProbe.HELD.clear();
      BatchRun.run(config, registry, nodes, pods, seed);
      assertThat(devices()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "p1", "n1 [1]",
          "p2", "n1 [1]"));
    }
  }

  @Test
  void profilesOfOneSchedulerSeeEachOthersDevices() {
    String yaml = """
        apiVersion: kubescheduler.config.k8s.io/v1
        kind: KubeSchedulerConfiguration
        profiles:
        - schedulerName: gpu-worst
          plugins:
            multiPoint:
              enabled: [{name: Open-Gpu-Share}]
          pluginConfig:
          - name: Open-Gpu-Share
            args: {gpuSelMethod: worst}
        - schedulerName: gpu-best
          plugins:
            multiPoint:
              enabled: [{name: Open-Gpu-Share}]
        """;
    SchedulerConfig config = SchedulerConfigLoader.parse(yaml, "two.yaml", registry);
    // "worst" puts 300 on device 0 and 600 on device 1: [700, 400]. A best-fit guess of those
    // placements would leave device 1 whole; the other profile must know better.
    List<Pod> pods = List.of(
        gpuPod("w1", 1, 300).schedulerName("gpu-worst").build(),
        gpuPod("w2", 1, 600).schedulerName("gpu-worst").build(),
        gpuPod("b1", 1, 1000).schedulerName("gpu-best").build());

    BatchRun.Result r = BatchRun.run(config, registry, List.of(gpuNode("n1", 2)), pods, 1);

    assertThat(r.outcomes().get(0).nodeName()).isEqualTo("n1");
    assertThat(r.outcomes().get(1).nodeName()).isEqualTo("n1");
    assertThat(r.outcomes().get(2).scheduled()).isFalse();
    assertThat(r.outcomes().get(2).message())
        .startsWith("0/1 nodes are available: 1 node(s) had insufficient GPU.");
  }

  /**
   * The artifact's quick-start scheduler config (traces/samples/fgd-quickstart), moved to v1:
   * NodeResourcesLeastAllocated became NodeResourcesFit's scoring, NodePreferAvoidPods is gone,
   * the Simon binder is the default one; the test's probe is added at postBind.
   */
  private static final String ARTIFACT_QUICKSTART =
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      percentageOfNodesToScore: 100
      profiles:
        - schedulerName: default-scheduler
          plugins:
            filter:
              enabled:
                - name: Open-Gpu-Share
            score:
              disabled:
                - name: RandomScore
                - name: DotProductScore
                - name: GpuClusteringScore
                - name: GpuPackingScore
                - name: BestFitScore
                - name: FGDScore
                - name: ImageLocality
                - name: NodeAffinity
                - name: PodTopologySpread
                - name: TaintToleration
                - name: NodeResourcesBalancedAllocation
                - name: InterPodAffinity
                - name: NodeResourcesFit
              enabled:
                - name: FGDScore
                  weight: 1000
            reserve:
              enabled:
                - name: Open-Gpu-Share
            postBind:
              enabled:
                - name: GpuDeviceProbe
          pluginConfig:
            - name: FGDScore
              args:
                dimExtMethod: share
                normMethod: max
            - name: Open-Gpu-Share
              args:
                dimExtMethod: share
                normMethod: max
                gpuSelMethod: FGDScore
      """;

  @Test
  void theArtifactsQuickStartConfigRunsItsCluster() {
    GpuProfiles.DeviceProbe.HELD.clear();
    SchedulerConfig config =
        SchedulerConfigLoader.parse(ARTIFACT_QUICKSTART, "quickstart.yaml", registry);
    List<Node> nodes = List.of(
        NodeBuilder.node("pai-node-00").label(MODEL, "V100")
            .capacity("cpu", "64", "memory", "256000Mi", COUNT, "2").build(),
        NodeBuilder.node("pai-node-01").label(MODEL, "V100")
            .capacity("cpu", "64", "memory", "256000Mi", COUNT, "4").build());
    List<Pod> pods = List.of(
        PodBuilder.pod("gpu-pod-00").namespace("pai-gpu")
            .container("main", "cpu", "4", "memory", "9216Mi")
            .annotation(COUNT, "1").annotation(MILLI, "500").build(),
        PodBuilder.pod("gpu-pod-01").namespace("pai-gpu")
            .container("main", "cpu", "8", "memory", "17408Mi").build(),
        PodBuilder.pod("gpu-pod-02").namespace("pai-gpu")
            .container("main", "cpu", "12", "memory", "18432Mi")
            .annotation(COUNT, "2").annotation(MILLI, "1000").build());

    BatchRun.Result r = BatchRun.run(config, registry, nodes, pods, 233);

    assertThat(r.scheduled()).isEqualTo(3);
    assertThat(devices().get("gpu-pod-00")).matches("pai-node-0[01] \\[\\d]");
    assertThat(devices().get("gpu-pod-01")).matches("pai-node-0[01] -");
    assertThat(devices().get("gpu-pod-02")).matches("pai-node-0[01] \\[\\d, \\d]");
  }
}
