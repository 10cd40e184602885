package io.schedlab.plugins.gpushare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.schedlab.plugins.gpushare.TypicalPods.PodClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expectations taken from the FGD artifact's own fragmentation unit test
 * (hkust-adsl/kubernetes-scheduler-simulator, pkg/utils/frag_test.go): the same 35 typical
 * classes (popularities that do not sum to 1) and nodes, the same amounts to 0.01.
 */
class ArtifactFragmentationCasesTest {
  private static final TypicalPods ARTIFACT_CLASSES = TypicalPods.ofClasses(List.of(
      new PodClass(6000, 465, 1, "", 9.33 / 100),
      new PodClass(8000, 440, 1, "2080", 9.15 / 100),
      new PodClass(8000, 475, 1, "T4", 8.76 / 100),
      new PodClass(8000, 440, 1, "P100", 8.72 / 100),
      new PodClass(2000, 465, 1, "", 8.68 / 100),
      new PodClass(12000, 900, 1, "", 8.65 / 100),
      new PodClass(4000, 900, 1, "", 8.43 / 100),
      new PodClass(16000, 678, 1, "T4", 8.36 / 100),
      new PodClass(8000, 500, 1, "", 8.29 / 100),
      new PodClass(6000, 511, 1, "", 8.11 / 100),
      new PodClass(14000, 1000, 2, "2080", 0.54 / 100),
      new PodClass(4000, 1000, 1, "2080", 0.43 / 100),
      new PodClass(32000, 1000, 2, "T4", 0.43 / 100),
      new PodClass(16000, 1000, 1, "V100M16", 0.40 / 100),
      new PodClass(64000, 1000, 2, "", 0.40 / 100),
      new PodClass(10000, 1000, 2, "", 0.40 / 100),
      new PodClass(11400, 1000, 1, "T4", 0.36 / 100),
      new PodClass(16000, 1000, 1, "T4", 0.36 / 100),
      new PodClass(4000, 1000, 2, "", 0.36 / 100),
      new PodClass(14000, 1000, 2, "V100M16", 0.36 / 100),
      new PodClass(8000, 1000, 4, "", 0.36 / 100),
      new PodClass(16000, 1000, 2, "", 0.32 / 100),
      new PodClass(2000, 1000, 1, "T4", 0.32 / 100),
      new PodClass(6000, 1000, 1, "", 0.32 / 100),
      new PodClass(4000, 1000, 1, "", 0.32 / 100),
      new PodClass(5000, 1000, 1, "", 0.32 / 100),
      new PodClass(32000, 1000, 4, "V100M16", 0.32 / 100),
      new PodClass(32000, 1000, 2, "", 0.32 / 100),
      new PodClass(24000, 1000, 8, "2080", 0.32 / 100),
      new PodClass(40000, 1000, 4, "", 0.29 / 100),
      new PodClass(32000, 1000, 8, "", 0.29 / 100),
      new PodClass(32000, 1000, 1, "T4", 0.29 / 100),
      new PodClass(16000, 1000, 1, "", 0.25 / 100),
      new PodClass(7000, 1000, 1, "V100M16", 0.25 / 100),
      new PodClass(24000, 1000, 1, "T4", 0.25 / 100)
));

  @Test
  void usedNodeShortOfCpu() {
    GpuNodeState n = new GpuNodeState(1000, 0, "1080", new int[] {200, 1000, 1000, 500});
    assertThat(Fragmentation.nodeAmount(n, ARTIFACT_CLASSES)).isCloseTo(2566.62, within(0.01));
  }

  @Test
  void idleFourGpuNode() {
    GpuNodeState n = GpuNodeState.idle(1000, 0, "1080", 4);
    assertThat(Fragmentation.nodeAmount(n, ARTIFACT_CLASSES)).isCloseTo(3802.40, within(0.01));
  }

  @Test
  void idleEightGpuNode() {
    GpuNodeState n = GpuNodeState.idle(1000, 0, "1080", 8);
    assertThat(Fragmentation.nodeAmount(n, ARTIFACT_CLASSES)).isCloseTo(7604.80, within(0.01));
  }

  @Test
  void singleClassLackingCpu() {
    TypicalPods one = TypicalPods.ofClasses(List.of(new PodClass(6000, 465, 1, "", 9.33 / 100)));
    GpuNodeState n = new GpuNodeState(1000, 0, "1080", new int[] {200, 1000, 1000, 500});
    assertThat(Fragmentation.category(n, one, 0)).isEqualTo(Fragmentation.Q4_LACK_CPU);
    assertThat(n.totalGpuMilliFree()).isEqualTo(2700);
    assertThat(Fragmentation.nodeAmount(n, one)).isCloseTo(251.91, within(0.01));
  }
}
