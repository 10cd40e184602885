package io.schedlab.plugins.gpushare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Affinity;
import io.schedlab.api.Container;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuNodeStateTest {
  @Test
  void allocateAndReleaseShare() {
    GpuNodeState n = GpuNodeState.idle(8000, 1000, "A", 2);
    GpuDemand d = new GpuDemand(1500, 300, 1, 400, "");
    GpuNodeState before = n.copy();
    n.allocate(d, new int[] {1});
    assertThat(n.gpuMilliFree()).containsExactly(1000, 600);
    assertThat(n.cpuMilliFree()).isEqualTo(6500);
    assertThat(n.memoryFree()).isEqualTo(700);
    assertThat(n.totalGpuMilliFree()).isEqualTo(1600);
    assertThat(n.fullyFreeGpus()).isEqualTo(1);
    assertThat(before.gpuMilliFree()).containsExactly(1000, 1000);
    n.release(d, new int[] {1});
    assertThat(n.gpuMilliFree()).containsExactly(1000, 1000);
    assertThat(n.cpuMilliFree()).isEqualTo(8000);
  }

  @Test
  void allocateWholeGpus() {
    GpuNodeState n = GpuNodeState.idle(8000, 1000, "A", 4);
    n.allocate(new GpuDemand(0, 0, 2, 1000, ""), new int[] {0, 3});
    assertThat(n.gpuMilliFree()).containsExactly(0, 1000, 1000, 0);
    assertThat(n.fitsOnGpus(2, 1000)).isTrue();
    assertThat(n.fitsOnGpus(3, 1000)).isFalse();
  }

  @Test
  void rejectsBadDevices() {
    GpuNodeState n = new GpuNodeState(8000, 1000, "A", new int[] {300, 1000});
    assertThatThrownBy(() -> n.allocate(new GpuDemand(0, 0, 1, 400, ""), new int[] {0}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("device 0");
    assertThatThrownBy(() -> n.allocate(new GpuDemand(0, 0, 1, 400, ""), new int[] {2}))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> n.allocate(new GpuDemand(0, 0, 2, 400, ""), new int[] {1}))
        .hasMessageContaining("expected 2 device ids");
    assertThatThrownBy(() -> n.release(new GpuDemand(0, 0, 1, 400, ""), new int[] {1}))
        .hasMessageContaining("above 1000");
    assertThatThrownBy(() -> new GpuNodeState(0, 0, "", new int[] {1001}))
        .hasMessageContaining("gpuMilliFree[0]");
  }

  private static Pod pod(Map<String, String> annotations, Map<String, Quantity> requests) {
    Container c = new Container("main", null, null, null,
        new ResourceRequirements(requests, null), null, null);
    return Pod.of(ObjectMeta.named("default", "p").withAnnotations(annotations),
        PodSpec.EMPTY.withContainers(List.of(c)), null);
  }

  @Test
  void demandFromOpenbPod() {
    GpuDemand d = GpuDemand.of(pod(
        Map.of(GpuDemand.GPU_COUNT_ANNOTATION, "2", GpuDemand.GPU_MILLI_ANNOTATION, "1000",
            GpuDemand.GPU_MODEL_KEY, "V100M16|V100M32"),
        Map.of("cpu", Quantity.ofMilli(12000), "memory", Quantity.parse("1Gi"))));
    assertThat(d).isEqualTo(new GpuDemand(12000, 1L << 30, 2, 1000, "V100M16|V100M32"));
    assertThat(d.isShare()).isFalse();
    assertThat(d.totalGpuMilli()).isEqualTo(2000);
    assertThat(d.acceptsModel("V100M32")).isTrue();
    assertThat(d.acceptsModel("T4")).isFalse();
  }

  @Test
  void demandDefaultsAndShare() {
    GpuDemand d = GpuDemand.of(pod(
        Map.of(GpuDemand.GPU_COUNT_ANNOTATION, "1", GpuDemand.GPU_MILLI_ANNOTATION, "250"),
        Map.of()));
    assertThat(d).isEqualTo(new GpuDemand(100, 200L * 1024 * 1024, 1, 250, ""));
    assertThat(d.isShare()).isTrue();
    GpuDemand cpu = GpuDemand.of(pod(Map.of(GpuDemand.GPU_MILLI_ANNOTATION, "500"),
        Map.of("cpu", Quantity.ofMilli(300))));
    assertThat(cpu).isEqualTo(new GpuDemand(300, 200L * 1024 * 1024, 0, 0, ""));
  }

  @Test
  void modelFromRequiredNodeAffinity() {
    NodeSelectorRequirement in = new NodeSelectorRequirement(GpuDemand.GPU_MODEL_KEY, "In",
        List.of("T4", "P100"));
    PodSpec spec = PodSpec.EMPTY.withAffinity(new Affinity(new NodeAffinity(
        new NodeSelector(List.of(new NodeSelectorTerm(List.of(in), null))), null), null, null));
    Pod p = Pod.of(ObjectMeta.named("default", "p").withAnnotations(Map.of()), spec, null);
    assertThat(GpuDemand.of(p).gpuModel()).isEqualTo("T4|P100");
  }

  @Test
  void demandBadAnnotation() {
    assertThatThrownBy(() -> GpuDemand.of(pod(Map.of(GpuDemand.GPU_COUNT_ANNOTATION, "x"),
        Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("annotation alibabacloud.com/gpu-count: expected an integer, got 'x'");
  }
}
