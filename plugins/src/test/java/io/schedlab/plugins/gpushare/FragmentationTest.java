package io.schedlab.plugins.gpushare;

import static io.schedlab.plugins.gpushare.Fragmentation.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.schedlab.plugins.gpushare.TypicalPods.PodClass;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FragmentationTest {
  private static final double EPS = 1e-9;

  /** Half shares of 500 milli, 30 % one whole GPU, 20 % CPU-only. */
  private static final TypicalPods MIXED = TypicalPods.ofClasses(List.of(
      new PodClass(1000, 500, 1, "", 0.5),
      new PodClass(2000, 1000, 1, "", 0.3),
      new PodClass(4000, 0, 0, "", 0.2)));

  private static GpuNodeState node(long cpu, String model, int... gpus) {
    return new GpuNodeState(cpu, 1L << 40, model, gpus);
  }

  private static TypicalPods single(long cpu, int milli, int count, String model) {
    return TypicalPods.ofClasses(List.of(new PodClass(cpu, milli, count, model, 1.0)));
  }

  static Stream<Arguments> categories() {
    return Stream.of(
        Arguments.of("cpu-only class, cpu fits", node(8000, "A", 1000), 4000, 0, 0, "",
            XL_SATISFIED),
        Arguments.of("cpu-only class, cpu short", node(3000, "A", 1000), 4000, 0, 0, "",
            XR_LACK_CPU),
        Arguments.of("cpu-only class ignores model", node(8000, "", 1000), 100, 0, 0, "A",
            XL_SATISFIED),
        Arguments.of("share fits", node(8000, "A", 300, 600), 1000, 500, 1, "", Q3_SATISFIED),
        Arguments.of("share fits gpu, cpu short", node(500, "A", 600), 1000, 500, 1, "",
            Q4_LACK_CPU),
        Arguments.of("share lacks gpu", node(8000, "A", 300, 400), 1000, 500, 1, "",
            Q2_LACK_GPU),
        Arguments.of("share lacks both", node(500, "A", 300), 1000, 500, 1, "", Q1_LACK_BOTH),
        Arguments.of("two whole gpus, only one free", node(8000, "A", 1000, 900), 1000, 1000, 2,
            "", Q2_LACK_GPU),
        Arguments.of("two whole gpus fit", node(8000, "A", 1000, 500, 1000), 1000, 1000, 2, "",
            Q3_SATISFIED),
        Arguments.of("model mismatch", node(8000, "B", 1000), 1000, 500, 1, "A", NO_ACCESS),
        Arguments.of("model on cpu node", node(8000, "", 1000), 1000, 500, 1, "A", NO_ACCESS),
        Arguments.of("one of listed models", node(8000, "A", 1000), 1000, 500, 1, "B|A",
            Q3_SATISFIED),
        Arguments.of("prefix is not a match", node(8000, "AB", 1000), 1000, 500, 1, "A",
            NO_ACCESS),
        Arguments.of("empty list entries ignored", node(8000, "B", 1000), 1000, 500, 1, "|",
            Q3_SATISFIED),
        Arguments.of("no model asked, cpu node", node(8000, "", 0), 1000, 500, 1, "",
            Q2_LACK_GPU));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void categories(String name, GpuNodeState n, long cpu, int milli, int count, String model,
      int expected) {
    assertThat(category(n, single(cpu, milli, count, model), 0)).isEqualTo(expected);
  }

  static Stream<Arguments> nodeCategories() {
    return Stream.of(
        // idle 3300: shares Q2 .5*300 Q3 .5*3000; whole Q2 .3*300 Q3 .3*3000; cpu XL .2*3300
        Arguments.of("roomy node", node(8000, "A", 1000, 1000, 1000, 300),
            new double[] {0, 240, 2400, 0, 660, 0, 0}, 900.0),
        // idle 1300: shares Q2 .5*300 Q3 .5*1000; whole Q4 .3*1300; cpu XR .2*1300
        Arguments.of("cpu-bound node", node(1500, "A", 1000, 300),
            new double[] {0, 150, 500, 390, 0, 260, 0}, 800.0),
        // idle 700: shares Q1 .5*700, whole Q1 .3*700 (560); cpu XR .2*700
        Arguments.of("starved node", node(500, "A", 400, 300),
            new double[] {560, 0, 0, 0, 0, 140, 0}, 700.0),
        Arguments.of("full node", node(8000, "A", 0, 0), new double[7], 0.0),
        Arguments.of("cpu node", node(8000, ""), new double[7], 0.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void nodeCategories(String name, GpuNodeState n, double[] expected, double amount) {
    assertThat(Fragmentation.nodeCategories(n, MIXED)).containsExactly(expected, within(EPS));
    assertThat(nodeAmount(n, MIXED)).isCloseTo(amount, within(EPS));
  }

  @Test
  void modelConstrainedClassSeesOtherModelsAsNoAccess() {
    TypicalPods pods = TypicalPods.ofClasses(List.of(
        new PodClass(1000, 1000, 1, "V100", 0.25), new PodClass(1000, 500, 1, "", 0.75)));
    double[] c = Fragmentation.nodeCategories(node(8000, "T4", 1000, 200), pods);
    // idle 1200: no-access .25*1200; share Q2 .75*200, Q3 .75*1000
    assertThat(c).containsExactly(new double[] {0, 150, 750, 0, 0, 0, 300}, within(EPS));
  }

  @Test
  void clusterAmountAndRatio() {
    double[] c = clusterCategories(
        List.of(node(8000, "A", 1000, 1000, 1000, 300), node(1500, "A", 1000, 300)), MIXED);
    assertThat(c).containsExactly(new double[] {0, 390, 2900, 390, 660, 260, 0}, within(EPS));
    assertThat(amount(c)).isCloseTo(1700, within(EPS));
    assertThat(ratioPercent(c)).isCloseTo(100.0 * 1700 / 4600, within(EPS));
  }

  static Stream<Arguments> fgd() {
    TypicalPods share500 = single(1000, 500, 1, "");
    TypicalPods whole1 = single(0, 1000, 1, "");
    return Stream.of(
        // dev0 -> [500,600] frag 0 -> 50; dev1 -> [1000,100] frag 100 -> trunc(47.50) = 47
        Arguments.of("share keeps the big hole whole", node(8000, "A", 1000, 600), share500,
            new GpuDemand(1000, 0, 1, 500, ""), 50, 0.0, 0.0, new int[] {0}),
        // before: 200 too small for 500; dev1 -> [1000,0] frag 0 -> trunc(54.98) = 54
        Arguments.of("share fills the fragment", node(8000, "A", 1000, 200), share500,
            new GpuDemand(0, 0, 1, 200, ""), 54, 200.0, 0.0, new int[] {1}),
        Arguments.of("share fits nowhere", node(8000, "A", 100, 100), share500,
            new GpuDemand(0, 0, 1, 200, ""), 0, 200.0, 200.0, new int[0]),
        // ties keep the lowest index
        Arguments.of("share tie", node(8000, "A", 1000, 1000), share500,
            new GpuDemand(0, 0, 1, 500, ""), 50, 0.0, 0.0, new int[] {0}),
        // before: [1000,1000,500] fits, Q2 500; after [0,0,500]: Q2 500
        Arguments.of("two whole gpus", node(8000, "A", 1000, 500, 1000), whole1,
            new GpuDemand(0, 0, 2, 1000, ""), 50, 500.0, 500.0, new int[] {0, 2}),
        // packing takes device 0 -> [0,1000,1000]: no device below 1000 holds milli, frag 0
        Arguments.of("whole gpu leaves no fragment", node(8000, "A", 1000, 1000, 1000), whole1,
            new GpuDemand(0, 0, 1, 1000, ""), 50, 0.0, 0.0, new int[] {0}),
        // [400,1000]: the 400 is a Q2 fragment before and after
        Arguments.of("whole gpu next to a share", node(8000, "A", 400, 1000), whole1,
            new GpuDemand(0, 0, 1, 1000, ""), 50, 400.0, 400.0, new int[] {1}),
        // cpu short: node scored unchanged
        Arguments.of("cpu short scores unchanged", node(500, "A", 1000, 1000), whole1,
            new GpuDemand(1000, 0, 1, 1000, ""), 50, 0.0, 0.0, new int[] {0}),
        // cpu-only pod taking cpu makes the share class lack cpu: before 0, after Q4 2000
        Arguments.of("cpu-only pod exhausts cpu", node(1500, "A", 1000, 1000), share500,
            new GpuDemand(1000, 0, 0, 0, ""), 11, 0.0, 2000.0, new int[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void fgd(String name, GpuNodeState n, TypicalPods pods, GpuDemand d, int score, double before,
      double after, int[] devices) {
    int[] snapshot = n.gpuMilliFree();
    FgdChoice c = Fragmentation.fgd(n, d, pods);
    assertThat(c.score()).isEqualTo(score);
    assertThat(c.before()).isCloseTo(before, within(EPS));
    assertThat(c.after()).isCloseTo(after, within(EPS));
    assertThat(c.increment()).isCloseTo(after - before, within(EPS));
    assertThat(c.devices()).containsExactly(devices);
    assertThat(n.gpuMilliFree()).containsExactly(snapshot);
  }

  @Test
  void scoreIsTruncatedSigmoidOfTheDecrease() {
    assertThat(score(0, 0)).isEqualTo(50);
    assertThat(score(1000, 0)).isEqualTo(73); // 100 / (1 + e^-1) = 73.1
    assertThat(score(0, 1000)).isEqualTo(26); // 26.9
    assertThat(score(0, 1e6)).isEqualTo(0);
    assertThat(score(1e6, 0)).isEqualTo(100);
  }
}
