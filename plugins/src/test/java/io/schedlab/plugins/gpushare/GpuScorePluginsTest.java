package io.schedlab.plugins.gpushare;

import static io.schedlab.plugins.gpushare.GpuWorld.gpuNode;
import static io.schedlab.plugins.gpushare.GpuWorld.gpuPod;
import static io.schedlab.plugins.gpushare.GpuWorld.plugin;
import static io.schedlab.plugins.gpushare.GpuWorld.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;
import io.schedlab.testing.PodBuilder;
import io.schedlab.testing.TestHandles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The six score policies on three V100 nodes, expectations worked out by hand from the formulas:
 * a (16 cores, 2 idle GPUs), b (16 cores, a 600-milli share on device 0: [400, 1000], 15 cores
 * free), c (32 cores, a whole GPU on device 0: [0, 1000, 1000, 1000], 28 cores free).
 */
class GpuScorePluginsTest {
  /** Half 500-milli shares, half whole GPUs, one core each. */
  private static final String HALF_SHARES_HALF_WHOLE = "{\"typicalPods\":["
      + "{\"cpuMilli\":1000,\"gpuMilli\":500,\"gpuCount\":1,\"popularity\":0.5},"
      + "{\"cpuMilli\":1000,\"gpuMilli\":1000,\"gpuCount\":1,\"popularity\":0.5}]}";

  private static StaticHandle world() {
    return TestHandles.of(
        List.of(gpuNode("a", "16", 2, "V100"), gpuNode("b", "16", 2, "V100"),
            gpuNode("c", "32", 4, "V100")),
        List.of(running("rb", "b", "1", 1, 600, "0").build(),
            running("rc", "c", "4", 1, 1000, "0").build()));
  }

  /** PreScore, Score on a, b and c, then NormalizeScore when the plugin has one. */
  private static long[] run(ScorePlugin p, StaticHandle h, PodBuilder pod) {
    PodInfo info = h.compile(pod.build());
    CycleState state = new CycleState();
    List<NodeInfo> nodes = h.snapshot().list();
    if (p instanceof PreScorePlugin pre) {
      assertThat(pre.preScore(state, info, nodes)).isEqualTo(Status.SUCCESS);
    }
    long[] out = new long[nodes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = p.score(state, info, nodes.get(i));
    }
    if (p.scoreExtensions() != null) {
      assertThat(p.scoreExtensions().normalizeScore(state, info, nodes, out).isSuccess()).isTrue();
    }
    return out;
  }

