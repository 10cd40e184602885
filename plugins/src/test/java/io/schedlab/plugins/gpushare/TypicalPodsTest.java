package io.schedlab.plugins.gpushare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.schedlab.plugins.gpushare.TypicalPods.PodClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypicalPodsTest {
  private static final GpuDemand SHARE = new GpuDemand(1000, 5, 1, 500, "");
  private static final GpuDemand ONE = new GpuDemand(2000, 5, 1, 1000, "");
  private static final GpuDemand TWO = new GpuDemand(4000, 5, 2, 1000, "");
  private static final GpuDemand CPU = new GpuDemand(500, 5, 0, 0, "");

  private static List<GpuDemand> workload() {
    List<GpuDemand> out = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      out.add(SHARE);
    }
    out.add(ONE);
    out.add(TWO);
    out.add(ONE);
    out.add(CPU);
    out.add(ONE);
    return out;
  }

  @Test
  void defaultStepKeepsEveryClassUnrescaled() {
    TypicalPods t = TypicalPods.of(workload());
    assertThat(t.size()).isEqualTo(3);
    assertThat(t.get(0)).isEqualTo(new PodClass(1000, 500, 1, "", 5.0 / 9));
    assertThat(t.get(1)).isEqualTo(new PodClass(2000, 1000, 1, "", 3.0 / 9));
    assertThat(t.get(2)).isEqualTo(new PodClass(4000, 1000, 2, "", 1.0 / 9));
  }

  @Test
  void stepOfOneStopsAtThresholdAndRescales() {
    // 60 % of 9 = 5.4: one class covers 5, two cover 8.
    TypicalPods t = TypicalPods.of(workload(), 60, 1, false, 0);
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.get(0).popularity()).isCloseTo(0.625, within(1e-12));
    assertThat(t.get(1).popularity()).isCloseTo(0.375, within(1e-12));
  }

  @Test
  void thresholdMetExactlyStops() {
    // 50 % of 10 = 5 with CPU pods: the first class alone covers it.
    TypicalPods t = TypicalPods.of(workload(), 50, 1, true, 0);
    assertThat(t.size()).isEqualTo(1);
    assertThat(t.get(0)).isEqualTo(new PodClass(1000, 500, 1, "", 1.0));
  }

  @Test
  void cpuPodsCountWhenIncluded() {
    TypicalPods t = TypicalPods.of(workload(), 100, 10, true, 0);
    assertThat(t.size()).isEqualTo(4);
    assertThat(t.get(3)).isEqualTo(new PodClass(500, 0, 0, "", 0.1));
  }

  @Test
  void gpuWeightInflatesWholeGpuPods() {
    // weight 1: ONE counts 2 each (6), TWO counts 3, SHARE 5: total 14.
    TypicalPods t = TypicalPods.of(workload(), 100, 10, false, 1.0);
    assertThat(t.get(0)).isEqualTo(new PodClass(2000, 1000, 1, "", 6.0 / 14));
    assertThat(t.get(1)).isEqualTo(new PodClass(1000, 500, 1, "", 5.0 / 14));
    assertThat(t.get(2)).isEqualTo(new PodClass(4000, 1000, 2, "", 3.0 / 14));
  }

  @Test
  void tiesOrderByLargestClassFields() {
    TypicalPods t = TypicalPods.of(List.of(
        new GpuDemand(1000, 0, 1, 500, ""), new GpuDemand(2000, 0, 1, 500, ""),
        new GpuDemand(2000, 0, 1, 500, "B"), new GpuDemand(2000, 0, 1, 300, "")));
    assertThat(t.get(0).gpuModel()).isEqualTo("B");
    assertThat(t.get(1)).isEqualTo(new PodClass(2000, 500, 1, "", 0.25));
    assertThat(t.get(2)).isEqualTo(new PodClass(2000, 300, 1, "", 0.25));
    assertThat(t.get(3)).isEqualTo(new PodClass(1000, 500, 1, "", 0.25));
  }

  @Test
  void memoryIsNotPartOfAClass() {
    TypicalPods t = TypicalPods.of(List.of(
        new GpuDemand(1000, 1, 1, 500, ""), new GpuDemand(1000, 2, 1, 500, "")));
    assertThat(t.size()).isEqualTo(1);
    assertThat(t.get(0).popularity()).isEqualTo(1.0);
  }

  @Test
  void emptyWorkloadHasNoClasses() {
    assertThat(TypicalPods.of(List.of(CPU)).size()).isZero();
  }
}
