package io.schedlab.plugins.gpushare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The artifact's filter, scores and device choices on hand-made nodes; every expected value is
 * worked out from the artifact's formulas in the comments beside it.
 */
class GpuPoliciesTest {
  private static GpuNodeState node(long cpu, String model, int... free) {
    return new GpuNodeState(cpu, 1L << 40, model, free);
  }

  private static GpuDemand share(long cpu, int milli) {
    return new GpuDemand(cpu, 0, 1, milli, "");
  }

  private static GpuDemand whole(long cpu, int gpus) {
    return new GpuDemand(cpu, 0, gpus, 1000, "");
  }

  private static final GpuDemand CPU_ONLY = new GpuDemand(4000, 0, 0, 0, "");

  static Stream<Arguments> fit() {
    return Stream.of(
        Arguments.of("CPU pod on a CPU node", node(1000, ""), CPU_ONLY, true),
        Arguments.of("share on a node without GPUs", node(64000, ""), share(1000, 500), false),
        Arguments.of("model not accepted", node(64000, "P100", 1000), new GpuDemand(1000, 0, 1,
            500, "T4|V100M16"), false),
        Arguments.of("model accepted", node(64000, "T4", 1000), new GpuDemand(1000, 0, 1, 500,
            "T4|V100M16"), true),
        Arguments.of("no device has 700", node(64000, "T4", 600, 650), share(1000, 700), false),
        Arguments.of("two whole of three devices", node(64000, "T4", 1000, 999, 1000),
            whole(1000, 2), true),
        Arguments.of("three whole of two free", node(64000, "T4", 1000, 999, 1000),
            whole(1000, 3), false),
        Arguments.of("two 400-slices packed on one device", node(64000, "T4", 1000),
            new GpuDemand(1000, 0, 2, 400, ""), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fit")
  void openGpuShareFilter(String name, GpuNodeState n, GpuDemand d, boolean fits) {
    assertThat(GpuShareFit.fits(n, d)).isEqualTo(fits);
  }

  @Test
  void bestFit() {
    // cpu left 24000, gpu left 1200: 100 x (1 - (24000/128000 + 1200/8000) / 2) = 83.125
    assertThat(GpuScores.bestFit(node(32000, "", 1000, 500), share(8000, 300))).isEqualTo(83);
    assertThat(GpuScores.bestFit(node(32000, "", 1000, 500), share(40000, 300))).isEqualTo(-1);
  }

  static Stream<Arguments> packing() {
    GpuNodeState used = node(64000, "", 1000, 400, 1000, 1000);
    return Stream.of(
        // untouched: max(33 - free GPUs, free GPUs)
        Arguments.of("idle 4-GPU node", node(64000, "", 1000, 1000, 1000, 1000), share(1, 300), 29L),
        Arguments.of("idle 8-GPU node", node(64000, "", new int[] {1000, 1000, 1000, 1000, 1000,
            1000, 1000, 1000}), share(1, 300), 25L),
        // fits on the 400 device: 100 - (400 x 100 / 1000) / 10 = 96
        Arguments.of("share onto a used device", used, share(1, 300), 96L),
        // 400 is too small, opens one free device: max(50 - 1, 33)
        Arguments.of("share opening a free device", used, share(1, 500), 49L),
        Arguments.of("two whole GPUs", used, whole(1, 2), 48L),
        Arguments.of("does not fit", used, whole(1, 4), -1L),
        Arguments.of("CPU pod", used, CPU_ONLY, 0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packing")
  void gpuPacking(String name, GpuNodeState n, GpuDemand d, long score) {
    assertThat(GpuScores.gpuPacking(n, d)).isEqualTo(score);
  }

  @Test
  void gpuClustering() {
    GpuNodeState n = node(64000, "", 1000, 1000, 1000, 1000);
    // fill = 25 x (8000 - 4000) / 8000 = 12 (integer division)
    GpuKindCounts none = new GpuKindCounts();
    GpuKindCounts shares = new GpuKindCounts();
    shares.add(share(1, 200));
    GpuKindCounts mixed = shares.copy();
    mixed.add(whole(1, 2));
    GpuKindCounts twos = new GpuKindCounts();
    twos.add(whole(1, 2));
    assertThat(GpuScores.gpuClustering(n, none, share(1, 300))).isEqualTo(12 + 25);
    assertThat(GpuScores.gpuClustering(n, shares, share(1, 300))).isEqualTo(12 + 75);
    assertThat(GpuScores.gpuClustering(n, mixed, share(1, 300))).isEqualTo(12 + 50);
    assertThat(GpuScores.gpuClustering(n, twos, share(1, 300))).isEqualTo(12);
    assertThat(GpuScores.gpuClustering(n, twos, CPU_ONLY)).isZero();
    mixed.remove(whole(1, 2));
    assertThat(mixed.distinct()).isEqualTo(1);
  }

  @Test
  void normalizeIsMinMaxInIntegers() {
    long[] s = {40, 70, 55, 999};
    GpuScores.normalize(s, 3);
    assertThat(s).containsExactly(0, 100, 50, 999);
    long[] same = {7, 7};
    GpuScores.normalize(same, 2);
    assertThat(same).containsExactly(0, 0);
  }

  @Test
  void dotProduct() {
    GpuNodeState idle = node(64000, "", 1000, 1000);
    // merge, max: (0.5 x 0.0625 + 0.25 x 0.0625) / 2 = 0.0234375 -> 97.65625
    assertThat(DotProduct.score(idle, 64000, share(8000, 500), DotProduct.DimExt.MERGE,
        DotProduct.Norm.MAX)).isEqualTo(97);
    // share: no partly used device; the free devices as one candidate, as merge here
    DotProduct.Choice c = DotProduct.choose(idle, 64000, share(8000, 500),
        DotProduct.DimExt.SHARE, DotProduct.Norm.MAX);
    assertThat(c.score()).isEqualTo(97);
    assertThat(c.devices()).containsExactly(0);
    GpuNodeState part = node(64000, "", 300, 1000);
    // merge: 1300 free -> (0.03125 + 0.1625 x 0.0625) / 2 -> 97.93
    assertThat(DotProduct.score(part, 64000, share(8000, 500), DotProduct.DimExt.MERGE,
        DotProduct.Norm.MAX)).isEqualTo(97);
    // share: device 0 (300) too small; the free device: (0.03125 + 0.125 x 0.0625) / 2 -> 98.05
    c = DotProduct.choose(part, 64000, share(8000, 500), DotProduct.DimExt.SHARE,
        DotProduct.Norm.MAX);
    assertThat(c.score()).isEqualTo(98);
    assertThat(c.devices()).containsExactly(1);
    assertThat(DotProduct.score(part, 64000, share(80000, 500), DotProduct.DimExt.MERGE,
        DotProduct.Norm.MAX)).isZero();
  }

  @Test
  void deviceSelection() {
    GpuNodeState n = node(64000, "", 1000, 300, 600, 1000);
    GpuSelection.Context ctx = new GpuSelection.Context(TypicalPods.ofClasses(List.of()), 64000,
        DotProduct.DimExt.SHARE, DotProduct.Norm.MAX, new SplittableRandom(1));
    assertThat(GpuSelection.BEST.select(n, share(1, 250), ctx)).containsExactly(1);
    assertThat(GpuSelection.WORST.select(n, share(1, 250), ctx)).containsExactly(0);
    assertThat(GpuSelection.BEST.select(n, whole(1, 2), ctx)).containsExactly(0, 3);
    assertThat(GpuSelection.RANDOM.select(n, whole(1, 2), ctx)).containsExactly(0, 3);
    assertThat(GpuSelection.BEST.select(n, CPU_ONLY, ctx)).isEmpty();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(GpuSelection.RANDOM.select(n, share(1, 500), ctx)[0]);
    }
    assertThat(seen).containsExactlyInAnyOrder(0, 2, 3);
    TypicalPods one = TypicalPods.ofClasses(List.of(new TypicalPods.PodClass(1000, 700, 1, "", 1)));
    GpuSelection.Context fgd = new GpuSelection.Context(one, 64000, DotProduct.DimExt.SHARE,
        DotProduct.Norm.MAX, new SplittableRandom(1));
    // Putting 300 on device 2 (600) leaves 300, too small for the typical 700: worse than
    // device 1 (300 -> 0) which makes nothing new unusable.
    assertThat(GpuSelection.FGD.select(n, share(1, 300), fgd))
        .isEqualTo(Fragmentation.fgd(n, share(1, 300), one).devices()).containsExactly(1);
  }

  @Test
  void namesParseAsTheArtifactWritesThem() {
    assertThat(GpuSelection.parse("gpuSelMethod", "FGDScore")).isEqualTo(GpuSelection.FGD);
    assertThat(GpuPolicy.byName("policy", "fgd")).isEqualTo(GpuPolicy.FGD);
    assertThat(GpuPolicy.byName("policy", "05-BestFit")).isEqualTo(GpuPolicy.BEST_FIT);
    assertThat(GpuPolicy.byName("policy", "DotProductScore")).isEqualTo(GpuPolicy.DOT_PROD);
    assertThat(DotProduct.DimExt.parse("dimExtMethod", "Extend")).isEqualTo(DotProduct.DimExt.EXTEND);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DotProduct.Norm.parse("normMethod", "l2"))
        .hasMessage("normMethod: expected node, pod or max, got 'l2'");
  }
}