  static Stream<Arguments> scores() {
    return Stream.of(
        // Raw 83, 88, 72 (100 × (1 − (cpu left / 128 cores + gpu left / 8 GPUs) / 2)), then
        // min-max: (83 − 72) × 100 / 16 = 68.
        Arguments.of("BestFit, normalised", BestFitScore.NAME, null, gpuPod("p", "2", 1, 300),
            new long[] {68, 100, 0}),
        Arguments.of("BestFit, cpu pod", BestFitScore.NAME, null, gpuPod("p", "2", 0, 0),
            // Raw 82 (14 of 128 cores and 2 of 8 GPUs left), 86, 71: (82 − 71) × 100 / 15 = 73.
            new long[] {73, 100, 0}),
        // a: untouched, 33 − 2; b: the used device's 40 % free, 100 − 4; c: opens one GPU, 50 − 1.
        Arguments.of("GpuPacking, share", GpuPackingScore.NAME, null, gpuPod("p", "2", 1, 300),
            new long[] {31, 96, 49}),
        Arguments.of("GpuPacking, two whole GPUs", GpuPackingScore.NAME, null,
            gpuPod("p", "2", 2, 1000), new long[] {31, -1, 48}),
        Arguments.of("GpuPacking, cpu pod", GpuPackingScore.NAME, null, gpuPod("p", "2", 0, 0),
            new long[] {0, 0, 0}),
        // Fill 25 × used / 8000 (0, 600, 1000 used: 18, 20, 15), plus 25 for a node without GPU
        // pods, 75 for one holding only shares, 0 for one holding only other kinds.
        Arguments.of("GpuClustering, share", GpuClusteringScore.NAME, null,
            gpuPod("p", "2", 1, 300), new long[] {43, 95, 15}),
        Arguments.of("GpuClustering, one whole GPU", GpuClusteringScore.NAME, null,
            gpuPod("p", "2", 1, 1000), new long[] {43, 20, 90}),
        Arguments.of("GpuClustering, cpu pod", GpuClusteringScore.NAME, null,
            gpuPod("p", "2", 0, 0), new long[] {0, 0, 0}),
        // Norm by node: b's best match is device 0 (400 free): 1 − (15/16 × 2/16 + 0.2 × 0.15) / 2.
        Arguments.of("DotProduct, share/node", DotProductScore.NAME,
            "{\"dimExtMethod\":\"share\",\"normMethod\":\"node\"}", gpuPod("p", "2", 1, 300),
            new long[] {86, 92, 94}),
        Arguments.of("DotProduct, defaults (share/max)", DotProductScore.NAME, null,
            gpuPod("p", "2", 1, 300), new long[] {99, 99, 99}),
        // a: 700 left on a device no whole GPU fits (+350); b: device 0 to 100 (400 → 100 for
        // both classes, −300); c: 700 left beside two idle GPUs (+350).
        Arguments.of("FGD, share", FgdScore.NAME, HALF_SHARES_HALF_WHOLE,
            gpuPod("p", "2", 1, 300), new long[] {41, 57, 41}),
        Arguments.of("FGD, cpu pod changes no fragmentation", FgdScore.NAME,
            HALF_SHARES_HALF_WHOLE, gpuPod("p", "2", 0, 0), new long[] {50, 50, 50}),
        Arguments.of("FGD, pod without requests", FgdScore.NAME, HALF_SHARES_HALF_WHOLE,
            PodBuilder.pod("p").container("c"), new long[] {100, 100, 100}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void scores(String name, String plugin, String args, PodBuilder pod, long[] expected) {
    StaticHandle h = world();
    ScorePlugin p = plugin(plugin, args, h);
    if (expected[1] < 0) {
      assertThatThrownBy(() -> run(p, h, pod)).isInstanceOf(StatusException.class)
          .hasMessageContaining("node(b)");
      return;
    }
    assertThat(run(p, h, pod)).containsExactly(expected);
  }

  static Stream<Arguments> modelMismatchIsAnError() {
    return Stream.of(
        Arguments.of(FgdScore.NAME, HALF_SHARES_HALF_WHOLE),
        Arguments.of(BestFitScore.NAME, null),
        Arguments.of(GpuPackingScore.NAME, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void modelMismatchIsAnError(String plugin, String args) {
    StaticHandle h = world();
    ScorePlugin p = plugin(plugin, args, h);
    PodInfo pod = h.compile(gpuPod("p", "1", 1, 300)
        .annotation(GpuDemand.GPU_MODEL_KEY, "T4").build());
    assertThatThrownBy(() -> p.score(new CycleState(), pod, h.snapshot().get("a")))
        .isInstanceOfSatisfying(StatusException.class,
            e -> assertThat(e.status().code()).isEqualTo(Code.ERROR))
        .hasMessage("Error: node(a) with GPU model 'V100' does not match the GPU model request"
            + " 'T4' of pod(default/p); enable the Open-Gpu-Share filter");
  }

  @Test
  void fgdDerivesTypicalPodsFromTheClusterWhenNoneAreGiven() {
    StaticHandle h = world();
    FgdScore p = plugin(FgdScore.NAME, null, h);
    // Cluster pods: a 600 share (1 core) and a whole GPU (4 cores); with the pod, a 300 share
    // (2 cores): three classes of one pod each, all kept at 1/3.
    long[] s = run(p, h, gpuPod("p", "2", 1, 300));
    TypicalPods t = ProfileTypicalPods.of(h).get(h.snapshot(), null);
    assertThat(t.size()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(t.get(i).popularity()).isEqualTo(1.0 / 3);
    }
    // a: 700 on device 0 leaves 700 the whole-GPU class cannot use: −233 → sigmoid → 44.
    assertThat(s[0]).isEqualTo(44);
  }

  @Test
  void randomScoreGivesTheTopScoreToOneDrawnNode() {
    Set<String> picked = new HashSet<>();
    for (long seed = 0; seed < 30; seed++) {
      StaticHandle h = world().setSeed(seed);
      RandomScore p = plugin(RandomScore.NAME, null, h);
      long[] s = run(p, h, gpuPod("p", "1", 1, 300));
      int top = -1;
      for (int i = 0; i < s.length; i++) {
        assertThat(s[i]).isIn(0L, 100L);
        if (s[i] == 100) {
          assertThat(top).as("one node only").isEqualTo(-1);
          top = i;
        }
      }
      assertThat(top).isNotEqualTo(-1);
      picked.add(h.snapshot().list().get(top).name());
    }
    assertThat(picked).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void randomScoreWithoutPreScoreIsAnError() {
    StaticHandle h = world();
    RandomScore p = plugin(RandomScore.NAME, null, h);
    PodInfo pod = h.compile(gpuPod("p", "1", 0, 0).build());
    assertThatThrownBy(() -> p.score(new CycleState(), pod, h.snapshot().get("a")))
        .isInstanceOf(StatusException.class)
        .hasMessageContaining("PreScoreRandomScore");
  }

  static Stream<Arguments> invalidArgs() {
    return Stream.of(
        Arguments.of(DotProductScore.NAME, "{\"normMethod\":\"l2\"}", "normMethod",
            "expected node, pod or max, got 'l2'"),
        Arguments.of(DotProductScore.NAME, "{\"dimExtMethod\":\"flat\"}", "dimExtMethod",
            "expected merge, share, divide or extend, got 'flat'"),
        Arguments.of(FgdScore.NAME, "{\"normMethod\":\"l2\"}", "normMethod",
            "expected node, pod or max, got 'l2'"),
        Arguments.of(FgdScore.NAME, "{\"typicalPods\":[{\"gpuMilli\":1200,\"gpuCount\":1,"
            + "\"popularity\":1}]}", "typicalPods[0].gpuMilli", "expected 0..1000, got 1200"),
        Arguments.of(FgdScore.NAME, "{\"typicalPods\":[{\"cpuMilli\":-1,\"popularity\":1}]}",
            "typicalPods[0].cpuMilli", "expected >= 0, got -1"),
        Arguments.of(FgdScore.NAME, "{\"typicalPods\":[{\"gpuMilli\":500,\"gpuCount\":-1,"
            + "\"popularity\":1}]}", "typicalPods[0].gpuCount", "expected >= 0, got -1"),
        Arguments.of(FgdScore.NAME, "{\"typicalPods\":[{\"gpuMilli\":500,\"popularity\":1}]}",
            "typicalPods[0]", "expected gpuMilli and gpuCount both 0 (a CPU pod) or both"
                + " positive, got gpuMilli 500 and gpuCount 0"),
        Arguments.of(FgdScore.NAME, "{\"typicalPods\":[{\"cpuMilli\":1000,\"popularity\":0.5},"
            + "{\"cpuMilli\":2000}]}", "typicalPods[1].popularity",
            "expected a number in (0, 1], got null"),
        Arguments.of(FgdScore.NAME, "{\"typicalPods\":[{\"cpuMilli\":1000,\"popularity\":0}]}",
            "typicalPods[0].popularity", "expected a number in (0, 1], got 0.0"),
        Arguments.of(FgdScore.NAME, "{\"typicalPods\":[{\"cpuMilli\":1000,\"popularity\":0.75},"
            + "{\"cpuMilli\":2000,\"popularity\":0.5}]}", "typicalPods",
            "expected popularities adding up to at most 1, got 1.25"),
        Arguments.of(FgdScore.NAME, "{\"typicalPods\":[null]}", "typicalPods[0]",
            "expected a typical pod {cpuMilli, gpuMilli, gpuCount, gpuModel, popularity}, got"
                + " null"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource
  void invalidArgs(String plugin, String json, String field, String detail) {
    StaticHandle h = world();
    assertThatThrownBy(() -> plugin(plugin, json, h))
        .isInstanceOfSatisfying(PluginArgsException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.detail()).isEqualTo(detail);
          assertThat(e.plugin()).isEqualTo(plugin);
        });
  }

  @Test
  void argumentlessScoresRefuseArgs() {
    StaticHandle h = world();
    for (String name : List.of(BestFitScore.NAME, GpuPackingScore.NAME, GpuClusteringScore.NAME,
        RandomScore.NAME)) {
      assertThatThrownBy(() -> plugin(name, "{\"weight\":2}", h))
          .isInstanceOf(PluginArgsException.class)
          .hasMessage("plugin " + name + " args: takes no args");
    }
  }
}
